/// Decides whether each achievement record counts at all, by the sheet's validity rules.
enum RecordValidity {
  /// The first reason the record at `address` does not count under a sheet's validity policy; nil when it counts.
  /// `end` is the last day records count (`Scoresheet.recordsCountUntil(for:)`) and `titleDate` the date of the
  /// current title, both worked out once per portfolio.
  ///
  /// The record is read where it lies: handed over as a value from a buffer, it would be copied whole (each of its
  /// texts retained and released), since the compiler cannot tell that memory behind a pointer stays put.
  ///
  /// Safety: `address` points into the portfolio's records inside the evaluator's `withUnsafeBufferPointer` call,
  /// which outlasts this one; the function only reads, and keeps nothing.
  static func reason(
    forRecordAt address: UnsafePointer<AchievementRecord>, policy: ValidityPolicy, titleDate: Day?, end: Day
  ) -> ReasonCode? {
    // Field by field through the pointer: `address.pointee` taken as a whole is a copy.
    let date = address.pointee.date
    if date > end { return .outsideWindow }
    if policy.window == .currentTitle, let titleDate, date < titleDate {
      return .outsideWindow
    }
    if policy.requirePublished && address.pointee.status.isSameText(as: "accepted") { return .notPublished }
    if policy.excludeTransferredPatents && address.pointee.type.isSameText(as: "patent")
      && address.pointee.acquired.isSameText(as: "transfer")
    {
      return .patentTransferred
    }
    if policy.requireEvidence && !address.pointee.evidence { return .noEvidence }
    if policy.collectiveNeedsMainContributor && address.pointee.collective && !address.pointee.mainContributor {
      return .notMainContributor
    }
    if let costs = policy.material, let issue = address.pointee.material,
      costs.cost(of: issue.severity) == .notCounted
    {
      return .materialDeficient
    }
    return nil
  }

  /// The values that show why a record does not count, for explanations.
  static func details(
    of reason: ReasonCode, for record: AchievementRecord, titleDate: Day?, end: Day
  ) -> [String] {
    switch reason {
    case .outsideWindow:
      if record.date > end { return ["date=\(record.date)", "until=\(end)"] }
      return ["date=\(record.date)", "from=\(titleDate.map { "\($0)" } ?? "—")"]
    case .notPublished: return ["status=accepted"]
    case .patentTransferred: return ["acquired=transfer"]
    case .notMainContributor: return ["collective=true"]
    case .materialDeficient:
      return [
        "not-counted", "problem=\(record.material?.problem ?? "")", "severity=\(record.material?.severity ?? "")",
      ]
    default: return []
    }
  }
}
