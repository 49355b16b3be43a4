/// A value of a fact about an applicant.
public enum FactValue: Hashable, Sendable, CustomStringConvertible {
  /// A number (years, hours, an exam score).
  case number(Points)
  /// A text (an education level, a title).
  case text(String)
  /// A yes-or-no fact.
  case flag(Bool)

  /// The value as written in an explanation.
  public var description: String {
    switch self {
    case .number(let points): return points.description
    case .text(let text): return text
    case .flag(let flag): return flag ? "true" : "false"
    }
  }
}
