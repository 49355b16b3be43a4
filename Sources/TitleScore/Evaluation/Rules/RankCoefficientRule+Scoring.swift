extension RankCoefficientRule {
  /// The coefficient for a rank.
  func coefficient(forRank rank: Int) -> Points {
    rank >= 1 && rank <= coefficients.count ? coefficients[rank - 1] : beyond
  }
}

extension Node<RankCoefficientRule> {
  /// Scores an item by the rule, read in place (see `Node`).
  func score(_ item: Item, in context: inout EvaluationContext) -> PointsInterval {
    var total = PointsInterval.zero
    let portfolioRecords = context.records
    for recordIndex in context.countingRecords(value.records) {
      // The fields one by one: a copy of the whole record would retain each of its texts.
      let rank = portfolioRecords[recordIndex].rank
      let recordLevel = portfolioRecords[recordIndex].level
      let count = portfolioRecords[recordIndex].count
      guard let rank else {
        context.deductions.append(
          Deduction(.missingField, item: item.id, record: recordIndex, details: context.trace(["rank"])))
        continue
      }
      guard let level = recordLevel, let basePoints = value.base[level] else {
        context.deductions.append(
          Deduction(
            .noMatchingRow, item: item.id, record: recordIndex, details: context.trace(["level=\(recordLevel ?? "—")"])
          ))
        continue
      }
      let coefficient = value.coefficient(forRank: rank)
      let points = basePoints.scaled(by: coefficient) * count
      total += context.admit(
        ScoreLine(
          itemID: item.id, recordIndex: recordIndex, rowIndex: nil,
          inputs: context.trace([
            "level=\(level)", "base=\(basePoints)", "rank=\(rank)", "coefficient=\(coefficient)", "n=\(count)",
          ]),
          points: PointsInterval(exactly: points)))
    }
    return total
  }
}
