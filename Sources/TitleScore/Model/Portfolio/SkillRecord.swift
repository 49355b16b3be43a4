/// A skill qualification held.
public struct SkillRecord: Hashable, Sendable {
  /// The level, e.g. `technician`.
  public var level: String
  /// Date obtained.
  public var date: Day

  /// A skill level held since a date.
  public init(level: String, date: Day) {
    self.level = level
    self.date = date
  }
}
