/// A formula rule compiled: its fact resolved to a key once.
final class FormulaNode: RuleNode {
  let value: FormulaRule
  private let factKey: FactKey

  init(_ rule: FormulaRule) {
    value = rule
    factKey = FactKey(rule.fact)
  }

  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    guard case .number(let number)? = context.facts.value(factKey) else {
      context.deductions.append(Deduction(.missingField, item: item.id, details: context.trace([value.fact])))
      return .zero
    }
    return context.admit(
      ScoreLine(
        itemID: item.id, rowIndex: nil, inputs: context.trace(["\(value.fact)=\(number)"]),
        points: PointsInterval(exactly: value.points(for: number))))
  }
}
