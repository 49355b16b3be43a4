/// The kinds of route in the notices.
public enum RouteKind: String, Hashable, Sendable, CaseIterable {
  /// Quantified self-score against a threshold (量化赋分 / 自评分).
  case selfScore = "self-score"
  /// Normal application: degree plus years in the lower title.
  case normal
  /// Direct application: years since graduation, no lower title needed.
  case direct
  /// Exceptional promotion (破格): tenure plus listed achievements.
  case exceptional
  /// Skill-talent routes: skill level plus years, or honours that allow a direct application.
  case skillTalent = "skill-talent"

  /// The route's name, for the catalogue to word (量化赋分, 破格 …).
  public var name: Message {
    switch self {
    case .selfScore: return Message(.routeSelfScore)
    case .normal: return Message(.routeNormal)
    case .direct: return Message(.routeDirect)
    case .exceptional: return Message(.routeExceptional)
    case .skillTalent: return Message(.routeSkillTalent)
    }
  }

  /// Whether the route scores points against a threshold.
  public var isPointRoute: Bool { self == .selfScore }
}
