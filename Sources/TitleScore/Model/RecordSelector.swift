/// Which achievement records a rule or condition looks at.
public struct RecordSelector: Hashable, Sendable {
  /// Record types that match, e.g. `research-project`.
  public var types: [String]
  /// Levels that match; nil for any level.
  public var levels: [String]?

  /// Creates a selector.
  public init(types: [String], levels: [String]? = nil) {
    self.types = types
    self.levels = levels
  }

  /// Whether a record is selected.
  @inline(__always)
  public func selects(_ record: AchievementRecord) -> Bool {
    selects(type: record.type, level: record.level)
  }

  /// Whether a record of a type and level is selected.
  @inline(__always)
  func selects(type: String, level: String?) -> Bool {
    guard types.contains(where: { $0.isSameText(as: type) }) else { return false }
    guard let levels else { return true }
    guard let level else { return false }
    return levels.contains { $0.isSameText(as: level) }
  }
}
