/// A calendar date without a time of day, as written in notices and portfolios (`2022-12-31`).
public struct Day: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// The year.
  public let year: Int
  /// The month, 1 to 12.
  public let month: Int
  /// The day of the month, 1 to 31.
  public let day: Int

  /// Creates a date, or nil for an impossible one such as 2022-02-30.
  public init?(year: Int, month: Int, day: Int) {
    guard (1900...2200).contains(year), (1...12).contains(month), day >= 1,
      day <= Day.daysInMonth(month, of: year)
    else { return nil }
    self.year = year
    self.month = month
    self.day = day
  }

  /// Parses `YYYY-MM-DD`, or nil for any other text or an impossible date.
  public init?(_ text: String) {
    let utf8 = Array(text.utf8)
    guard utf8.count == 10, utf8[4] == UInt8(ascii: "-"), utf8[7] == UInt8(ascii: "-") else { return nil }
    func number(_ range: Range<Int>) -> Int? {
      var value = 0
      for index in range {
        let byte = utf8[index]
        guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
        value = value * 10 + Int(byte - UInt8(ascii: "0"))
      }
      return value
    }
    guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10) else { return nil }
    self.init(year: year, month: month, day: day)
  }

  static func daysInMonth(_ month: Int, of year: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }

  public static func < (lhs: Day, rhs: Day) -> Bool {
    (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
  }

  /// Whole years from this date to `later`, counted by anniversaries; 0 when `later` is earlier.
  public func wholeYears(until later: Day) -> Int {
    guard later >= self else { return 0 }
    var years = later.year - year
    if (later.month, later.day) < (month, day) { years -= 1 }
    return years
  }

  /// The day after this one (the first of the next month or year where this is the last).
  public var nextDay: Day {
    if day < Day.daysInMonth(month, of: year) { return Day(year: year, month: month, day: day + 1)! }
    if month < 12 { return Day(year: year, month: month + 1, day: 1)! }
    return Day(year: year + 1, month: 1, day: 1) ?? self
  }

  /// Whole years held from this date through `cutoff`, the cut-off day included: the notices count tenure and work
  /// "截止到 2022年12月31日", so a title held from 1 January 2018 has 5 whole years on 31 December 2022. This is the
  /// one place years to a cut-off are counted: whole anniversaries from this date to the day after the cut-off.
  public func wholeYears(through cutoff: Day) -> Int {
    wholeYears(until: cutoff.nextDay)
  }

  /// Whole months from this date to `later`, counted by monthly anniversaries; 0 when `later` is earlier.
  public func wholeMonths(until later: Day) -> Int {
    guard later >= self else { return 0 }
    var months = (later.year - year) * 12 + later.month - month
    if later.day < day { months -= 1 }
    return months
  }

  /// The date as `YYYY-MM-DD`.
  public var description: String {
    func pad(_ value: Int, _ width: Int) -> String {
      let text = String(value)
      return String(repeating: "0", count: max(0, width - text.count)) + text
    }
    return "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
  }
}
