/// Scores a portfolio with hypothetical extra records and keeps both results for comparison.
public struct WhatIf: Sendable {
  /// The result without the extra records.
  public let before: ScoreResult
  /// The result with them.
  public let after: ScoreResult
  /// The portfolio with the records added.
  public let changedPortfolio: Portfolio

  /// Scores `portfolio` as it is and with `added` appended to its records.
  public init(sheet: Scoresheet, portfolio: Portfolio, added: [AchievementRecord], materials: MaterialInspection? = nil)
  {
    let evaluator = Evaluator(sheet: sheet)
    before = evaluator.evaluate(portfolio, materials: materials)
    var changed = portfolio
    var used = Set(portfolio.records.map(\.id))
    for var record in added {
      // Keep record ids unique so explanations stay unambiguous.
      var candidate = record.id
      var suffix = 2
      while used.contains(candidate) {
        candidate = "\(record.id)-\(suffix)"
        suffix += 1
      }
      record.id = candidate
      used.insert(candidate)
      changed.records.append(record)
    }
    changedPortfolio = changed
    after = evaluator.evaluate(changed, materials: materials)
  }
}
