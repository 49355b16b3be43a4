import Foundation

/// Cell texts as people type them into a spreadsheet, turned into what a portfolio field takes.
enum SpreadsheetValues {
  /// A cell without the spaces (ideographic ones too) and line breaks around it. Most cells have none, and are
  /// returned as they are: Foundation's trimming bridges every text through `NSString`, the larger part of reading
  /// a workbook when it was used for every cell.
  static func trimmed(_ text: String) -> String {
    // Most cells start and end with a printable ASCII character or a CJK one: no property lookup for them.
    let utf8 = text.utf8
    guard let firstByte = utf8.first, let lastByte = utf8.last else { return text }
    if firstByte > 0x20 && firstByte < 0x7F && lastByte > 0x20 && lastByte < 0x7F { return text }
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    guard first.properties.isWhitespace || last.properties.isWhitespace else { return text }
    var start = scalars.startIndex
    var end = scalars.endIndex
    while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
    while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
    return String(scalars[start..<end])
  }

  /// A date written `2021-07-01`, `2021/7/1`, `2021.7.1`, `2021年7月1日` or as an Excel serial (`44378`, days from
  /// 1899-12-30, the convention Excel and LibreOffice share for dates after February 1900), as `YYYY-MM-DD`; nil
  /// when it is none of these or not a real date.
  static func day(_ text: String) -> Day? {
    let trimmed = trimmed(text)
    if let serial = Int(trimmed), (1...2_958_465).contains(serial) { return dayFromSerial(serial) }
    var parts: [Int] = []
    var number = ""
    for character in trimmed {
      if character.isASCII, character.isNumber {
        number.append(character)
      } else if ["-", "/", ".", "年", "月", "日"].contains(character) {
        guard let value = Int(number) else { return nil }
        parts.append(value)
        number = ""
      } else {
        return nil
      }
    }
    if !number.isEmpty { parts.append(Int(number)!) }
    guard parts.count == 3, parts[0] >= 1000 else { return nil }
    return Day(year: parts[0], month: parts[1], day: parts[2])
  }

  /// The day of an Excel serial number.
  private static func dayFromSerial(_ serial: Int) -> Day? {
    // Days from 1970-01-01 to the civil date (H. Hinnant's civil-from-days); serial 25569 is 1970-01-01.
    let days = serial - 25_569 + 719_468
    let era = (days >= 0 ? days : days - 146_096) / 146_097
    let dayOfEra = days - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return Day(year: year, month: month, day: day)
  }

  /// A yes or no written `是`/`否`, `有`/`无`, `√`/`×`, `Y`/`N`, `yes`/`no`, `true`/`false`, `1`/`0`; nil for others.
  static func flag(_ text: String) -> Bool? {
    switch trimmed(text).lowercased() {
    case "是", "有", "√", "✓", "y", "yes", "true", "1": return true
    case "否", "无", "×", "✗", "n", "no", "false", "0": return false
    default: return nil
    }
  }

  /// A plain decimal number (`60`, `12.5`, `-3`), with a full-width digits or a thousands comma tolerated; nil for
  /// anything else.
  static func number(_ text: String) -> String? {
    var plain = ""
    for scalar in trimmed(text).unicodeScalars {
      switch scalar.value {
      case 0xFF10...0xFF19: plain.unicodeScalars.append(Unicode.Scalar(scalar.value - 0xFF10 + 0x30)!)
      case 0x2C: continue
      default: plain.unicodeScalars.append(scalar)
      }
    }
    guard !plain.isEmpty, Double(plain) != nil, plain.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" })
    else { return nil }
    return plain
  }

  /// A list cell split on `；`, `;`, `、`, `，` and `,`, each part trimmed, empty parts left out.
  static func list(_ text: String) -> [String] {
    text.split(whereSeparator: { "；;、，,".contains($0) }).map { trimmed(String($0)) }
      .filter { !$0.isEmpty }
  }
}
