extension TierRule {
  /// The tier a value falls in.
  func tierIndex(for value: Points) -> Int? {
    tiers.firstIndex { value >= $0.min && ($0.below.map { value < $0 } ?? true) }
  }

  func score(_ item: Item, in context: inout EvaluationContext) -> PointsInterval {
    guard case .number(let value)? = context.facts.value(factKey) else {
      context.deductions.append(Deduction(.missingField, item: item.id, details: context.trace([fact])))
      return .zero
    }
    let inputs = context.trace(["\(fact)=\(value)"])
    guard let index = tierIndex(for: value) else {
      context.deductions.append(Deduction(.noMatchingRow, item: item.id, details: context.trace(inputs)))
      return .zero
    }
    let facts = context.facts
    // The id on its own: an autoclosure reading `item` would get a copy of the whole item.
    let itemID = item.id
    let points = context.resolve(tiers[index].points, decided: facts.portfolio.assessed[itemID], item: itemID)
    return context.admit(ScoreLine(itemID: item.id, rowIndex: index, inputs: inputs, points: points))
  }
}
