/// Points by the tier a numeric fact falls in (years of service, for example); tiers are ordered and do not
/// overlap.
package struct TierRule: Hashable, Sendable {
  /// One tier: `min ≤ value < below` (no upper bound when `below` is nil).
  package struct Tier: Hashable, Sendable {
    /// The least value in the tier.
    package var min: Points
    /// The first value above the tier, or nil for the open top tier.
    package var below: Points?
    /// The points the tier gives.
    package var points: PointsSpec

    /// Creates a tier.
    package init(min: Points, below: Points?, points: PointsSpec) {
      self.min = min
      self.below = below
      self.points = points
    }
  }

  /// The numeric fact, e.g. `years.professional`.
  package var fact: String
  /// The tiers, lowest first.
  package var tiers: [Tier]

  /// Creates a tier rule.
  package init(fact: String, tiers: [Tier]) {
    self.fact = fact
    self.tiers = tiers
  }

  /// The tier a value falls in.
  func tierIndex(for value: Points) -> Int? {
    tiers.firstIndex { value >= $0.min && ($0.below.map { value < $0 } ?? true) }
  }
}
