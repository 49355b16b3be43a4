/// The state of one evaluation: the inputs, and the lines and deductions found so far.
struct EvaluationContext {
  /// The sheet, shared by reference: read in place, never copied.
  let shared: SharedSheet
  /// The facts, which also borrow the portfolio.
  let facts: ApplicantFacts
  var sheet: Scoresheet { shared.sheet }
  /// The portfolio's achievement records.
  var records: [AchievementRecord] { facts.portfolio.records }
  /// Each record's selectors and level number, by record position (see `RecordClassifier`).
  ///
  /// Safety: this buffer and `sharedCapUsed` are the evaluator's stack allocations for one evaluation
  /// (`Evaluator.evaluate(_:materials:tracing:into:)`), and a context lives only inside that call: no rule keeps
  /// a context, and every closure it is handed to is non-escaping.
  let recordClasses: UnsafeBufferPointer<RecordClass>
  /// Which records count.
  let recordCounts: RecordBits
  /// Each shared cap's limit, in sheet order.
  let sharedCapLimits: [Points]
  var lines: [ScoreLine] = []
  var deductions: [Deduction] = []
  /// Points used so far under each shared cap, in sheet order: room on the stack of the evaluation, so that
  /// admitting a line neither hashes a cap's id nor allocates.
  let sharedCapUsed: UnsafeMutableBufferPointer<PointsInterval>
  /// Whether lines and deductions carry the values they matched on, for explanations. A batch skips them: the
  /// points, codes and verdict are the same either way.
  let tracing: Bool

  init(
    shared: SharedSheet, facts: ApplicantFacts, recordClasses: UnsafeBufferPointer<RecordClass>,
    recordCounts: RecordBits, sharedCapLimits: [Points], sharedCapUsed: UnsafeMutableBufferPointer<PointsInterval>,
    tracing: Bool
  ) {
    self.tracing = tracing
    gradesMaterial = shared.sheet.validity.material != nil
    self.shared = shared
    self.facts = facts
    self.recordClasses = recordClasses
    self.recordCounts = recordCounts
    self.sharedCapLimits = sharedCapLimits
    self.sharedCapUsed = sharedCapUsed
  }

  /// The values, when tracing; nothing otherwise.
  func trace(_ values: @autoclosure () -> [String]) -> [String] {
    tracing ? values() : []
  }

  /// The indices of the records a selector picks that count, in record order. `position` is the selector's among
  /// the evaluator's, when it has one: its records are then told by their classes, without comparing texts.
  func countingRecords(_ selector: RecordSelector, position: Int?) -> RecordIndices {
    let picked = pickedRecords(selector, position: position)
    guard !selector.filter.isEmpty else { return picked }
    // Records that do not show what the selector's filter asks for are left out (see `RecordFilter`).
    let records = self.records
    return .many(picked.filter { selector.filter.failure(of: records[$0]) == nil })
  }

  /// `countingRecords` before the selector's filter.
  @inline(__always)
  private func pickedRecords(_ selector: RecordSelector, position: Int?) -> RecordIndices {
    if let position, position < RecordClassifier.classifiedSelectors {
      let bit: UInt64 = 1 << UInt64(position)
      if recordClasses.count <= 64 {
        var bits: UInt64 = 0
        for index in recordClasses.indices where recordClasses[index].selectors & bit != 0 {
          bits |= 1 << UInt64(index)
        }
        return .few(bits & recordCounts.first)
      }
      return .many(recordClasses.indices.filter { recordClasses[$0].selectors & bit != 0 && recordCounts.contains($0) })
    }
    return facts.portfolio.records.withUnsafeBufferPointer { records in
      if records.count <= 64 {
        var bits: UInt64 = 0
        for index in records.indices where recordCounts.contains(index) && selector.selects(records[index]) {
          bits |= 1 << UInt64(index)
        }
        return .few(bits)
      }
      return .many(records.indices.filter { recordCounts.contains($0) && selector.selects(records[$0]) })
    }
  }

  /// The number of items the counting records a selector picks stand for (each record's `count` summed).
  func countOfItems(_ selector: RecordSelector, position: Int?) -> Int {
    let records = self.records
    return countingRecords(selector, position: position).reduce(0) { $0 + records[$1].count }
  }

  /// Whether the sheet grades unclear, incomplete or non-standard material (`ValidityPolicy.material`); a flag, so
  /// that admitting a line on the many sheets that do not reads one bit.
  let gradesMaterial: Bool

  /// `points` less what deficient material on a record costs (never below zero), the deduction filed; `points`
  /// unchanged when the record's material has no finding or its severity costs points off nothing.
  mutating func pointsAfterMaterial(of record: Int, item: String, points: PointsInterval) -> PointsInterval {
    guard gradesMaterial, let costs = shared.sheet.validity.material, let issue = records[record].material,
      case .pointsOff(let off)? = costs.cost(of: issue.severity)
    else { return points }
    let reduced = PointsInterval(min: max(.zero, points.min - off), max: max(.zero, points.max - off))
    deductions.append(
      Deduction(
        .materialDeficient, item: item, record: record, lost: points.boundwise(minus: reduced),
        details: trace(["problem=\(issue.problem)", "severity=\(issue.severity)", "off=\(off)"])))
    return reduced
  }

  /// Adds a scored line, cutting it to what its shared cap (by position, see `sharedCapUsed`) still allows; returns
  /// the points admitted.
  mutating func admit(_ line: consuming ScoreLine, sharedCap position: Int? = nil) -> PointsInterval {
    if gradesMaterial, let record = line.recordIndex {
      line.points = pointsAfterMaterial(of: record, item: line.itemID, points: line.points)
    }
    if let position {
      let cap = sharedCapLimits[position]
      let used = sharedCapUsed[position]
      let room = PointsInterval(min: max(.zero, cap - used.min), max: max(.zero, cap - used.max))
      let admitted = PointsInterval(min: min(line.points.min, room.min), max: min(line.points.max, room.max))
      if admitted != line.points {
        deductions.append(
          Deduction(
            .sharedCapReached, item: line.itemID, record: line.recordIndex,
            lost: line.points.boundwise(minus: admitted),
            details: trace(["cap=\(line.sharedCap ?? "")", "limit=\(cap)"])))
        line.points = admitted
      }
      sharedCapUsed[position] = used + admitted
    }
    let points = line.points
    lines.append(line)
    return points
  }

  /// The numeric fact a rule reads; nil, with a `missing-field` deduction for the item, when the portfolio lacks it.
  mutating func requiredNumber(_ key: FactKey, named fact: String, item: String) -> Points? {
    if case .number(let number)? = facts.value(key) { return number }
    deductions.append(Deduction(.missingField, item: item, details: trace([fact])))
    return nil
  }
}

/// A sheet held by reference, so that each evaluation shares it instead of copying it.
final class SharedSheet: Sendable {
  let sheet: Scoresheet

  init(_ sheet: Scoresheet) {
    self.sheet = sheet
  }
}

/// Indices of records, as one word of bits for the usual handful of records and as a list beyond 64.
enum RecordIndices: Sequence {
  case few(UInt64)
  case many([Int])

  /// Walks the indices in increasing order.
  struct Iterator: IteratorProtocol {
    var bits: UInt64
    var list: IndexingIterator<[Int]>?

    mutating func next() -> Int? {
      if list != nil { return list!.next() }
      guard bits != 0 else { return nil }
      let index = bits.trailingZeroBitCount
      bits &= bits - 1
      return index
    }
  }

  func makeIterator() -> Iterator {
    switch self {
    case .few(let bits): return Iterator(bits: bits, list: nil)
    case .many(let list): return Iterator(bits: 0, list: list.makeIterator())
    }
  }
}

/// A set of record indices as bits: one word for the usual handful of records, more words only beyond 64.
struct RecordBits {
  /// The bits of indices 0 to 63.
  private(set) var first: UInt64 = 0
  private var rest: [UInt64] = []

  /// Adds an index.
  mutating func insert(_ index: Int) {
    if index < 64 {
      first |= 1 << UInt64(index)
      return
    }
    let word = index / 64 - 1
    if rest.count <= word { rest += [UInt64](repeating: 0, count: word + 1 - rest.count) }
    rest[word] |= 1 << UInt64(index % 64)
  }

  /// Whether an index is in the set.
  func contains(_ index: Int) -> Bool {
    if index < 64 { return first & (1 << UInt64(index)) != 0 }
    let word = index / 64 - 1
    return word < rest.count && rest[word] & (1 << UInt64(index % 64)) != 0
  }
}
