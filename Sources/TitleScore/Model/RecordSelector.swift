/// Which achievement records a rule or condition looks at.
public struct RecordSelector: Hashable, Sendable {
  /// Record types that match, e.g. `research-project`.
  public var types: [String] { didSet { typeLengths = RecordSelector.lengthBits(of: types) } }
  /// Levels that match; nil for any level.
  public var levels: [String]?
  /// One bit for each UTF-8 length among `types` (64 bytes and longer share the top bit). Where records are still
  /// matched by text (conditions' record counts, selectors past the classifier's 64; see `RecordClassifier`), most
  /// records' types have a length no type of the selector has, and are turned away without comparing texts.
  private(set) var typeLengths: UInt64

  /// Creates a selector.
  public init(types: [String], levels: [String]? = nil) {
    self.types = types
    self.levels = levels
    typeLengths = RecordSelector.lengthBits(of: types)
  }

  private static func lengthBits(of texts: [String]) -> UInt64 {
    texts.reduce(0) { $0 | lengthBit($1) }
  }

  @inline(__always)
  private static func lengthBit(_ text: String) -> UInt64 {
    1 << UInt64(min(text.utf8.count, 63))
  }

  /// Whether a record is selected.
  @inline(__always)
  public func selects(_ record: AchievementRecord) -> Bool {
    selects(type: record.type, level: record.level)
  }

  /// Whether a record of a type and level is selected.
  @inline(__always)
  func selects(type: String, level: String?) -> Bool {
    guard typeLengths & RecordSelector.lengthBit(type) != 0 else { return false }
    guard types.contains(where: { $0.isSameText(as: type) }) else { return false }
    guard let levels else { return true }
    guard let level else { return false }
    return levels.contains { $0.isSameText(as: level) }
  }
}
