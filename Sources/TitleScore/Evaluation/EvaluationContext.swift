/// The state of one evaluation: the inputs, and the lines and deductions found so far.
struct EvaluationContext {
  let sheet: Scoresheet
  let portfolio: Portfolio
  let facts: ApplicantFacts
  /// For each record, whether it counts.
  let recordCounts: [Bool]
  /// Each shared cap's limit by id.
  let sharedCaps: [String: Points]
  var lines: [ScoreLine] = []
  var deductions: [Deduction] = []
  /// Points used so far under each shared cap.
  var sharedCapUsed: [String: PointsInterval] = [:]

  init(sheet: Scoresheet, portfolio: Portfolio, facts: ApplicantFacts, recordCounts: [Bool]) {
    self.sheet = sheet
    self.portfolio = portfolio
    self.facts = facts
    self.recordCounts = recordCounts
    var caps: [String: Points] = [:]
    for cap in sheet.sharedCaps { caps[cap.id] = cap.cap }
    sharedCaps = caps
  }

  /// The indices of the records a selector picks that count.
  func countingRecords(_ selector: RecordSelector) -> [Int] {
    var indices: [Int] = []
    for (index, record) in portfolio.records.enumerated() where recordCounts[index] && selector.selects(record) {
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
            lost: PointsInterval(min: line.points.min - admitted.min, max: line.points.max - admitted.max),
            details: ["cap=\(capID)", "limit=\(cap)"]))
        line.points = admitted
      }
      sharedCapUsed[capID] = used + admitted
    }
    lines.append(line)
    return line.points
  }
}
