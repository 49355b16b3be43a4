/// A formula rule compiled: its fact resolved to a key once.
final class FormulaNode: RuleNode {
  let value: FormulaRule
  private let factKey: FactKey

  init(_ rule: FormulaRule) {
    value = rule
    factKey = FactKey(rule.fact)
  }

  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    guard let number = context.requiredNumber(factKey, named: value.fact, item: item.id) else { return .zero }
    return context.admit(
      ScoreLine(
        itemID: item.id, rowIndex: nil, inputs: context.trace(["\(value.fact)=\(number)"]),
        points: PointsInterval(exactly: value.points(for: number))))
  }
}
