/// The state of one evaluation: the inputs, and the lines and deductions found so far.
struct EvaluationContext {
  /// What one evaluation reads, shared by reference so that copying the context (as `higherOf` does to try each
  /// alternative) does not copy the sheet and the portfolio.
  final class Inputs {
    let shared: SharedSheet
    /// The facts, which also hold the portfolio.
    let facts: ApplicantFacts

    init(shared: SharedSheet, facts: ApplicantFacts) {
      self.shared = shared
      self.facts = facts
    }
  }

  let inputs: Inputs
  var sheet: Scoresheet { inputs.shared.sheet }
  var portfolio: Portfolio { inputs.facts.portfolio }
  var facts: ApplicantFacts { inputs.facts }
  /// For each record, whether it counts.
  let recordCounts: [Bool]
  /// Each shared cap's limit by id.
  let sharedCaps: [String: Points]
  var lines: [ScoreLine] = []
  var deductions: [Deduction] = []
  /// Points used so far under each shared cap.
  var sharedCapUsed: [String: PointsInterval] = [:]
  /// Whether lines and deductions carry the values they matched on, for explanations. A batch skips them: the
  /// points, codes and verdict are the same either way.
  let tracing: Bool

  init(shared: SharedSheet, facts: ApplicantFacts, recordCounts: [Bool], sharedCaps: [String: Points], tracing: Bool) {
    self.tracing = tracing
    inputs = Inputs(shared: shared, facts: facts)
    self.recordCounts = recordCounts
    self.sharedCaps = sharedCaps
  }

  /// The values, when tracing; nothing otherwise.
  func trace(_ values: @autoclosure () -> [String]) -> [String] {
    tracing ? values() : []
  }

  /// The indices of the records a selector picks that count.
  func countingRecords(_ selector: RecordSelector) -> [Int] {
    var indices: [Int] = []
    let records = inputs.facts.portfolio.records
    for (index, record) in records.enumerated() where recordCounts[index] && selector.selects(record) {
      indices.append(index)
    }
    return indices
  }

  /// Adds a scored line, cutting it to what its shared cap still allows; returns the points admitted.
  mutating func admit(_ line: ScoreLine) -> PointsInterval {
    var line = line
    if let capID = line.sharedCap, let cap = sharedCaps[capID] {
      let used = sharedCapUsed[capID] ?? .zero
      let room = PointsInterval(min: max(.zero, cap - used.min), max: max(.zero, cap - used.max))
      let admitted = PointsInterval(min: min(line.points.min, room.min), max: min(line.points.max, room.max))
      if admitted != line.points {
        deductions.append(
          Deduction(
            .sharedCapReached, item: line.itemID, record: line.recordIndex,
            lost: line.points.boundwise(minus: admitted),
            details: trace(["cap=\(capID)", "limit=\(cap)"])))
        line.points = admitted
      }
      sharedCapUsed[capID] = used + admitted
    }
    lines.append(line)
    return line.points
  }
}

/// A sheet held by reference, so that each evaluation shares it instead of copying it.
final class SharedSheet: Sendable {
  let sheet: Scoresheet

  init(_ sheet: Scoresheet) {
    self.sheet = sheet
  }
}
