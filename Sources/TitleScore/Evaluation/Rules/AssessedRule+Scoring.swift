extension Node<AssessedRule> {
  /// Scores an item by the rule, read in place (see `Node`).
  func score(_ item: Item, in context: inout EvaluationContext) -> PointsInterval {
    let decided = context.facts.portfolio.assessed[item.id]
    let points = context.resolve(value.points, decided: decided, item: item.id)
    return context.admit(
      ScoreLine(
        itemID: item.id, rowIndex: nil, inputs: context.trace(decided.map { ["decided=\($0)"] } ?? ["undecided"]),
        points: points))
  }
}
