/// One record or point not counted, with the reason and what was lost.
///
/// Evaluation records the facts; `Explanation` turns them into Chinese or English sentences, so the hot path of a
/// batch never formats text it may not print.
public struct Deduction: Hashable, Sendable {
  /// The reason.
  public var code: ReasonCode
  /// The item concerned, if any.
  public var itemID: String?
  /// The record concerned, by index in the portfolio, if any.
  public var recordIndex: Int?
  /// The gate concerned, if any.
  public var gateID: String?
  /// The criteria condition concerned, by index in `ScoreResult.conditions`, if any.
  public var conditionIndex: Int?
  /// Points not counted, when known.
  public var lost: PointsInterval?
  /// The values the reason was found on, as `name=value` (or a field's name), in order: shown as they are, never
  /// parsed back (explanations word a deduction from its code, the sheet and the result).
  public var details: [String]

  /// Creates a deduction.
  public init(
    _ code: ReasonCode, item: String? = nil, record: Int? = nil, gate: String? = nil, condition: Int? = nil,
    lost: PointsInterval? = nil, details: [String] = []
  ) {
    self.conditionIndex = condition
    self.code = code
    self.itemID = item
    self.recordIndex = record
    self.gateID = gate
    self.lost = lost
    self.details = details
  }
}
