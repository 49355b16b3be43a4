/// One line that scored: an item, the record or facts it matched, and the table row.
public struct ScoreLine: Hashable, Sendable {
  /// The item.
  public var itemID: String
  /// The record scored, by index in the portfolio, if the rule scores records.
  public var recordIndex: Int?
  /// The row of the item's table that matched, if the rule has rows.
  public var rowIndex: Int?
  /// The input values the row matched on, as `name=value`.
  public var inputs: [String]
  /// The points, before caps.
  public var points: PointsInterval
  /// The shared cap the points count against, if any.
  public var sharedCap: String?
}
