/// A tier rule compiled: its fact resolved to a key once.
final class TierNode: RuleNode {
  let value: TierRule
  private let factKey: FactKey

  init(_ rule: TierRule) {
    value = rule
    factKey = FactKey(rule.fact)
  }

  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    guard let number = context.requiredNumber(factKey, named: value.fact, item: item.id) else { return .zero }
    let inputs = context.trace(["\(value.fact)=\(number)"])
    guard let index = value.tierIndex(for: number) else {
      context.deductions.append(Deduction(.noMatchingRow, item: item.id, details: context.trace(inputs)))
      return .zero
    }
    let facts = context.facts
    // The id on its own: an autoclosure reading `item` would get a copy of the whole item.
    let itemID = item.id
    let points = context.resolve(value.tiers[index].points, decided: facts.portfolio.assessed[itemID], item: itemID)
    return context.admit(ScoreLine(itemID: item.id, rowIndex: index, inputs: inputs, points: points))
  }
}
