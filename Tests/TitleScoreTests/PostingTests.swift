import Foundation
import Testing

@testable import TitleScore

/// The working days a posting period counts: Monday to Friday, less the office's holidays, plus make-up workdays.
@Suite struct WorkingCalendarTests {
  private func day(_ text: String) -> Day { Day(text)! }

  @Test func weekdaysAreKnownForDatesOnEitherSideOfTheEpochAndLeapDays() {
    #expect(day("1970-01-01").weekday == 4)  // Thursday
    #expect(day("2022-09-29").weekday == 4)
    #expect(day("2024-02-29").weekday == 4)
    #expect(day("2000-03-01").weekday == 3)
    #expect(day("1969-12-31").weekday == 3)
    #expect(day("2022-10-01").weekday == 6 && day("2022-10-02").weekday == 7 && day("2022-10-03").weekday == 1)
  }

  @Test func everyBundledSheetCarriesItsNoticesLeastPostingPeriod() {
    // Each notice: "不少于5个工作日的公示" (Anji, Jiaxing, Shaoxing) or "公示期不少于五个工作日" (Linping).
    #expect(Bundled.library.sheets.allSatisfy { $0.postingMinimumWorkingDays == 5 })
  }

  @Test func fiveWorkingDaysSkipTheWeekend() {
    let plain = WorkingCalendar()
    #expect(plain.lastDay(ofWorkingDays: 5, from: day("2022-08-22")) == day("2022-08-26"))  // Monday → Friday
    #expect(plain.lastDay(ofWorkingDays: 5, from: day("2022-08-24")) == day("2022-08-30"))  // Wednesday → Tuesday
    // A posting put up on a Saturday starts counting on Monday.
    #expect(plain.lastDay(ofWorkingDays: 5, from: day("2022-08-20")) == day("2022-08-26"))
  }

  @Test func holidaysAreSkippedAndMakeUpWorkdaysCount() throws {
    let text = """
      # 2022 年国庆节：10 月 1 日至 7 日放假，10 月 8 日（周六）、9 日（周日）上班
      2022-10-03
      2022-10-04
      2022-10-05
      2022-10-06
      2022-10-07
      2022-10-08 补班
      2022-10-09 workday   # 调休
      """
    let calendar = try WorkingCalendar.parse(text, file: "holidays.txt")
    #expect(calendar.holidays.count == 5 && calendar.workdays.count == 2)
    // Thu 29, Fri 30, Sat 8 (补班), Sun 9 (补班), Mon 10.
    #expect(calendar.lastDay(ofWorkingDays: 5, from: day("2022-09-29")) == day("2022-10-10"))
    #expect(!calendar.isWorkingDay(day("2022-10-05")) && calendar.isWorkingDay(day("2022-10-08")))
  }

  @Test func aLineThatIsNotADateIsAnErrorAtItsLine() {
    do {
      _ = try WorkingCalendar.parse("2022-10-03\n2022-10-32\n", file: "holidays.txt")
      Issue.record("a day 32 was accepted")
    } catch {
      #expect(error.code == .invalidDate && error.file == "holidays.txt" && error.line == 2)
    }
    do {
      _ = try WorkingCalendar.parse("2022-10-08 上午\n", file: "holidays.txt")
      Issue.record("an unknown mark was accepted")
    } catch {
      #expect(error.code == .invalidValue && error.line == 1)
    }
  }
}

/// The public posting (公示) as the notices require it.
@Suite struct PublicPostingTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")

  private func cohort() throws -> BatchResults {
    try BatchRunner(sheet: sheet, jobs: 2).run([Bundled.examplesDirectory + "/applicants.jsonl"])
  }

  private func posting(
    _ results: BatchResults, _ format: ReportFormat, scope: ReportOptions.PostingScope = .passing,
    notice: PostingNotice? = nil
  ) -> String {
    var options = ReportOptions(language: .zh, publicPosting: true)
    options.postingScope = scope
    options.postingNotice = notice
    let sink = ReportSink()
    BatchReport.write(results, format: format, options: options, to: sink)
    return sink.text
  }

  private func rows(_ json: String) throws -> [JSONValue] {
    guard case .array(let rows)? = try JSONValue.parse(Array(json.utf8))["rows"] else { return [] }
    return rows
  }

  @Test func byDefaultThePostingListsThoseWhoPass() throws {
    let results = try cohort()
    let passing = results.rankedRows.filter { $0.verdict == .pass }
    #expect(!passing.isEmpty && passing.count < results.scoredCount)
    let listed = try rows(posting(results, .json))
    #expect(listed.count == passing.count)
    #expect(listed.allSatisfy { $0["verdict"] == .string("pass") })
    // Every format lists the same rows.
    let csvLines = posting(results, .csv).split(separator: "\r\n").filter { $0.first?.isNumber == true }
    #expect(csvLines.count == passing.count)
    #expect(try rows(posting(results, .json, scope: .all)).count == results.scoredCount)
  }

  @Test func aTotalWhoseRangeStraddlesTheThresholdIsUndecidedNotBelow() throws {
    let results = try cohort()
    let threshold = sheet.threshold!
    let straddling = results.rankedRows.filter {
      $0.verdict == .belowThreshold && $0.total.min < threshold && $0.total.max >= threshold
    }
    #expect(!straddling.isEmpty)
    let everyone = try rows(posting(results, .json, scope: .all))
    for row in straddling {
      let listed = everyone.first { $0["name"] == .string(row.name) }
      #expect(listed?["verdict"] == .string("undecided"), "\(row.name) \(row.total)")
    }
    #expect(posting(results, .table, scope: .all).contains("待定"))
    // `undecided` lists those who pass and those reviewers still decide, nobody else.
    let undecided = try rows(posting(results, .json, scope: .undecided))
    #expect(undecided.count == results.rankedRows.filter { $0.verdict == .pass }.count + straddling.count)
    #expect(undecided.allSatisfy { $0["verdict"] == .string("pass") || $0["verdict"] == .string("undecided") })
  }

  @Test func thePostingStatesItsPeriodInWorkingDaysAndTheContactForObjections() throws {
    let results = try cohort()
    let notice = PostingNotice(
      from: Day("2022-08-24")!, workingDays: 5, calendar: WorkingCalendar(), contact: "市人力社保局专技处 0573-00000000")
    #expect(notice.until == Day("2022-08-30")!)
    var options = ReportOptions(language: .zh, publicPosting: true)
    options.postingNotice = notice
    let summary = ReportSink()
    BatchReport.writeSummaryCSV(results, options: options, to: summary)
    // A CSV list is the list alone: its summary file carries the statement.
    for (format, text) in [ReportFormat.table, .md, .html, .json].map({ ($0, posting(results, $0, notice: notice)) })
      + [(.csv, summary.text)]
    {
      #expect(text.contains("2022-08-24") && text.contains("2022-08-30"), "\(format)")
      #expect(text.contains("0573-00000000"), "\(format)")
    }
    let json = try JSONValue.parse(Array(posting(results, .json, notice: notice).utf8))
    #expect(json["posting"]?["until"] == .string("2022-08-30") && json["posting"]?["workingDays"] != nil)
    // Without a contact, the posting says one is missing rather than leaving it out unsaid.
    let without = PostingNotice(from: Day("2022-08-24")!, workingDays: 5, calendar: WorkingCalendar(), contact: nil)
    #expect(posting(results, .table, notice: without).contains("--contact"))
  }
}

/// Large reports stay usable: the HTML lists the first rows and says so; the other formats keep every row.
@Suite struct LargeReportTests {
  @Test func theHTMLReportListsItsFirstRowsAndSaysWhereTheWholeListIs() throws {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([Bundled.examplesDirectory + "/applicants.jsonl"])
    var options = ReportOptions(language: .zh)
    options.htmlRows = 10
    let html = ReportSink()
    BatchReport.write(results, format: .html, options: options, to: html)
    let listed = html.text.components(separatedBy: "<tbody>")[1].components(separatedBy: "</tbody>")[0]
    #expect(listed.components(separatedBy: "<tr").count - 1 == 10)
    #expect(html.text.contains("只列出前 10 名（共 \(results.scoredCount) 名）"))
    let json = ReportSink()
    BatchReport.write(results, format: .json, options: options, to: json)
    guard case .array(let rows)? = try JSONValue.parse(Array(json.text.utf8))["rows"] else {
      Issue.record("no rows")
      return
    }
    #expect(rows.count == results.scoredCount)
    // Under the limit, nothing is said.
    options.htmlRows = 5_000
    let whole = ReportSink()
    BatchReport.write(results, format: .html, options: options, to: whole)
    #expect(!whole.text.contains("只列出前"))
  }
}
