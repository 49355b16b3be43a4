extension FormulaRule {
  /// `(value − offset) × factor`, clamped.
  func points(for value: Points) -> Points {
    let raw = (value - offset).scaled(by: factor)
    return Swift.min(Swift.max(raw, min), max)
  }

  func score(_ item: Item, in context: inout EvaluationContext) -> PointsInterval {
    guard case .number(let value)? = context.facts.value(factKey) else {
      context.deductions.append(Deduction(.missingField, item: item.id, details: context.trace([fact])))
      return .zero
    }
    return context.admit(
      ScoreLine(
        itemID: item.id, rowIndex: nil, inputs: context.trace(["\(fact)=\(value)"]),
        points: PointsInterval(exactly: points(for: value))))
  }
}
