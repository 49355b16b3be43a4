/// An expert recommendation.
public struct Recommendation: Hashable, Sendable {
  /// The expert's name.
  public var expert: String
  /// The expert's title level, e.g. `full-senior`.
  public var level: String

  /// A recommendation by an expert of a level.
  public init(expert: String, level: String) {
    self.expert = expert
    self.level = level
  }
}
