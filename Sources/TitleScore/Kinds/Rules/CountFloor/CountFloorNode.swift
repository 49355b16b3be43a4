/// A count-floor rule compiled (it resolves nothing: the node only holds the rule for reading in place).
final class CountFloorNode: RuleNode {
  let value: CountFloorRule

  init(_ rule: CountFloorRule) {
    value = rule
  }

  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    let counted = context.countingRecords(value.records, position: selectorPosition)
    let records = context.records
    let count = counted.reduce(0) { $0 + records[$1].count }
    guard count > 0 else { return .zero }
    var points = PointsInterval(exactly: value.points(forItems: count))
    // The line stands for all the items at once: deficient material on any of them costs its points off the line.
    if context.gradesMaterial {
      for record in counted { points = context.pointsAfterMaterial(of: record, item: item.id, points: points) }
    }
    return context.admit(
      ScoreLine(
        itemID: item.id, recordIndex: nil, rowIndex: nil,
        inputs: context.trace(["items=\(count)", "per=\(value.per)"]), points: points))
  }
}
