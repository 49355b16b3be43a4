/// Points the reviewer decides within a range; a portfolio may carry the decided value.
package struct AssessedRule: Hashable, Sendable {
  /// The allowed points.
  package var points: PointsSpec

  /// Creates an assessed rule.
  package init(points: PointsSpec) {
    self.points = points
  }
}
