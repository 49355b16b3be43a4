/// An item's claimed and accepted points side by side.
public struct ClaimLine: Hashable, Sendable {
  /// The item.
  public var itemID: String
  /// What the applicant claimed.
  public var claimed: Points?
  /// What the sheet accepts.
  public var accepted: PointsInterval
  /// The reasons for the difference.
  public var reasons: [ReasonCode]
}
