extension FormulaRule {
  /// `(value − offset) × factor`, clamped.
  func points(for value: Points) -> Points {
    let raw = (value - offset).scaled(by: factor)
    return Swift.min(Swift.max(raw, min), max)
  }
}

extension Node<FormulaRule> {
  /// Scores an item by the rule, read in place (see `Node`).
  func score(_ item: Item, in context: inout EvaluationContext) -> PointsInterval {
    guard case .number(let number)? = context.facts.value(value.factKey) else {
      context.deductions.append(Deduction(.missingField, item: item.id, details: context.trace([value.fact])))
      return .zero
    }
    return context.admit(
      ScoreLine(
        itemID: item.id, rowIndex: nil, inputs: context.trace(["\(value.fact)=\(number)"]),
        points: PointsInterval(exactly: value.points(for: number))))
  }
}
