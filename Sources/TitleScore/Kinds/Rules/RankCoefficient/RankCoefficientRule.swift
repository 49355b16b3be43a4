/// Base points per record by level, times a coefficient by rank (1.0, 0.8, 0.7, 0.6, 0.5, then 0.3).
package struct RankCoefficientRule: Hashable, Sendable {
  /// The records scored.
  package var records: RecordSelector
  /// Base points for each level.
  package var base: [String: Points]
  /// The coefficient for rank 1, 2, 3 and so on.
  package var coefficients: [Points]
  /// The coefficient for every rank after the listed ones.
  package var beyond: Points

  /// Creates a rank-coefficient rule.
  package init(records: RecordSelector, base: [String: Points], coefficients: [Points], beyond: Points) {
    self.records = records
    self.base = base
    self.coefficients = coefficients
    self.beyond = beyond
  }

  /// The coefficient for a rank.
  func coefficient(forRank rank: Int) -> Points {
    rank >= 1 && rank <= coefficients.count ? coefficients[rank - 1] : beyond
  }
}
