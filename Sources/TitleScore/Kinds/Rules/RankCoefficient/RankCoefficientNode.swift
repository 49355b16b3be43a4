/// A rank-coefficient rule held for evaluation, its base points listed by level number (see `RecordClassifier`),
/// so that a record's base is found without hashing its level.
final class RankCoefficientNode: RuleNode {
  let value: RankCoefficientRule
  /// The base points for each level number; nil for the levels the rule gives none, and for the number of a level
  /// the sheet does not name.
  private let baseByLevel: [Points?]

  init(_ rule: RankCoefficientRule, levels: [String]) {
    value = rule
    var bases = [Points?](repeating: nil, count: levels.count + 1)
    for (level, points) in rule.base { bases[RecordClassifier.position(of: level, in: levels)!] = points }
    baseByLevel = bases
  }

  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    var total = PointsInterval.zero
    let portfolioRecords = context.records
    for recordIndex in context.countingRecords(value.records, position: selectorPosition) {
      // The fields one by one: a copy of the whole record would retain each of its texts.
      let rank = portfolioRecords[recordIndex].rank
      let count = portfolioRecords[recordIndex].count
      guard let rank else {
        context.deductions.append(
          Deduction(.missingField, item: item.id, record: recordIndex, details: context.trace(["rank"])))
        continue
      }
      guard let basePoints = baseByLevel[Int(context.recordClasses[recordIndex].level)] else {
        context.deductions.append(
          Deduction(
            .noMatchingRow, item: item.id, record: recordIndex,
            details: context.trace(["level=\(portfolioRecords[recordIndex].level ?? "—")"])))
        continue
      }
      let coefficient = value.coefficient(forRank: rank)
      let points = basePoints.scaled(by: coefficient) * count
      total += context.admit(
        ScoreLine(
          itemID: item.id, recordIndex: recordIndex, rowIndex: nil,
          inputs: context.trace([
            "level=\(portfolioRecords[recordIndex].level ?? "—")", "base=\(basePoints)", "rank=\(rank)",
            "coefficient=\(coefficient)", "n=\(count)",
          ]),
          points: PointsInterval(exactly: points)))
    }
    return total
  }
}
