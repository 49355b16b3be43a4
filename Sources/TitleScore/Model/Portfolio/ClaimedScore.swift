/// The applicant's own self-score as on the paper form.
public struct ClaimedScore: Hashable, Sendable {
  /// The claimed total.
  public var total: Points?
  /// Claimed points by item id.
  public var items: [String: Points]

  /// A self-score: the total and the points claimed item by item.
  public init(total: Points?, items: [String: Points] = [:]) {
    self.total = total
    self.items = items
  }
}
