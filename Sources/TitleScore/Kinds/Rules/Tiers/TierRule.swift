/// Points by the tier a numeric fact falls in (years of service, for example); tiers are ordered and do not
/// overlap.
public struct TierRule: Hashable, Sendable {
  /// One tier: `min ≤ value < below` (no upper bound when `below` is nil).
  public struct Tier: Hashable, Sendable {
    /// The least value in the tier.
    public var min: Points
    /// The first value above the tier, or nil for the open top tier.
    public var below: Points?
    /// The points the tier gives.
    public var points: PointsSpec

    /// Creates a tier.
    public init(min: Points, below: Points?, points: PointsSpec) {
      self.min = min
      self.below = below
      self.points = points
    }
  }

  /// The numeric fact, e.g. `years.professional`.
  public var fact: String
  /// The tiers, lowest first.
  public var tiers: [Tier]

  /// Creates a tier rule.
  public init(fact: String, tiers: [Tier]) {
    self.fact = fact
    self.tiers = tiers
  }

  /// The tier a value falls in.
  func tierIndex(for value: Points) -> Int? {
    tiers.firstIndex { value >= $0.min && ($0.below.map { value < $0 } ?? true) }
  }
}
