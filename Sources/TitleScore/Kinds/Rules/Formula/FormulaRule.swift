/// `(fact − offset) × factor`, clamped to `[min, max]`: a linear formula of a fact.
package struct FormulaRule: Hashable, Sendable {
  /// The numeric fact, e.g. `facts.examScore`.
  package var fact: String
  /// Subtracted first.
  package var offset: Points
  /// Then multiplied by.
  package var factor: Points
  /// The least result.
  package var min: Points
  /// The greatest result.
  package var max: Points

  /// Creates a formula rule.
  package init(fact: String, offset: Points, factor: Points, min: Points, max: Points) {
    self.fact = fact
    self.offset = offset
    self.factor = factor
    self.min = min
    self.max = max
  }

  /// `(value − offset) × factor`, clamped.
  func points(for value: Points) -> Points {
    let raw = (value - offset).scaled(by: factor)
    return Swift.min(Swift.max(raw, min), max)
  }
}
