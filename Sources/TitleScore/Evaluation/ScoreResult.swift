/// Everything one evaluation found: the verdict, the total and how it was reached, and every deduction.
public struct ScoreResult: Hashable, Sendable {
  /// The sheet applied.
  public var sheetID: String
  /// The applicant.
  public var portfolioID: String
  /// The verdict.
  public var verdict: Verdict
  /// The total with every cap applied; an interval where assessor ranges are not yet decided.
  public var total: PointsInterval
  /// The sheet's threshold, for point routes.
  public var threshold: Points?
  /// Category subtotals in sheet order.
  public var categories: [CategoryOutcome]
  /// Every line that scored.
  public var lines: [ScoreLine]
  /// Every record or point not counted.
  public var deductions: [Deduction]
  /// Every gate's outcome.
  public var gates: [GateOutcome]
  /// The criteria route's conditions, flattened.
  public var conditions: [ConditionOutcome]
  /// Flags raised.
  public var flags: [RaisedFlag]
  /// Claimed against accepted points, where the portfolio claims a self-score.
  public var claims: [ClaimLine]
  /// The claimed total, if any.
  public var claimedTotal: Points?
  /// Values of the sheet's tie-breakers, in order (higher ranks first).
  public var tieBreakValues: [Points]

  /// Total minus threshold, for point routes.
  public var margin: PointsInterval? {
    guard let threshold else { return nil }
    return total - threshold
  }

  /// The subtotal of a category by id.
  public func subtotal(_ categoryID: String) -> PointsInterval? {
    categories.first { $0.categoryID == categoryID }?.subtotal
  }
}

extension ScoreResult {
  /// A result with nothing found yet, for `Evaluator` to fill.
  init(sheetID: String, threshold: Points?) {
    self.init(
      sheetID: sheetID, portfolioID: "", verdict: Verdict(kind: .pass), total: .zero, threshold: threshold,
      categories: [], lines: [], deductions: [], gates: [], conditions: [], flags: [], claims: [], claimedTotal: nil,
      tieBreakValues: [])
  }
}
