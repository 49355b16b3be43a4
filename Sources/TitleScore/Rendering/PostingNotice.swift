/// What a public posting (公示) states at its head, as the notices require: its period, at least five working days
/// (`WorkingCalendar` counts them), and whom to contact with an objection.
public struct PostingNotice: Hashable, Sendable {
  /// The first day of the posting.
  public var from: Day
  /// How many working days it lasts.
  public var workingDays: Int
  /// Its last day, counted in working days from `from`.
  public var until: Day
  /// Whom to contact with an objection (an office, a telephone number); nil when not given.
  public var contact: String?

  /// A posting of `workingDays` working days from `from` by `calendar`.
  public init(from: Day, workingDays: Int, calendar: WorkingCalendar, contact: String?) {
    self.from = from
    self.workingDays = workingDays
    until = calendar.lastDay(ofWorkingDays: workingDays, from: from)
    self.contact = contact
  }

  /// The sentences that state it, in a language.
  public func lines(_ language: Language) -> [String] {
    var lines = [
      Message(.reportPostingPeriod, .day(from), .day(until), .integer(workingDays)).text(language)
    ]
    lines.append(
      contact.map { Message(.reportPostingContact, .text($0)).text(language) }
        ?? Message(.reportPostingNoContact).text(language))
    return lines
  }
}
