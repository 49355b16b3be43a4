/// Portfolios written out in the spreadsheet layout, as an office would fill it: the applicants table and the
/// achievements table, as CSV or as the sheets of a workbook (`SpreadsheetExport+Workbook`), closed-list values as their Chinese terms, dates as `2021-07-01` (or, with
/// `dateStyles`, in turn as `2021/7/1`, `2021年7月1日` and Excel serials), flags as 是/否. `SpreadsheetImport` reads
/// them back to the same portfolios; the examples' workbook and the parity tests are made with it.
package enum SpreadsheetExport {
  /// A cell as written out: a text, a number, or a day (a date cell in a workbook; in CSV, text in one of the
  /// styles people write).
  package enum Value: Equatable {
    case text(String)
    case number(String)
    case day(Day)
  }

  /// The two tables' rows, headers first: the fixed columns of the layout, then a continuing-education column per
  /// year and kind, an assessment column per year and a reviewers'-points column per item the portfolios give.
  package static func rows(_ portfolios: [Portfolio], glossary: Glossary = .bundled) -> (
    applicants: [[Value]], achievements: [[Value]]
  ) {
    var years: [Int] = []
    var courses: [(year: Int, kind: String)] = []
    var assessedItems: [String] = []
    for portfolio in portfolios {
      for entry in portfolio.continuingEducation.entries
      where !courses.contains(where: { $0 == (entry.year, entry.kind) }) {
        courses.append((entry.year, entry.kind))
      }
      for entry in portfolio.assessments.entries where !years.contains(entry.year) { years.append(entry.year) }
      for item in portfolio.assessed.keys.sorted() where !assessedItems.contains(item) { assessedItems.append(item) }
    }
    courses.sort { ($0.year, $0.kind) < ($1.year, $1.kind) }
    years.sort()
    let fixed = SpreadsheetLayout.applicantColumns
    var header = fixed.map { Message($0.header).text(.zh) + $0.suffix }
    header += courses.map {
      Message(.columnContinuingEducation).text(.zh) + "\(String($0.year))"
        + glossary.name(of: $0.kind, in: .courseKind, .zh)
    }
    header += years.map { Message(.columnAssessment).text(.zh) + String($0) }
    header += assessedItems.map { Message(.columnAssessedPoints).text(.zh) + "（\($0)）" }
    var applicants: [[Value]] = [header.map { .text($0) }]
    var achievements: [[Value]] = [
      ([Message(.columnId).text(.zh)] + SpreadsheetLayout.recordColumns.map { Message($0.header).text(.zh) })
        .map { .text($0) }
    ]
    func flag(_ value: Bool) -> String { value ? "是" : "否" }
    func term(_ code: String, _ list: Glossary.List) -> String { glossary.name(of: code, in: list, .zh) }
    func value(_ text: String, _ kind: SpreadsheetLayout.Kind) -> Value {
      guard !text.isEmpty else { return .text("") }
      switch kind {
      case .date: return Day(text).map { .day($0) } ?? .text(text)
      case .number: return .number(text)
      default: return .text(text)
      }
    }
    let iso: (Day) -> String = { $0.description }
    for portfolio in portfolios {
      var row: [Value] = []
      for column in fixed {
        row.append(value(applicantCell(portfolio, column, date: iso, flag: flag, term: term), column.kind))
      }
      for course in courses {
        let hours = portfolio.continuingEducation.entries.filter { $0.year == course.year && $0.kind == course.kind }
        row.append(hours.isEmpty ? .text("") : .number(hours.reduce(Points.zero) { $0 + $1.hours }.description))
      }
      for year in years { row.append(.text(portfolio.assessments[year].map { term($0, .assessmentGrade) } ?? "")) }
      for item in assessedItems { row.append(portfolio.assessed[item].map { .number($0.description) } ?? .text("")) }
      applicants.append(row)
      for record in portfolio.records {
        var cells: [Value] = [.text(portfolio.id)]
        for column in SpreadsheetLayout.recordColumns {
          cells.append(value(recordCell(record, column, date: iso, flag: flag, term: term), column.kind))
        }
        achievements.append(cells)
      }
    }
    return (applicants, achievements)
  }

  /// The two tables' CSV texts; with `dateStyles`, dates in turn as `2021-07-01`, `2021/7/1`, `2021年7月1日` and
  /// Excel serials.
  package static func tables(
    _ portfolios: [Portfolio], glossary: Glossary = .bundled, dateStyles: Bool = false
  ) -> (applicants: String, achievements: String) {
    let (applicants, achievements) = rows(portfolios, glossary: glossary)
    var turn = 0
    func text(_ value: Value) -> String {
      switch value {
      case .text(let text), .number(let text): return text
      case .day(let day):
        defer { turn += 1 }
        return dateStyles ? styled(day, turn) : day.description
      }
    }
    // Styles turn in the order an office types: each applicant's row, then their achievements.
    var applicantTexts = [applicants[0].map(text)]
    var achievementTexts = [achievements[0].map(text)]
    var next = 1
    for (index, portfolio) in portfolios.enumerated() {
      applicantTexts.append(applicants[index + 1].map(text))
      for row in achievements[next..<(next + portfolio.records.count)] { achievementTexts.append(row.map(text)) }
      next += portfolio.records.count
    }
    return (csv(applicantTexts), csv(achievementTexts))
  }

  /// A day in the `turn`-th of the four styles people write.
  static func styled(_ day: Day, _ turn: Int) -> String {
    switch turn % 4 {
    case 1: return "\(day.year)/\(day.month)/\(day.day)"
    case 2: return "\(day.year)年\(day.month)月\(day.day)日"
    case 3: return String(excelSerial(day))
    default: return day.description
    }
  }

  /// Excel's serial number of a day (days from 1899-12-30).
  static func excelSerial(_ day: Day) -> Int {
    var count = 0
    var current = Day(year: 1970, month: 1, day: 1)!
    // Whole years first, then days: simple and exact for the dates portfolios hold.
    while current.year < day.year {
      count += Day.daysInMonth(2, of: current.year) == 29 ? 366 : 365
      current = Day(year: current.year + 1, month: 1, day: 1)!
    }
    while current < day {
      current = current.nextDay
      count += 1
    }
    return count + 25_569
  }

  private static func applicantCell(
    _ portfolio: Portfolio, _ column: SpreadsheetLayout.Column, date: (Day) -> String, flag: (Bool) -> String,
    term: (String, Glossary.List) -> String
  ) -> String {
    func education(_ index: Int) -> EducationRecord? {
      index < portfolio.education.count ? portfolio.education[index] : nil
    }
    func recommendation(_ index: Int) -> Recommendation? {
      index < portfolio.recommendations.count ? portfolio.recommendations[index] : nil
    }
    let path = column.path
    switch (path.first, path.count) {
    case (.key("education"), _):
      guard case .index(let index) = path[1], let record = education(index), case .key(let field) = path[2] else {
        return ""
      }
      switch field {
      case "level": return term(record.level, .educationLevel)
      case "degree": return record.degree.map { term($0, .degree) } ?? ""
      case "major": return record.major
      case "related": return flag(record.related)
      case "fullTime": return flag(record.fullTime)
      default: return date(record.date)
      }
    case (.key("recommendations"), _):
      guard case .index(let index) = path[1], let expert = recommendation(index), case .key(let field) = path[2] else {
        return ""
      }
      return field == "expert" ? expert.expert : term(expert.level, .recommendationLevel)
    default: break
    }
    switch JSONPath(components: path).description {
    case "id": return portfolio.id
    case "name": return portfolio.name
    case "idNumber": return portfolio.idNumber ?? ""
    case "phone": return portfolio.phone ?? ""
    case "employer.name": return portfolio.employer.name
    case "employer.sector": return term(portfolio.employer.sector, .sector)
    case "employer.city": return portfolio.employer.city.isEmpty ? "" : term(portfolio.employer.city, .city)
    case "specialty": return term(portfolio.specialty, .specialty)
    case "residency": return term(portfolio.residency, .residency)
    case "workStart": return portfolio.workStart.map(date) ?? ""
    case "relatedWorkStart": return portfolio.relatedWorkStart.map(date) ?? ""
    case "enterpriseYears": return portfolio.enterpriseYears.map(String.init) ?? ""
    case "registeredQualification": return flag(portfolio.registeredQualification)
    case "retrainingMonths": return String(portfolio.retrainingMonths)
    case "currentTitle.title": return portfolio.currentTitle.map { term($0.title, .title) } ?? ""
    case "currentTitle.date": return portfolio.currentTitle.map { date($0.date) } ?? ""
    case "currentTitle.heldInReviewYear": return portfolio.currentTitle.map { flag($0.heldInReviewYear) } ?? ""
    case "skill.level": return portfolio.skill.map { term($0.level, .skillLevel) } ?? ""
    case "skill.date": return portfolio.skill.map { date($0.date) } ?? ""
    case "publicityDate": return portfolio.publicityDate.map(date) ?? ""
    case "honours": return portfolio.honours.map { term($0.code, .honour) }.joined(separator: "；")
    case "claimed.total": return portfolio.claimed?.total?.description ?? ""
    default: return ""
    }
  }

  private static func recordCell(
    _ record: AchievementRecord, _ column: SpreadsheetLayout.Column, date: (Day) -> String,
    flag: (Bool) -> String, term: (String, Glossary.List) -> String
  ) -> String {
    switch JSONPath(components: column.path).description {
    case "id": return record.id
    case "type": return term(record.type, .recordType)
    case "level": return record.level.map { term($0, .recordLevel) } ?? ""
    case "rank": return record.rank.map(String.init) ?? ""
    case "count": return String(record.count)
    case "date": return date(record.date)
    case "status": return term(record.status, .recordStatus)
    case "evidence": return flag(record.evidence)
    case "collective": return flag(record.collective)
    case "mainContributor": return flag(record.mainContributor)
    case "acquired": return term(record.acquired, .acquisition)
    case "title": return record.title
    case "authorship": return record.authorship.map { term($0, .authorship) } ?? ""
    case "characters": return record.characters.map(String.init) ?? ""
    case "mainWinner": return record.mainWinner.map(flag) ?? ""
    case "material.problem": return record.material.map { term($0.problem, .materialProblem) } ?? ""
    case "material.severity": return record.material.map { term($0.severity, .materialSeverity) } ?? ""
    case "assessedPoints": return record.assessedPoints?.description ?? ""
    default: return ""
    }
  }

  /// Rows as CSV with a byte-order mark and CRLF line ends, every field quoted.
  private static func csv(_ rows: [[String]]) -> String {
    "\u{FEFF}"
      + rows.map { row in
        row.map { "\"" + $0.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }.joined(separator: ",")
      }.joined(separator: "\r\n") + "\r\n"
  }
}
