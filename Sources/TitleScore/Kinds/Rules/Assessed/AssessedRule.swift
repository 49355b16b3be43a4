/// Points the reviewer decides within a range; a portfolio may carry the decided value.
public struct AssessedRule: Hashable, Sendable {
  /// The allowed points.
  public var points: PointsSpec

  /// Creates an assessed rule.
  public init(points: PointsSpec) {
    self.points = points
  }
}
