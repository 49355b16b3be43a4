/// A category's subtotal with its cap applied.
public struct CategoryOutcome: Hashable, Sendable {
  /// The category.
  public var categoryID: String
  /// Depth, 0 for first-level indicators.
  public var depth: Int
  /// The sum before the cap.
  public var raw: PointsInterval
  /// The subtotal after the cap.
  public var subtotal: PointsInterval
}
