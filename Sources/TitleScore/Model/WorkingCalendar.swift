/// Which days are working days, for counting a posting period (公示期 "不少于5个工作日"): Monday to Friday, less
/// the public holidays an office lists, plus the weekend days the State Council's schedule makes working days
/// (调休补班). Nothing about a particular year is built in: the holidays come from the office's file.
public struct WorkingCalendar: Hashable, Sendable {
  /// Weekdays that are holidays.
  public var holidays: Set<Day>
  /// Weekend days that are working days.
  public var workdays: Set<Day>

  /// A calendar with these exceptions to Monday to Friday.
  public init(holidays: Set<Day> = [], workdays: Set<Day> = []) {
    self.holidays = holidays
    self.workdays = workdays
  }

  /// Whether a day is a working day.
  public func isWorkingDay(_ day: Day) -> Bool {
    if workdays.contains(day) { return true }
    if holidays.contains(day) { return false }
    return day.weekday <= 5
  }

  /// The last day of a period of `count` working days that starts on `first` (counted when it is a working day;
  /// otherwise the period starts on the next one). `count` is at least 1.
  public func lastDay(ofWorkingDays count: Int, from first: Day) -> Day {
    var day = first
    var counted = isWorkingDay(day) ? 1 : 0
    while counted < max(1, count) {
      day = day.nextDay
      if isWorkingDay(day) { counted += 1 }
    }
    return day
  }

  /// Reads a calendar file: one date per line (`2022-10-03`), a line for a weekend working day marked `补班` or
  /// `workday` after its date (`2022-10-08 补班`); text after `#` is a comment. A line that is not a real date is an
  /// `invalid-date` error at its line.
  public static func parse(_ text: String, file: String) throws(Diagnostic) -> WorkingCalendar {
    var calendar = WorkingCalendar()
    for (number, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
      let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
      let words = line.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" || $0 == "\u{3000}" })
      guard let first = words.first else { continue }
      guard let day = Day(String(first)) else {
        throw Diagnostic(
          .invalidDate, at: .root, Message(.diagnosticExpectedDate, .text(String(first))), file: file,
          line: number + 1)
      }
      let marker = words.dropFirst().first.map(String.init)
      switch marker {
      case nil, "休", "holiday": calendar.holidays.insert(day)
      case "补班", "班", "workday": calendar.workdays.insert(day)
      default:
        throw Diagnostic(
          .invalidValue, at: .root, Message(.diagnosticCalendarMarker, .text(marker ?? "")), file: file,
          line: number + 1)
      }
    }
    return calendar
  }
}

extension Day {
  /// The day of the week, 1 for Monday to 7 for Sunday (the proleptic Gregorian calendar).
  public var weekday: Int {
    // Days since 1970-01-01, a Thursday, by the civil-from-days inverse (H. Hinnant's algorithm).
    let shiftedYear = month <= 2 ? year - 1 : year
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    let days = era * 146_097 + dayOfEra - 719_468
    let fromMonday = ((days + 3) % 7 + 7) % 7
    return fromMonday + 1
  }
}
