import Foundation

/// The documented layout of an office's workbook (`docs/spreadsheet.md`): which column fills which portfolio field,
/// and how its cells are read. The headers are worded by the catalogue (`column.*`) and accepted in Chinese or
/// English; values are taken as people write them (terms of the shared vocabulary, dates in several styles, 是/否).
package enum SpreadsheetLayout {
  /// How a column's cells are read.
  package enum Kind: Sendable {
    /// A text, as written.
    case text
    /// A date (`SpreadsheetValues.day`).
    case date
    /// A yes or no.
    case flag
    /// A number.
    case number
    /// Texts separated by `；`, `、` … (honours).
    case list
  }

  /// A column: its header and the portfolio path it fills (`education[1].date`).
  package struct Column: Sendable {
    package let header: MessageKey
    /// A suffix for the repeated groups (`学历2` for the second education record).
    package let suffix: String
    package let path: [JSONPath.Component]
    package let kind: Kind
    /// The vocabulary list its values come from, for a template's drop-down; nil for free text.
    package var list: Glossary.List? = nil
  }

  /// How many education records and recommending experts a row may give (`学历`, `学历2`, `学历3`).
  package static let educationGroups = 3
  package static let expertGroups = 2

  /// The fixed columns of the applicants sheet, in the template's order.
  package static let applicantColumns: [Column] = {
    func column(
      _ header: MessageKey, _ path: [JSONPath.Component], _ kind: Kind = .text, suffix: String = "",
      list: Glossary.List? = nil
    ) -> Column {
      Column(header: header, suffix: suffix, path: path, kind: kind, list: list)
    }
    var columns = [
      column(.columnId, [.key("id")]), column(.columnName, [.key("name")]),
      column(.columnIdNumber, [.key("idNumber")]), column(.columnPhone, [.key("phone")]),
      column(.columnEmployer, [.key("employer"), .key("name")]),
      column(.columnSector, [.key("employer"), .key("sector")], list: .sector),
      column(.columnCity, [.key("employer"), .key("city")], list: .city),
      column(.columnSpecialty, [.key("specialty")], list: .specialty),
      column(.columnResidency, [.key("residency")], list: .residency),
    ]
    for group in 0..<educationGroups {
      let suffix = group == 0 ? "" : String(group + 1)
      let base: [JSONPath.Component] = [.key("education"), .index(group)]
      columns += [
        column(.columnEducationLevel, base + [.key("level")], suffix: suffix, list: .educationLevel),
        column(.columnDegree, base + [.key("degree")], suffix: suffix, list: .degree),
        column(.columnMajor, base + [.key("major")], suffix: suffix),
        column(.columnRelated, base + [.key("related")], .flag, suffix: suffix),
        column(.columnFullTime, base + [.key("fullTime")], .flag, suffix: suffix),
        column(.columnGraduation, base + [.key("date")], .date, suffix: suffix),
      ]
    }
    columns += [
      column(.columnWorkStart, [.key("workStart")], .date),
      column(.columnRelatedWorkStart, [.key("relatedWorkStart")], .date),
      column(.columnEnterpriseYears, [.key("enterpriseYears")], .number),
      column(.columnRegisteredQualification, [.key("registeredQualification")], .flag),
      column(.columnRetrainingMonths, [.key("retrainingMonths")], .number),
      column(.columnTitle, [.key("currentTitle"), .key("title")], list: .title),
      column(.columnTitleDate, [.key("currentTitle"), .key("date")], .date),
      column(.columnHeldInReviewYear, [.key("currentTitle"), .key("heldInReviewYear")], .flag),
      column(.columnSkill, [.key("skill"), .key("level")], list: .skillLevel),
      column(.columnSkillDate, [.key("skill"), .key("date")], .date),
      column(.columnPublicityDate, [.key("publicityDate")], .date),
      column(.columnHonours, [.key("honours")], .list, list: .honour),
      column(.columnClaimedTotal, [.key("claimed"), .key("total")], .number),
    ]
    for group in 0..<expertGroups {
      let suffix = String(group + 1)
      let base: [JSONPath.Component] = [.key("recommendations"), .index(group)]
      columns += [
        column(.columnExpert, base + [.key("expert")], suffix: suffix),
        column(.columnExpertLevel, base + [.key("level")], suffix: suffix, list: .recommendationLevel),
      ]
    }
    return columns
  }()

  /// The columns of the achievements sheet, after the applicant's 编号; paths inside one record.
  package static let recordColumns: [Column] = {
    func column(_ header: MessageKey, _ path: [String], _ kind: Kind = .text, list: Glossary.List? = nil) -> Column {
      Column(header: header, suffix: "", path: path.map { .key($0) }, kind: kind, list: list)
    }
    return [
      column(.columnRecordId, ["id"]), column(.columnRecordType, ["type"], list: .recordType),
      column(.columnRecordLevel, ["level"], list: .recordLevel),
      column(.columnRank, ["rank"], .number), column(.columnCount, ["count"], .number),
      column(.columnRecordDate, ["date"], .date), column(.columnStatus, ["status"], list: .recordStatus),
      column(.columnEvidence, ["evidence"], .flag), column(.columnCollective, ["collective"], .flag),
      column(.columnMainContributor, ["mainContributor"], .flag),
      column(.columnAcquired, ["acquired"], list: .acquisition),
      column(.columnRecordTitle, ["title"]), column(.columnAuthorship, ["authorship"], list: .authorship),
      column(.columnCharacters, ["characters"], .number), column(.columnMainWinner, ["mainWinner"], .flag),
      column(.columnMaterialProblem, ["material", "problem"], list: .materialProblem),
      column(.columnMaterialSeverity, ["material", "severity"], list: .materialSeverity),
      column(.columnAssessedPoints, ["assessedPoints"], .number),
    ]
  }()

  /// Whether a header names a column: its Chinese or English wording, with its suffix.
  package static func matches(_ header: String, _ column: Column) -> Bool {
    let key = Glossary.key(header)
    return [Language.zh, .en].contains { Glossary.key(Message(column.header).text($0) + column.suffix) == key }
  }

  /// A `继续教育2021专业科目` header: the year and the kind as written; nil for another header.
  package static func courseColumn(_ header: String) -> (year: Int, kind: String)? {
    yearColumn(header, .columnContinuingEducation).flatMap { year, rest in rest.isEmpty ? nil : (year, rest) }
  }

  /// A `评委赋分（work-report）` header: the item whose points reviewers give; nil for another header.
  package static func assessedColumn(_ header: String) -> String? {
    let trimmed = header.trimmingCharacters(in: .whitespaces)
    for language in [Language.zh, .en] {
      let word = Message(.columnAssessedPoints).text(language)
      guard trimmed.lowercased().hasPrefix(word.lowercased()) else { continue }
      let item = trimmed.dropFirst(word.count).trimmingCharacters(in: CharacterSet(charactersIn: " :：()（）"))
      return item.isEmpty ? nil : item
    }
    return nil
  }

  /// A `年度考核2021` header: the year; nil for another header.
  package static func assessmentColumn(_ header: String) -> Int? {
    yearColumn(header, .columnAssessment).flatMap { year, rest in rest.isEmpty ? year : nil }
  }

  /// A header that is a prefix word, a four-digit year and a rest, in either language.
  private static func yearColumn(_ header: String, _ prefix: MessageKey) -> (Int, String)? {
    let trimmed = header.trimmingCharacters(in: .whitespaces)
    for language in [Language.zh, .en] {
      let word = Message(prefix).text(language)
      guard trimmed.lowercased().hasPrefix(word.lowercased()) else { continue }
      let afterWord = trimmed.dropFirst(word.count).drop { $0 == " " }
      let digits = afterWord.prefix(4)
      guard digits.count == 4, let year = Int(digits) else { continue }
      return (year, afterWord.dropFirst(4).trimmingCharacters(in: .whitespaces))
    }
    return nil
  }
}
