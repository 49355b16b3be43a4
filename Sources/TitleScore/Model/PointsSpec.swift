/// The points a table row gives: a fixed value, or a range left to the assessor.
package enum PointsSpec: Hashable, Sendable {
  /// Exactly this many points.
  case fixed(Points)
  /// Between `min` and `max`, in steps of `step` (1 or 0.5 in the tables), chosen by the reviewer.
  case range(min: Points, max: Points, step: Points)

  /// The interval of points this spec can give once.
  package var interval: PointsInterval {
    switch self {
    case .fixed(let value): return PointsInterval(exactly: value)
    case .range(let min, let max, _): return PointsInterval(min: min, max: max)
    }
  }

  /// Whether an assessor's value is allowed by this spec.
  package func allows(_ value: Points) -> Bool {
    switch self {
    case .fixed(let fixed): return value == fixed
    case .range(let min, let max, let step):
      return value >= min && value <= max && step.units > 0 && (value - min).units % step.units == 0
    }
  }
}
