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

    /// The verdict's name in a language.
    public func name(_ language: Language) -> String {
      switch (self, language) {
      case (.pass, .zh): return "达到申报条件"
      case (.pass, .en): return "pass"
      case (.belowThreshold, .zh): return "未达分数线"
      case (.belowThreshold, .en): return "below threshold"
      case (.criteriaNotMet, .zh): return "条件不足"
      case (.criteriaNotMet, .en): return "criteria not met"
      case (.ineligible, .zh): return "不符合申报资格"
      case (.ineligible, .en): return "ineligible"
      }
    }
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
