extension BatchRow {
  /// The row a batch files for a result: what `score` shows of the applicant, projected onto the report's
  /// columns. The batch files the same values compactly (`FiledRow` and `BatchResults.numbers`), from the same
  /// evaluator's result; the batch tests check, over generated cohorts, that every batch row equals this
  /// projection of scoring that portfolio alone. Rank and position are the batch's to give (0 here).
  init(projecting result: ScoreResult, of portfolio: Portfolio, sheet: Scoresheet, file: String, line: Int) {
    var raisedFlags: [String] = []
    for trigger in sheet.flags
    where result.flags.contains(where: { $0.triggerID == trigger.id }) && !raisedFlags.contains(trigger.flag) {
      raisedFlags.append(trigger.flag)
    }
    self.init(
      rank: 0, position: 0, id: portfolio.id, name: portfolio.name, employer: portfolio.employer.name,
      maskedIDNumber: Masking.idNumber(portfolio.idNumber), maskedPhone: Masking.phone(portfolio.phone),
      verdict: result.verdict.kind, failedGates: result.gates.filter { !$0.passed }.map(\.gateID),
      total: result.total, margin: result.margin,
      subtotals: result.categories.filter { $0.depth == 0 }.map(\.subtotal), claimed: result.claimedTotal,
      reasons: ReasonPacking.unpack(BatchScorer.packedMainReasons(result.deductions)), flags: raisedFlags,
      file: file, line: line)
  }
}
