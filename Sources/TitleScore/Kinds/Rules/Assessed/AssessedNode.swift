/// An assessed rule compiled (it resolves nothing: the node only holds the rule for reading in place).
final class AssessedNode: RuleNode {
  let value: AssessedRule

  init(_ rule: AssessedRule) {
    value = rule
  }

  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    let decided = context.facts.portfolio.assessed[item.id]
    let points = context.resolve(value.points, decided: decided, item: item.id)
    return context.admit(
      ScoreLine(
        itemID: item.id, rowIndex: nil, inputs: context.trace(decided.map { ["decided=\($0)"] } ?? ["undecided"]),
        points: points))
  }
}
