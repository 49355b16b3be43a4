/// Decides whether each achievement record counts at all, by the sheet's validity rules.
enum RecordValidity {
  /// The first reason a record does not count, with the values that show it (worked out only when asked for);
  /// nil when it counts.
  static func reason(
    for record: AchievementRecord, portfolio: Portfolio, sheet: Scoresheet
  ) -> (code: ReasonCode, details: () -> [String])? {
    let policy = sheet.validity
    let end = sheet.recordsCountUntil(for: portfolio)
    if record.date > end {
      return (.outsideWindow, { ["date=\(record.date)", "until=\(end)"] })
    }
    if policy.window == .currentTitle, let title = portfolio.currentTitle, record.date < title.date {
      return (.outsideWindow, { ["date=\(record.date)", "from=\(title.date)"] })
    }
    if policy.requirePublished && record.status == "accepted" {
      return (.notPublished, { ["status=accepted"] })
    }
    if policy.excludeTransferredPatents && record.type == "patent" && record.acquired == "transfer" {
      return (.patentTransferred, { ["acquired=transfer"] })
    }
    if policy.requireEvidence && !record.evidence {
      return (.noEvidence, { [] })
    }
    if policy.collectiveNeedsMainContributor && record.collective && !record.mainContributor {
      return (.notMainContributor, { ["collective=true"] })
    }
    return nil
  }
}
