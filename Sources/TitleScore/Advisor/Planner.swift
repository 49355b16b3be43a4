/// Finds the achievements that bring a portfolio to a sheet's threshold with the least effort, and alternatives.
///
/// Candidates are one hypothetical record per kind the sheet scores (each level of each table, at its best rank),
/// dated inside the validity window. Every candidate set is scored by the real evaluator, so caps, shared caps,
/// rank tables and "higher of" rules all apply. Each candidate weighs what the sheet's effort weights say (a
/// national project led weighs more than a general-journal paper; modelled, as the notices are silent). The plans:
/// the set of least total effort that reaches the threshold (the highest total among equals); the fewest records
/// that reach it, when that is a different set; and the next least-effort set. The searches go by effort budget
/// and by number of records, pruned by what a record can add at most, so each plan is optimal for its aim, not
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
    /// How hard it is to obtain, by the sheet's effort weights.
    public var effort: Int
  }

  /// One way to reach the threshold.
  public struct Plan: Sendable {
    /// What the plan is the best at.
    public enum Aim: String, Sendable {
      /// The least total effort.
      case leastEffort = "least-effort"
      /// The fewest records.
      case fewestRecords = "fewest-records"
      /// The next least effort, for a choice.
      case alternative
    }

    /// What the plan is the best at.
    public var aim: Aim
    /// The records, the one adding most first.
    public var steps: [Step]
    /// The result with them.
    public var result: ScoreResult
    /// The steps' efforts together.
    public var effort: Int
    /// Whether no plan takes fewer records (then no separate fewest-records plan is given).
    public var hasFewestRecords = false
  }

  /// Where a planned record's date must fall to count: from `from` (the current title's date, where the sheet
  /// counts records since then; nil for any date before) to `until`.
  public struct Window: Sendable {
    /// The first day, or nil for no lower bound.
    public var from: Day?
    /// The last day.
    public var until: Day
  }

  /// What the planner found.
  public enum Outcome: Sendable {
    /// Already at or above the threshold.
    case alreadyPasses(ScoreResult)
    /// A gate fails; achievements cannot help.
    case blockedByGates([GateOutcome])
    /// The sheet has no threshold (a criteria route).
    case noThreshold
    /// The plans that reach the threshold, the least-effort one first, and the window their records must fall in.
    case plans([Plan], window: Window)
    /// No number of records up to the search limit reaches the threshold: the caps are exhausted.
    case unreachable(best: PointsInterval, limit: Int)
  }

  /// A candidate kind of record, with the most it can ever add alone and its effort.
  struct Candidate {
    var record: AchievementRecord
    var itemID: String
    var bound: Points
    var effort: Int = 1
  }

  let sheet: Scoresheet
  let evaluator: Evaluator
  /// The largest plan searched for.
  public let maximumRecords: Int
  /// The most candidate sets the effort search scores before settling for what it has found.
  static let evaluationBudget = 20_000

  /// Prepares a planner.
  public init(sheet: Scoresheet, maximumRecords: Int = 6) {
    self.sheet = sheet
    evaluator = Evaluator(sheet: sheet)
    self.maximumRecords = maximumRecords
  }

  /// Plans for a portfolio.
  ///
  /// - Complexity: one evaluation per candidate set tried: for the fewest records, up to C(k + m − 1, m) sets of m
  ///   records from k candidate kinds for each size m up to `maximumRecords`; for the least effort, the sets of
  ///   each effort budget in turn; both pruned by each candidate's bound, and the effort search stops after
  ///   `evaluationBudget` sets. In practice a few thousand evaluations.
  public func plan(_ portfolio: Portfolio) -> Outcome {
    let current = evaluator.evaluate(portfolio, tracing: false)
    guard let threshold = sheet.threshold else { return .noThreshold }
    let failed = current.gates.filter { !$0.passed }
    if !failed.isEmpty { return .blockedByGates(failed) }
    if current.total.min >= threshold { return .alreadyPasses(current) }
    let candidates = candidates(for: portfolio)
    guard !candidates.isEmpty else { return .unreachable(best: current.total, limit: 0) }

    var fewest: (indices: [Int], total: PointsInterval)?
    var bestSeen = current.total
    for size in 1...maximumRecords {
      var chosen: [Int] = []
      search(
        size: size, from: 0, chosen: &chosen, portfolio: portfolio, current: current.total.min, threshold: threshold,
        candidates: candidates, best: &fewest, bestSeen: &bestSeen)
      if fewest != nil { break }
    }
    guard let fewest else { return .unreachable(best: bestSeen, limit: maximumRecords) }
    let cheapest = leastEffortSets(
      portfolio: portfolio, current: current.total.min, threshold: threshold, candidates: candidates)
    var plans: [Plan] = []
    func add(_ indices: [Int], _ aim: Plan.Aim) {
      guard !plans.contains(where: { $0.steps.count == indices.count && sameSet($0, indices, candidates) }) else {
        return
      }
      plans.append(plan(of: indices, aim: aim, portfolio: portfolio, current: current, candidates: candidates))
    }
    if let first = cheapest.first { add(first, .leastEffort) }
    // Alternatives differ in what they are made of, not only in how many of the same record they take.
    func items(_ indices: [Int]) -> Set<String> {
      Set(indices.map { candidates[$0].itemID + "|" + candidates[$0].record.type })
    }
    // The fewest records, when that is fewer than the least-effort plan needs.
    if plans.isEmpty || fewest.indices.count < plans[0].steps.count {
      add(fewest.indices, plans.isEmpty ? .leastEffort : .fewestRecords)
    }
    plans[0].hasFewestRecords = plans[0].steps.count == fewest.indices.count
    var kinds = plans.map { Set($0.steps.map { $0.itemID + "|" + $0.record.type }) }
    for indices in cheapest.dropFirst() where plans.count < 3 && !kinds.contains(items(indices)) {
      add(indices, .alternative)
      kinds.append(items(indices))
    }
    let end = sheet.recordsCountUntil(for: portfolio)
    let from = sheet.validity.window == .currentTitle ? portfolio.currentTitle?.date : nil
    return .plans(plans, window: Window(from: from, until: end))
  }

  /// Whether a plan's records are the candidates at `indices`, in any order.
  private func sameSet(_ plan: Plan, _ indices: [Int], _ candidates: [Candidate]) -> Bool {
    func key(_ record: AchievementRecord, _ item: String) -> String {
      "\(item)|\(record.type)|\(record.level ?? "")|\(record.rank ?? 0)"
    }
    let planned = plan.steps.map { key($0.record, $0.itemID) }.sorted()
    let proposed = indices.map { key(candidates[$0].record, candidates[$0].itemID) }.sorted()
    return planned == proposed
  }

  /// A plan of the candidates at `indices`: the steps ordered by what each adds first, each with its marginal
  /// points and effort.
  private func plan(
    of indices: [Int], aim: Plan.Aim, portfolio: Portfolio, current: ScoreResult, candidates: [Candidate]
  ) -> Plan {
    var remaining = indices
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
          record: record, itemID: candidates[index].itemID, adds: pickResult!.total.boundwise(minus: total),
          effort: candidates[index].effort))
      total = pickResult!.total
    }
    return Plan(
      aim: aim, steps: steps, result: evaluator.evaluate(working), effort: steps.reduce(0) { $0 + $1.effort })
  }

  /// Whether every candidate of `part` is in `whole` at least as many times (both sorted, as the search builds them).
  static func isPart(_ part: [Int], of whole: [Int]) -> Bool {
    var position = 0
    for index in part {
      while position < whole.count && whole[position] < index { position += 1 }
      guard position < whole.count, whole[position] == index else { return false }
      position += 1
    }
    return true
  }

  /// How many different mixes of items and record types the sets make.
  private func distinctKinds(_ sets: [[Int]], _ candidates: [Candidate]) -> Int {
    Set(sets.map { Set($0.map { candidates[$0].itemID + "|" + candidates[$0].record.type }) }).count
  }

  /// The candidate sets that reach the threshold, by least total effort (then the highest total): every set of
  /// the least effort that reaches it, then those of the next efforts, until three are found or the budget of
  /// evaluations is spent (sets of three different mixes are looked for). Sets hold at most `maximumRecords`
  /// records.
  private func leastEffortSets(
    portfolio: Portfolio, current: Points, threshold: Points, candidates: [Candidate]
  ) -> [[Int]] {
    let heaviest = candidates.map(\.effort).max() ?? 1
    // The most points one unit of effort can buy, for pruning: no set of effort e adds more than e times it.
    let bestRatio = candidates.map { $0.bound.units / Int64($0.effort) }.max() ?? 0
    var found: [(indices: [Int], total: Points, effort: Int)] = []
    var evaluations = 0
    for budget in 1...(maximumRecords * heaviest) {
      var atBudget: [(indices: [Int], total: Points, effort: Int)] = []
      var chosen: [Int] = []
      func visit(from start: Int, effort: Int, bounds: Points) {
        guard evaluations < Planner.evaluationBudget else { return }
        if effort == budget {
          var trial = portfolio
          for index in chosen { trial.records.append(recordWithID(candidates[index].record, in: trial)) }
          evaluations += 1
          // A set holding a cheaper set that reaches already is no alternative: its extra records add nothing needed.
          if found.contains(where: { Planner.isPart($0.indices, of: chosen) }) { return }
          let total = evaluator.evaluate(trial, tracing: false).total.min
          if total >= threshold { atBudget.append((chosen, total, effort)) }
          return
        }
        guard chosen.count < maximumRecords else { return }
        let left = budget - effort
        if (current + bounds).units + Int64(left) * bestRatio < threshold.units { return }
        for index in start..<candidates.count where candidates[index].effort <= left {
          chosen.append(index)
          visit(from: index, effort: effort + candidates[index].effort, bounds: bounds + candidates[index].bound)
          chosen.removeLast()
        }
      }
      visit(from: 0, effort: 0, bounds: .zero)
      // At one effort, the fewest records first, then the highest total.
      found += atBudget.sorted { ($0.indices.count, $1.total) < ($1.indices.count, $0.total) }
      if distinctKinds(found.map(\.indices), candidates) >= 3 || evaluations >= Planner.evaluationBudget { break }
    }
    return found.map(\.indices)
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
      for var candidate in proposed.found {
        candidate.effort = sheet.effort.weight(type: candidate.record.type, level: candidate.record.level)
        add(candidate)
      }
    }
    return candidates.filter { $0.bound > .zero }.sorted {
      ($0.bound, $1.itemID, $1.record.level ?? "") > ($1.bound, $0.itemID, $0.record.level ?? "")
    }
  }
}

extension Planner.Outcome {
  /// The plan as text.
  /// The plan as text, within 100 columns; `glossary` names record types and levels.
  public func renderText(
    sheet: Scoresheet, portfolio: Portfolio, language: Language, glossary: Glossary = .bundled
  ) -> String {
    DisplayWidth.fitted(unfitted(sheet: sheet, language: language, glossary: glossary), to: 100)
  }

  private func unfitted(sheet: Scoresheet, language: Language, glossary: Glossary) -> String {
    let titles = ExplainedSheet(sheet).titles
    switch self {
    case .noThreshold:
      return Message(.advisorPlanNoThreshold).text(language)
    case .alreadyPasses(let result):
      return Message(.advisorPlanAlreadyPasses, .text("\(result.total)")).text(language)
    case .blockedByGates(let gates):
      var text = Message(.advisorPlanBlocked).text(language)
      for gate in gates {
        for finding in gate.findings {
          let title = titles[gate.gateID]?.text(language) ?? gate.gateID
          text += "  ✗ " + Message(.textLabelValue, .text(title), .text(finding.text(language))).text(language) + "\n"
        }
      }
      return text
    case .unreachable(let best, let limit):
      return Message(.advisorPlanUnreachable, .text("\(limit)"), .text("\(best)"), .text("\(sheet.threshold ?? .zero)"))
        .text(language)
    case .plans(let plans, let window):
      var text = ""
      let windowText =
        window.from.map { Message(.advisorPlanWindowBetween, .day($0), .day(window.until)) }
        ?? Message(.advisorPlanWindowUntil, .day(window.until))
      for (number, plan) in plans.enumerated() {
        let aim: MessageKey
        switch plan.aim {
        case .leastEffort: aim = plan.hasFewestRecords ? .advisorPlanLeastEffortAndFewest : .advisorPlanLeastEffort
        case .fewestRecords: aim = .advisorPlanFewestRecords
        case .alternative: aim = .advisorPlanAlternative
        }
        if number > 0 { text += "\n" }
        text +=
          Message(aim, .integer(number + 1), .integer(plan.steps.count), .integer(plan.effort)).text(language)
          + "\n"
        var rows: [[String]] = []
        for (index, step) in plan.steps.enumerated() {
          var what = glossary.name(of: step.record.type, in: .recordType, language)
          if let level = step.record.level { what += " · " + glossary.name(of: level, in: .recordLevel, language) }
          if let rank = step.record.rank { what += Message(.advisorRank, .text("\(rank)")).text(language) }
          rows.append([
            "\(index + 1)", titles[step.itemID]?.text(language) ?? step.itemID, what, "\(step.effort)",
            "+\(step.adds)",
          ])
        }
        text += TableText.render(
          headers: [
            Message(.advisorHeaderBlank).text(language), Message(.advisorHeaderItem).text(language),
            Message(.advisorHeaderRecord).text(language), Message(.advisorHeaderEffort).text(language),
            Message(.advisorHeaderAdds).text(language),
          ], rows: rows, rightAligned: [3, 4])
        text +=
          Message(.advisorPlanTotal, .text("\(plan.result.total)"), .text("\(sheet.threshold ?? .zero)")).text(
            language)
      }
      text += Message(.advisorPlanWindow, .message(windowText)).text(language) + "\n"
      let weights =
        sheet.effort.rules.isEmpty
        ? Message(.advisorPlanEffortUniform)
        : Message(
          sheet.effort.provenance.status == .modelled ? .advisorPlanEffortModelled : .advisorPlanEffortOfficial,
          .localized(
            LocalizedText(
              zh: sheet.effort.provenance.clause, en: sheet.effort.provenance.note ?? sheet.effort.provenance.clause)))
      text += weights.text(language) + "\n"
      return text
    }
  }
}
