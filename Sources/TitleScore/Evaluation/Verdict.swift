/// What a route makes of an applicant.
public struct Verdict: Hashable, Sendable {
  /// The kinds of verdict, in ranking order.
  public enum Kind: String, Hashable, Sendable, CaseIterable, Comparable {
    /// Eligible and at or above the threshold, or meeting the route's criteria.
    case pass
    /// Eligible but below the threshold.
    case belowThreshold = "below-threshold"
    /// Eligible on the gates but not meeting a criteria route's conditions.
    case criteriaNotMet = "criteria-not-met"
    /// A gate failed; points do not compensate.
    case ineligible

    /// Every kind by its position in `allCases`, built once (`allCases` makes a new array on each call).
    static let byIndex: [Kind] = allCases

    /// Ranking order: pass before below-threshold before criteria-not-met before ineligible.
    public var order: Int {
      switch self {
      case .pass: return 0
      case .belowThreshold: return 1
      case .criteriaNotMet: return 2
      case .ineligible: return 3
      }
    }

    public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.order < rhs.order }

    /// The verdict's name, for the catalogue to word.
    public var message: Message {
      switch self {
      case .pass: return Message(.verdictPass)
      case .belowThreshold: return Message(.verdictBelowThreshold)
      case .criteriaNotMet: return Message(.verdictCriteriaNotMet)
      case .ineligible: return Message(.verdictIneligible)
      }
    }

    /// The verdict's name in a language.
    public func name(_ language: Language) -> String { message.text(language) }
  }

  /// The kind.
  public var kind: Kind
  /// The ids of the failed gates, for `ineligible`.
  public var failedGates: [String]

  /// Creates a verdict.
  public init(kind: Kind, failedGates: [String] = []) {
    self.kind = kind
    self.failedGates = failedGates
  }
}
