/// Something a gate found short, with a stable code and the values that show it. Findings are worded only when
/// shown, so a batch that needs just "passed or not" builds no text.
public enum GateFinding: Hashable, Sendable {
  /// No annual assessment for a year.
  case assessmentMissing(year: Int)
  /// A grade the sheet's vocabulary does not know.
  case assessmentUnknown(year: Int, grade: String)
  /// A grade below the minimum.
  case assessmentBelow(year: Int, grade: String, minimum: String)
  /// Nothing recorded for a year of continuing education.
  case hoursNotRecorded(year: Int, unit: String)
  /// A year's total below what the year needs.
  case hoursShort(year: Int, have: Points, needed: Points, unit: String)
  /// A kind of course below what the year needs of it.
  case kindHoursShort(year: Int, kind: String, have: Points, needed: Points, unit: String)
  /// Short years not made up by the cumulative allowance.
  case cumulativeShort(total: Points, allowance: Points, unit: String, finalYearIncomplete: Bool)
  /// The total over the years below the cumulative minimum.
  case spanShort(firstYear: Int?, lastYear: Int?, total: Points, minimum: Points, unit: String)
  /// A specialty this review does not cover.
  case specialtyNotReviewed(String)
  /// A specialty excluded from this review.
  case specialtyExcluded(String)
  /// A sector whose staff may not apply.
  case sectorExcluded(String)
  /// A residency that may not apply.
  case residencyExcluded(String)
  /// Too few expert recommendations of a level.
  case recommendationsShort(count: Int, minimum: Int, level: String)
  /// An attached file that is not there.
  case attachmentMissing(path: String)
  /// An ID photo that is not JPG or JPEG.
  case photoFormat
  /// An ID photo outside the size limits (exclusive bounds).
  case photoBytes(bytes: Int, over: Int, under: Int)
  /// An ID photo below the least pixel size.
  case photoPixels(width: Int, height: Int, minWidth: Int, minHeight: Int)
  /// An ID photo whose width/height is outside the bounds.
  case photoAspect(min: Points, max: Points)
  /// An ID photo that is not a readable JPEG image.
  case photoUnreadable
  /// A condition of the gate that is not met, with what was observed.
  case conditionNotMet(label: LocalizedText, observed: String)
  /// The current appointment is not held in the review year (申报当年须在聘).
  case appointmentNotHeld(title: String, year: Int)

  /// A stable code for the kind of finding, for tests and machine-readable output.
  public var code: String {
    switch self {
    case .assessmentMissing: return "assessment-missing"
    case .assessmentUnknown: return "assessment-unknown"
    case .assessmentBelow: return "assessment-below"
    case .hoursNotRecorded: return "hours-not-recorded"
    case .hoursShort: return "hours-short"
    case .kindHoursShort: return "kind-hours-short"
    case .cumulativeShort: return "cumulative-hours-short"
    case .spanShort: return "span-hours-short"
    case .specialtyNotReviewed: return "specialty-not-reviewed"
    case .specialtyExcluded: return "specialty-excluded"
    case .sectorExcluded: return "sector-excluded"
    case .residencyExcluded: return "residency-excluded"
    case .recommendationsShort: return "recommendations-short"
    case .attachmentMissing: return "attachment-missing"
    case .photoFormat: return "photo-format"
    case .photoBytes: return "photo-bytes"
    case .photoPixels: return "photo-pixels"
    case .photoAspect: return "photo-aspect"
    case .photoUnreadable: return "photo-unreadable"
    case .conditionNotMet: return "condition-not-met"
    case .appointmentNotHeld: return "appointment-not-held"
    }
  }

  /// The finding in words, in both languages.
  public var text: LocalizedText {
    func unitZH(_ unit: String) -> String { unit == "credits" ? "学分" : "学时" }
    switch self {
    case .assessmentMissing(let year):
      return LocalizedText(zh: "\(year) 年度考核缺失", en: "\(year): no annual assessment")
    case .assessmentUnknown(let year, let grade):
      return LocalizedText(zh: "\(year) 年度考核结果 \(grade) 无法识别", en: "\(year): unknown grade \(grade)")
    case .assessmentBelow(let year, let grade, let minimum):
      return LocalizedText(
        zh: "\(year) 年度考核 \(grade)，需 \(minimum) 以上", en: "\(year): \(grade), needs \(minimum) or better")
    case .hoursNotRecorded(let year, let unit):
      return LocalizedText(zh: "继续教育 \(year) 年：无学时记录", en: "continuing education \(year): no \(unit) recorded")
    case .hoursShort(let year, let have, let needed, let unit):
      return LocalizedText(
        zh: "继续教育 \(year) 年：\(have)/\(needed) \(unitZH(unit))",
        en: "continuing education \(year): \(have) of \(needed) \(unit)")
    case .kindHoursShort(let year, let kind, let have, let needed, let unit):
      return LocalizedText(
        zh: "继续教育 \(year) 年 \(kind)：\(have)/\(needed) \(unitZH(unit))",
        en: "continuing education \(year) \(kind): \(have) of \(needed) \(unit)")
    case .cumulativeShort(let total, let allowance, let unit, let finalYearIncomplete):
      return LocalizedText(
        zh: "累计 \(total)/\(allowance) \(unitZH(unit))\(finalYearIncomplete ? "，且当年学时未完成" : "")",
        en:
          "cumulative \(total) of \(allowance) \(unit)\(finalYearIncomplete ? ", and the final year is incomplete" : "")"
      )
    case .spanShort(let firstYear, let lastYear, let total, let minimum, let unit):
      let span = firstYear.flatMap { first in lastYear.map { "\(first)–\($0)" } } ?? ""
      return LocalizedText(
        zh: "继续教育 \(span) 累计 \(total)/\(minimum) \(unitZH(unit))",
        en: "continuing education \(span): \(total) of \(minimum) \(unit)")
    case .specialtyNotReviewed(let specialty):
      return LocalizedText(zh: "专业 \(specialty) 不在评审范围", en: "specialty \(specialty) is not reviewed here")
    case .specialtyExcluded(let specialty):
      return LocalizedText(
        zh: "专业 \(specialty) 被排除在本次评审之外", en: "specialty \(specialty) is excluded from this review")
    case .sectorExcluded(let sector):
      return LocalizedText(zh: "\(sector) 人员不得参加职称评审", en: "\(sector) staff may not apply")
    case .residencyExcluded(let residency):
      return LocalizedText(zh: "身份 \(residency) 不在申报范围", en: "residency \(residency) may not apply")
    case .recommendationsShort(let count, let minimum, let level):
      return LocalizedText(
        zh: "\(level) 专家举荐 \(count) 名，需 \(minimum) 名", en: "\(count) of \(minimum) \(level) recommendations")
    case .attachmentMissing(let path):
      return LocalizedText(zh: "附件缺失：\(path)", en: "attachment missing: \(path)")
    case .photoFormat:
      return LocalizedText(zh: "证件照须为 JPG/JPEG 格式", en: "ID photo must be JPG or JPEG")
    case .photoBytes(let bytes, let over, let under):
      return LocalizedText(
        zh: "证件照大小 \(bytes) 字节，须大于 \(over) 且小于 \(under)",
        en: "ID photo is \(bytes) bytes; must be over \(over) and under \(under)")
    case .photoPixels(let width, let height, let minWidth, let minHeight):
      return LocalizedText(
        zh: "证件照 \(width)×\(height) 像素，须不小于 \(minWidth)×\(minHeight)",
        en: "ID photo is \(width)×\(height) pixels; needs at least \(minWidth)×\(minHeight)")
    case .photoAspect(let min, let max):
      return LocalizedText(
        zh: "证件照宽高比须在 \(min) 与 \(max) 之间", en: "ID photo width/height must be between \(min) and \(max)")
    case .photoUnreadable:
      return LocalizedText(zh: "证件照不是可读取的 JPEG 图像", en: "ID photo is not a readable JPEG image")
    case .conditionNotMet(let label, let observed):
      let shown = observed.isEmpty ? "" : " (\(observed))"
      return LocalizedText(zh: "未满足：\(label.zh)\(shown)", en: "not met: \(label.en)\(shown)")
    case .appointmentNotHeld(let title, let year):
      return LocalizedText(
        zh: "现职 \(title) 申报当年（\(year) 年）未在聘", en: "the current title \(title) is not held in \(year)")
    }
  }

  /// The finding in words, in one language.
  public func text(_ language: Language) -> String { text.text(language) }

  /// The finding in English.
  public var en: String { text.en }
}
