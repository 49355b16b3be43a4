/// The outcome of one condition of a criteria route, flattened with its depth for display.
public struct ConditionOutcome: Hashable, Sendable {
  /// Depth in the condition tree, 0 for the route's own condition.
  public var depth: Int
  /// The condition's label.
  public var label: LocalizedText
  /// Whether it holds.
  public var met: Bool
  /// The values it looked at.
  public var observed: String
  /// The applicant's own figure beside what the condition needs ("有 3 年，需 4 年，差 1 年"), for a condition that
  /// compares one quantity.
  public var figure: Message? = nil
}
