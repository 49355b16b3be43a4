/// Finds the fewest additional achievements that bring a portfolio to a sheet's threshold.
///
/// Candidates are one hypothetical record per kind the sheet scores (each level of each table, at its best rank),
/// dated inside the validity window. Every candidate set is scored by the real evaluator, so caps, shared caps,
/// rank tables and "higher of" rules all apply. The search goes by number of records and prunes with an upper
/// bound on what any one record can add, so the plan is optimal — fewest records, then the highest total — not
/// greedy.
public struct Planner: Sendable {
  /// One hypothetical record and the points it adds in the plan's order.
  public struct Step: Sendable {
    /// The record to add.
    public var record: AchievementRecord
    /// The item that scores it.
    public var itemID: String
    /// Points it adds, given the steps before it.
    public var adds: PointsInterval
  }

  /// What the planner found.
  public enum Outcome: Sendable {
    /// Already at or above the threshold.
    case alreadyPasses(ScoreResult)
    /// A gate fails; achievements cannot help.
    case blockedByGates([GateOutcome])
    /// The sheet has no threshold (a criteria route).
    case noThreshold
    /// The fewest records that reach the threshold, and the result with them.
    case plan([Step], ScoreResult)
    /// No number of records up to the search limit reaches the threshold: the caps are exhausted.
    case unreachable(best: PointsInterval, limit: Int)
  }

  /// A candidate kind of record, with the most it can ever add alone.
  struct Candidate {
    var record: AchievementRecord
    var itemID: String
    var bound: Points
  }

  let sheet: Scoresheet
  let evaluator: Evaluator
  /// The largest plan searched for.
  public let maximumRecords: Int

  /// Prepares a planner.
  public init(sheet: Scoresheet, maximumRecords: Int = 6) {
    self.sheet = sheet
    evaluator = Evaluator(sheet: sheet)
    self.maximumRecords = maximumRecords
  }

  /// Plans for a portfolio.
  ///
  /// - Complexity: one evaluation per candidate set tried: up to C(k + m − 1, m) sets of m records from k
  ///   candidate kinds for each size m up to `maximumRecords`, pruned by each candidate's bound; in practice a few
  ///   thousand evaluations.
  public func plan(_ portfolio: Portfolio) -> Outcome {
    let current = evaluator.evaluate(portfolio, tracing: false)
    guard let threshold = sheet.threshold else { return .noThreshold }
    let failed = current.gates.filter { !$0.passed }
    if !failed.isEmpty { return .blockedByGates(failed) }
    if current.total.min >= threshold { return .alreadyPasses(current) }
    let candidates = candidates(for: portfolio)
    guard !candidates.isEmpty else { return .unreachable(best: current.total, limit: 0) }

    var best: (indices: [Int], total: PointsInterval)?
    var bestSeen = current.total
    for size in 1...maximumRecords {
      var chosen: [Int] = []
      search(
        size: size, from: 0, chosen: &chosen, portfolio: portfolio, current: current.total.min, threshold: threshold,
        candidates: candidates, best: &best, bestSeen: &bestSeen)
      if best != nil { break }
    }
    guard let best else { return .unreachable(best: bestSeen, limit: maximumRecords) }
    // Order the steps by what each adds first, and report each one's marginal points.
    var remaining = best.indices
    var steps: [Step] = []
    var working = portfolio
    var total = current.total
    while !remaining.isEmpty {
      var pick = 0
      var pickResult: ScoreResult?
      for (offset, index) in remaining.enumerated() {
        var trial = working
        trial.records.append(recordWithID(candidates[index].record, in: trial))
        let result = evaluator.evaluate(trial, tracing: false)
        if pickResult == nil || result.total.min > pickResult!.total.min {
          pick = offset
          pickResult = result
        }
      }
      let index = remaining.remove(at: pick)
      let record = recordWithID(candidates[index].record, in: working)
      working.records.append(record)
      steps.append(
        Step(
          record: record, itemID: candidates[index].itemID,
          adds: pickResult!.total.boundwise(minus: total)))
      total = pickResult!.total
    }
    return .plan(steps, evaluator.evaluate(working))
  }

  private func recordWithID(_ record: AchievementRecord, in portfolio: Portfolio) -> AchievementRecord {
    var copy = record
    var number = portfolio.records.count + 1
    while portfolio.records.contains(where: { $0.id == "PLAN-\(number)" }) { number += 1 }
    copy.id = "PLAN-\(number)"
    return copy
  }

  /// Depth-first search over multisets of `size` candidates (indices never decreasing), pruned by bounds.
  private func search(
    size: Int, from start: Int, chosen: inout [Int], portfolio: Portfolio, current: Points, threshold: Points,
    candidates: [Candidate], best: inout (indices: [Int], total: PointsInterval)?, bestSeen: inout PointsInterval
  ) {
    if chosen.count == size {
      var trial = portfolio
      for index in chosen { trial.records.append(recordWithID(candidates[index].record, in: trial)) }
      let total = evaluator.evaluate(trial, tracing: false).total
      if total.min > bestSeen.min { bestSeen = total }
      if total.min >= threshold, best == nil || total.min > best!.total.min { best = (chosen, total) }
      return
    }
    let left = size - chosen.count
    for index in start..<candidates.count {
      // Candidates are sorted by bound, so no later choice can do better than this one's bound. A set is passed
      // over only when it can neither reach the threshold nor beat the best total seen: when nothing reaches the
      // threshold, the best total reported is then the real best of the sets searched, not of the few that were
      // scored (a plan of one record once reported 30–35 where one national project gives 52–57).
      let optimistic = chosen.reduce(current) { $0 + candidates[$1].bound } + candidates[index].bound * left
      if optimistic < threshold && optimistic <= bestSeen.min { break }
      chosen.append(index)
      search(
        size: size, from: index, chosen: &chosen, portfolio: portfolio, current: current, threshold: threshold,
        candidates: candidates, best: &best, bestSeen: &bestSeen)
      chosen.removeLast()
    }
  }

  /// One hypothetical record per scored kind and level, at the best-scoring rank, dated at the end of the window.
  func candidates(for portfolio: Portfolio) -> [Candidate] {
    let end = sheet.recordsCountUntil(for: portfolio)
    func record(_ type: String, _ level: String?, _ rank: Int?) -> AchievementRecord {
      AchievementRecord(
        id: "PLAN", type: type, level: level, rank: rank, count: 1, date: end, status: "published", evidence: true,
        collective: false, mainContributor: true, acquired: "original", assessedPoints: nil, title: "")
    }
    var candidates: [Candidate] = []
    func add(_ candidate: Candidate) {
      if let existing = candidates.firstIndex(where: {
        $0.itemID == candidate.itemID && $0.record.type == candidate.record.type
          && $0.record.level == candidate.record.level
      }) {
        if candidates[existing].bound < candidate.bound { candidates[existing] = candidate }
      } else {
        candidates.append(candidate)
      }
    }
    for (item, _) in sheet.itemsInOrder {
      var proposed = PlanCandidates(item: item, record: record)
      item.rule.kind.addPlanCandidates(to: &proposed)
      proposed.found.forEach(add)
    }
    return candidates.filter { $0.bound > .zero }.sorted {
      ($0.bound, $1.itemID, $1.record.level ?? "") > ($1.bound, $0.itemID, $0.record.level ?? "")
    }
  }
}

extension Planner.Outcome {
  /// The plan as text.
  public func renderText(sheet: Scoresheet, portfolio: Portfolio, language: Language) -> String {
    let titles = Explanation.titles(of: sheet)
    switch self {
    case .noThreshold:
      return Message(.advisorPlanNoThreshold).text(language)
    case .alreadyPasses(let result):
      return Message(.advisorPlanAlreadyPasses, .text("\(result.total)")).text(language)
    case .blockedByGates(let gates):
      var text = Message(.advisorPlanBlocked).text(language)
      for gate in gates {
        for finding in gate.findings {
          text += "  ✗ \(titles[gate.gateID]?.text(language) ?? gate.gateID): \(finding.text(language))\n"
        }
      }
      return text
    case .unreachable(let best, let limit):
      return Message(.advisorPlanUnreachable, .text("\(limit)"), .text("\(best)"), .text("\(sheet.threshold ?? .zero)"))
        .text(language)
    case .plan(let steps, let result):
      var text =
        Message(.advisorPlanFewest, .text("\(steps.count)")).text(language)
      var rows: [[String]] = []
      for (index, step) in steps.enumerated() {
        var what = step.record.type
        if let level = step.record.level { what += " · \(level)" }
        if let rank = step.record.rank { what += Message(.advisorRank, .text("\(rank)")).text(language) }
        rows.append(["\(index + 1)", titles[step.itemID]?.text(language) ?? step.itemID, what, "+\(step.adds)"])
      }
      text += TableText.render(
        headers: [
          Message(.advisorHeaderBlank).text(language), Message(.advisorHeaderItem).text(language),
          Message(.advisorHeaderRecord).text(language), Message(.advisorHeaderAdds).text(language),
        ], rows: rows, rightAligned: [3])
      text +=
        Message(.advisorPlanTotal, .text("\(result.total)"), .text("\(sheet.threshold ?? .zero)")).text(language)
      return text
    }
  }
}
