/// Decides whether each achievement record counts at all, by the sheet's validity rules.
enum RecordValidity {
  /// The first reason a record does not count; nil when it counts. `end` is the last day records count
  /// (`Scoresheet.recordsCountUntil(for:)`), worked out once per portfolio.
  static func reason(for record: AchievementRecord, portfolio: Portfolio, sheet: Scoresheet, end: Day) -> ReasonCode? {
    let policy = sheet.validity
    if record.date > end { return .outsideWindow }
    if policy.window == .currentTitle, let title = portfolio.currentTitle, record.date < title.date {
      return .outsideWindow
    }
    if policy.requirePublished && record.status.isSameText(as: "accepted") { return .notPublished }
    if policy.excludeTransferredPatents && record.type.isSameText(as: "patent")
      && record.acquired.isSameText(as: "transfer")
    {
      return .patentTransferred
    }
    if policy.requireEvidence && !record.evidence { return .noEvidence }
    if policy.collectiveNeedsMainContributor && record.collective && !record.mainContributor {
      return .notMainContributor
    }
    return nil
  }

  /// The values that show why a record does not count, for explanations.
  static func details(
    of reason: ReasonCode, for record: AchievementRecord, portfolio: Portfolio, end: Day
  ) -> [String] {
    switch reason {
    case .outsideWindow:
      if record.date > end { return ["date=\(record.date)", "until=\(end)"] }
      return ["date=\(record.date)", "from=\(portfolio.currentTitle.map { "\($0.date)" } ?? "—")"]
    case .notPublished: return ["status=accepted"]
    case .patentTransferred: return ["acquired=transfer"]
    case .notMainContributor: return ["collective=true"]
    default: return []
    }
  }
}
