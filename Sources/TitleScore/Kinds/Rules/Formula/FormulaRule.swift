/// `(fact − offset) × factor`, clamped to `[min, max]`: a linear formula of a fact.
public struct FormulaRule: Hashable, Sendable {
  /// The numeric fact, e.g. `facts.examScore`.
  public var fact: String
  /// Subtracted first.
  public var offset: Points
  /// Then multiplied by.
  public var factor: Points
  /// The least result.
  public var min: Points
  /// The greatest result.
  public var max: Points

  /// Creates a formula rule.
  public init(fact: String, offset: Points, factor: Points, min: Points, max: Points) {
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
