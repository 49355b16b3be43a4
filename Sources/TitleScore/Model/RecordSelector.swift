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
    guard types.contains(record.type) else { return false }
    if let levels { return record.level.map(levels.contains) ?? false }
    return true
  }
}
