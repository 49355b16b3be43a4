/// The record types and levels a sheet names, numbered when the evaluator is built, and which of the sheet's record
/// selectors pick each pair of them.
///
/// Every item that scores records asks which of an applicant's records it picks, and every record needs the first
/// selector that picks it; comparing each record's type and level texts with every selector's lists cost about a
/// fifth of an evaluation. Instead each record is classified once per evaluation — its type and level looked up
/// among the sheet's — and selectors and table rows are then matched by bits and numbers.
struct RecordClassifier: Sendable {
  /// How many selectors have a bit: the first 64 in order. Later ones (no bundled sheet comes near) are matched by
  /// their texts (see `EvaluationContext.countingRecords`).
  static let classifiedSelectors = 64

  /// The selectors, in the order that decides which one owns a record (the first that picks it).
  let selectors: [RecordSelector]
  /// The record types named by the selectors, each once.
  private let types: [String]
  /// Each type's UTF-8 length: texts are compared only where the lengths agree.
  private let typeLengths: [Int]
  /// The record levels the sheet names, each once (`SheetCompiler.recordLevels`). A record's level number is its
  /// position here, or `levels.count` for a level the sheet does not name or a record without one.
  let levels: [String]
  /// Each level's UTF-8 length.
  private let levelLengths: [Int]
  /// For each type (rows) and level number (columns), the selectors that pick such a record, one bit each.
  private let picks: [UInt64]

  /// Numbers the types of `selectors`; `levels` must hold every level the selectors name.
  init(selectors: [RecordSelector], levels: [String]) {
    self.selectors = selectors
    let types = RecordClassifier.distinct(selectors.flatMap(\.types))
    self.types = types
    self.levels = levels
    typeLengths = types.map(\.utf8.count)
    levelLengths = levels.map(\.utf8.count)
    let columns = levels.count + 1
    var picks = [UInt64](repeating: 0, count: types.count * columns)
    for (position, selector) in selectors.prefix(RecordClassifier.classifiedSelectors).enumerated() {
      let bit: UInt64 = 1 << UInt64(position)
      for type in selector.types {
        let row = RecordClassifier.position(of: type, in: types)! * columns
        if let selected = selector.levels {
          for level in selected { picks[row + RecordClassifier.position(of: level, in: levels)!] |= bit }
        } else {
          for column in 0..<columns { picks[row + column] |= bit }
        }
      }
    }
    self.picks = picks
  }

  /// Classifies each record into the room for it at the same position in `classes` (as many as there are records).
  ///
  /// Safety: both buffers belong to the caller's `withUnsafeBufferPointer` and `withUnsafeTemporaryAllocation`
  /// calls, which outlast this one; `classes` has room for one class per record, and is fully initialized here.
  @inline(__always)
  func classify(
    _ records: UnsafeBufferPointer<AchievementRecord>, into classes: UnsafeMutableBufferPointer<RecordClass>
  ) {
    for index in records.indices {
      classes.initializeElement(at: index, to: classify(type: records[index].type, level: records[index].level))
    }
  }

  /// The selectors that pick a record of a type and level, and the level's number.
  @inline(__always)
  func classify(type: String, level: String?) -> RecordClass {
    let levelNumber = number(ofLevel: level)
    guard let typeNumber = RecordClassifier.position(of: type, in: types, lengths: typeLengths) else {
      return RecordClass(selectors: 0, level: Int32(levelNumber))
    }
    return RecordClass(selectors: picks[typeNumber * (levels.count + 1) + levelNumber], level: Int32(levelNumber))
  }

  /// A level's number: its position in `levels`, or `levels.count` when the sheet does not name it or it is absent.
  func number(ofLevel level: String?) -> Int {
    guard let level else { return levels.count }
    return RecordClassifier.position(of: level, in: levels, lengths: levelLengths) ?? levels.count
  }

  /// Where a text stands in a short list; its length is taken once and the texts of other lengths are passed over.
  @inline(__always)
  private static func position(of text: String, in texts: [String], lengths: [Int]) -> Int? {
    let length = text.utf8.count
    for index in texts.indices where lengths[index] == length && texts[index] == text { return index }
    return nil
  }

  /// Where a text stands in a list, by the comparison classifying uses (`isSameText`): rules' levels are numbered
  /// with it when the evaluator is built, so that a record's level and a row's agree exactly when their texts do.
  static func position(of text: String, in texts: [String]) -> Int? {
    texts.firstIndex { $0.isSameText(as: text) }
  }

  /// The texts, each once (by `isSameText`), in order of first appearance.
  static func distinct(_ texts: [String]) -> [String] {
    var result: [String] = []
    for text in texts where position(of: text, in: result) == nil { result.append(text) }
    return result
  }

  /// The position of the first selector that picks a record, or nil when none does.
  func owner(of record: RecordClass, type: String, level: String?) -> Int? {
    if record.selectors != 0 { return record.selectors.trailingZeroBitCount }
    guard selectors.count > RecordClassifier.classifiedSelectors else { return nil }
    return selectors.indices.dropFirst(RecordClassifier.classifiedSelectors).first {
      selectors[$0].selects(type: type, level: level)
    }
  }
}

/// What scoring needs to know of one record's type and level, worked out once per evaluation.
struct RecordClass {
  /// The selectors that pick the record, one bit for each of the first 64 (see `RecordClassifier`).
  var selectors: UInt64
  /// The level's number in the classifier (see `RecordClassifier.levels`).
  var level: Int32
}
