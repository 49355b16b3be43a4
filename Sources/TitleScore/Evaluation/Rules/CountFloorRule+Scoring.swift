extension CountFloorRule {
  /// Points for a number of items: the full score from `full.atLeast` on, else points per full block.
  func points(forItems count: Int) -> Points {
    if let full, count >= full.atLeast { return full.points }
    return points * (count / per)
  }
}

extension Node<CountFloorRule> {
  /// Scores an item by the rule, read in place (see `Node`).
  func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    let count = context.countOfItems(value.records, position: selectorPosition)
    guard count > 0 else { return .zero }
    return context.admit(
      ScoreLine(
        itemID: item.id, recordIndex: nil, rowIndex: nil,
        inputs: context.trace(["items=\(count)", "per=\(value.per)"]),
        points: PointsInterval(exactly: value.points(forItems: count))))
  }
}
