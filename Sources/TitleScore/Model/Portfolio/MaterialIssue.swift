/// A reviewer's finding on a record's material (申报材料不清楚、不完整、不规范), graded by severity; the sheet says what
/// each severity costs.
public struct MaterialIssue: Hashable, Sendable {
  /// `unclear`, `incomplete` or `non-standard`.
  public var problem: String
  /// A severity the sheet names, e.g. `minor`, `major`, `severe`.
  public var severity: String

  /// A finding on a record's material.
  public init(problem: String, severity: String) {
    self.problem = problem
    self.severity = severity
  }
}
