import Foundation
import Testing

@testable import TitleScore

/// Applicants from an office's spreadsheet (CSV), in the layout of `docs/spreadsheet.md`.
@Suite struct SpreadsheetImportTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")

  private func write(_ text: String, _ name: String, in folder: URL) throws -> String {
    let file = folder.appendingPathComponent(name)
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  private func portfolios(fromLines text: String) -> [Portfolio] {
    text.split(separator: "\n").compactMap { try? Portfolio.decode(json: Array($0.utf8)) }
  }

  @Test func aGeneratedCohortScoresTheSameFromASpreadsheetAsFromJSONLines() throws {
    for sheetID in [
      "jiaxing-2022-energy-engineer-self-score", "shaoxing-2022-eco-environment-senior-engineer-self-score",
      "linping-2022-manufacturing-engineer-exceptional",
    ] {
      let sheet = Bundled.sheet(sheetID)
      let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: 0)
      let lines = (0..<400).map { generator.portfolio(number: $0, seed: 17) }.joined(separator: "\n")
      let folder = try Scratch.directory()
      let jsonl = try write(lines, "cohort.jsonl", in: folder)
      let (applicants, achievements) = SpreadsheetExport.tables(portfolios(fromLines: lines), dateStyles: true)
      let files = [try write(applicants, "申报人.csv", in: folder), try write(achievements, "业绩.csv", in: folder)]
      let fromJSON = try BatchRunner(sheet: sheet, jobs: 2).run([jsonl])
      let rows = try SpreadsheetImport.read(files)
      let fromSheet = BatchRunner(sheet: sheet, jobs: 2).run(spreadsheet: rows, source: files[0])
      #expect(fromSheet.rejected.isEmpty, "\(sheetID): \(fromSheet.rejected.prefix(3).map(\.diagnostic))")
      #expect(fromSheet.scoredCount == fromJSON.scoredCount)
      for (a, b) in zip(fromJSON.rankedRows, fromSheet.rankedRows) {
        #expect(a.id == b.id && a.rank == b.rank && a.total == b.total && a.verdict == b.verdict, "\(sheetID) \(a.id)")
      }
    }
  }

  @Test func everyColumnIsReadAsPeopleWriteIt() throws {
    let folder = try Scratch.directory()
    let applicants = try write(
      """
      编号,姓名,身份证号,联系电话,工作单位,单位性质,地区,申报专业,身份,学历,学位,所学专业,专业对口,全日制,毕业时间,学历2,毕业时间2,参加工作时间,从事本专业工作时间,企业工作年限,注册执业资格,脱产进修月数,现职称,聘任时间,申报当年在聘,职业技能等级,取得技能等级时间,单位公示首日,荣誉,自评总分,推荐专家1,推荐专家职称1,继续教育2021专业科目,继续教育2021公需科目,年度考核2021,评委赋分（work-report）
      A1,张三,330402198805121234,13800000000,"某公司,嘉兴",企业,嘉兴,能源,中国公民,大专,,供用电技术,是,是,2008/7/1,本科,2014年1月10日,39630,2008-07-15,12,否,0,助理工程师,2015.12.1,是,技师,2016-01-01,44795,全国技术能手；浙江省技术能手,66.5,李四,正高级,60,30,合格,3
      """, "applicants.csv", in: folder)
    let achievements = try write(
      """
      编号,业绩编号,类型,级别,排名,数量,取得时间,状态,佐证,集体项目,主要贡献者,取得方式,名称,署名,字数,主要获奖者,材料问题,严重程度,评委赋分
      A1,R1,科研项目,省级,3,1,2019-11-20,已完成,是,否,是,原始取得,"分布式""光伏""研究",,,,,,
      A1,,论文,核心期刊,1,,2020/6/30,已发表,是,,,,论文一,独著,5000,,不规范,轻微,
      """, "achievements.csv", in: folder)
    let rows = try SpreadsheetImport.read([applicants, achievements])
    let portfolio = try #require(try rows.first?.portfolio.get())
    #expect(portfolio.employer.name == "某公司,嘉兴" && portfolio.employer.city == "jiaxing")
    #expect(portfolio.education.map(\.level) == ["junior-college", "bachelor"])
    #expect(portfolio.education.map(\.date) == [Day("2008-07-01")!, Day("2014-01-10")!])
    #expect(portfolio.workStart == Day("2008-07-01")!)  // Excel serial 39630
    #expect(portfolio.publicityDate == Day("2022-08-22")!)  // serial 44795
    #expect(
      portfolio.currentTitle
        == TitleRecord(title: "assistant-engineer", date: Day("2015-12-01")!, heldInReviewYear: true))
    #expect(portfolio.skill?.level == "technician" && portfolio.enterpriseYears == 12)
    #expect(portfolio.honours.map(\.code) == ["national-technical-expert", "zhejiang-technical-expert"])
    #expect(portfolio.claimed?.total == p("66.5") && portfolio.assessed["work-report"] == Points(3))
    #expect(portfolio.recommendations.map(\.level) == ["full-senior"])
    #expect(
      portfolio.continuingEducation.hours(in: 2021, kind: "professional") == Points(60)
        && portfolio.assessments[2021] == "competent")
    #expect(portfolio.records.map(\.id) == ["R1", "R2"])
    #expect(portfolio.records[0].title == #"分布式"光伏"研究"# && portfolio.records[0].level == "provincial")
    #expect(portfolio.records[1].authorship == "sole" && portfolio.records[1].material?.severity == "minor")
    #expect(portfolio.records[1].date == Day("2020-06-30")!)
  }

  @Test func aBadValueIsRefusedAtItsCellAndTheOtherRowsAreRead() throws {
    let folder = try Scratch.directory()
    let applicants = try write(
      """
      编号,姓名,工作单位,申报专业,学历,毕业时间,年度考核2021
      A1,张三,某公司,能源,本科,2010-07-01,称职
      A2,李四,某公司,能源,大本科,2010-07-01,称职
      A3,王五,某公司,能源,本科,2010-02-30,称职
      A4,赵六,某公司,能源,本科,2010-07-01,良好
      """, "applicants.csv", in: folder)
    let achievements = try write(
      """
      编号,类型,级别,取得时间
      A1,论文,一般期刊,2020-01-01
      A9,论文,一般期刊,2020-01-01
      A1,论文,一般期刊,
      """, "achievements.csv", in: folder)
    let rows = try SpreadsheetImport.read([applicants, achievements])
    #expect(rows.count == 5)  // four applicants and the achievement of an unknown one
    func failure(_ index: Int) -> Diagnostic? {
      if case .failure(let diagnostic) = rows[index].portfolio { return diagnostic }
      return nil
    }
    // A1's second achievement has no date: refused at that achievement's row.
    #expect(failure(0)?.code == .missingField && failure(0)?.file == achievements && failure(0)?.cell?.row == 4)
    #expect(failure(1)?.code == .valueOutsideVocabulary && failure(1)?.cell?.description == "E3")
    #expect(failure(1)?.message.text(.zh).contains("本科（bachelor）") == true)
    #expect(failure(2)?.code == .invalidDate && failure(2)?.cell?.description == "F4")
    #expect(failure(3)?.code == .valueOutsideVocabulary && failure(3)?.path.description == "assessments.2021")
    #expect(failure(4)?.file == achievements && failure(4)?.cell?.description == "A3")
    let results = BatchRunner(sheet: sheet, jobs: 1).run(spreadsheet: rows, source: applicants)
    #expect(results.readCount == 5 && results.rejected.count == 5)
  }

  @Test func anUnknownColumnOrAMissingApplicantsTableFailsTheWholeRunAtItsCell() throws {
    let folder = try Scratch.directory()
    // Each table refused as a whole, with the code and the header cell.
    func refusal(_ text: String, _ name: String) throws -> Diagnostic? {
      let file = try write(text, name, in: folder)
      do throws(Diagnostic) {
        _ = try SpreadsheetImport.read([file])
        return nil
      } catch {
        return error
      }
    }
    let misspelled = try refusal("编号,姓名,工做单位\nA1,张三,某公司\n", "applicants.csv")
    #expect(misspelled?.code == .unknownField && misspelled?.cell?.description == "C1")
    // The same field twice, in two languages or in one.
    for text in ["编号,姓名,Name\nA1,张三,张三\n", "编号,姓名,姓名\nA1,张三,张三\n"] {
      let repeated = try refusal(text, "repeated.csv")
      #expect(repeated?.code == .duplicateKey && repeated?.cell?.description == "C1", "\(text)")
    }
    let onlyAchievements = try write("编号,类型\nA1,论文\n", "achievements.csv", in: folder)
    #expect(throws: Diagnostic.self) { try SpreadsheetImport.read([onlyAchievements]) }
  }

  @Test func csvQuotingLineBreaksAndEmptyRowsAreReadAsExcelWritesThem() throws {
    let table = try SpreadsheetTable.csv(
      Array("\u{FEFF}a,b\r\n\"x,\"\"y\"\"\",\"two\nlines\"\r\n,\r\n3,4".utf8), file: "t.csv")
    #expect(table.headers == ["a", "b"])
    #expect(table.rows.map(\.cells) == [["x,\"y\"", "two\nlines"], ["3", "4"]])
    #expect(table.rows.map(\.number) == [2, 5])
    #expect(throws: Diagnostic.self) { try SpreadsheetTable.csv(Array("a\n\"open".utf8), file: "t.csv") }
    #expect(
      SpreadsheetTable.columnName(0) == "A" && SpreadsheetTable.columnName(25) == "Z"
        && SpreadsheetTable.columnName(26) == "AA")
  }

  @Test func datesAreReadInEveryStyleAndExcelSerialsRoundTrip() {
    for text in ["2021-07-01", "2021/7/1", "2021.07.01", "2021年7月1日", "44378"] {
      #expect(SpreadsheetValues.day(text) == Day("2021-07-01")!, "\(text)")
    }
    #expect(SpreadsheetValues.day("2021-02-30") == nil && SpreadsheetValues.day("七月") == nil)
    for text in ["1970-01-01", "2000-02-29", "2022-12-31"] {
      let day = Day(text)!
      #expect(SpreadsheetValues.day(String(SpreadsheetExport.excelSerial(day))) == day)
    }
  }
}

/// `examples/applicants.csv` and `examples/achievements.csv`: the example cohort of `examples/applicants.jsonl` as an
/// office would fill the layout. Run with `TITLESCORE_WRITE_EXAMPLES=1` to write them again after a layout change.
@Suite struct ExampleWorkbookTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
  private var examples: String { Bundled.examplesDirectory }

  @Test func theExampleWorkbookHoldsTheExampleCohortAndRanksAsItDoes() throws {
    let lines = try String(contentsOfFile: examples + "/applicants.jsonl", encoding: .utf8).split(separator: "\n")
    let valid = lines.compactMap { try? Portfolio.decode(json: Array($0.utf8)) }
    var (applicants, achievements) = SpreadsheetExport.tables(valid, dateStyles: true)
    // The cohort's record with an impossible date, as a clerk might type it.
    let columns = applicants.split(separator: "\r\n")[0].split(separator: ",").count
    var bad = [String](repeating: "\"\"", count: columns)
    bad[0] = "\"JX2022-BAD1\""
    bad[1] = "\"坏记录\""
    bad[4] = "\"某公司\""
    bad[7] = "\"能源\""
    let workStart = SpreadsheetLayout.applicantColumns.firstIndex { $0.path == [.key("workStart")] }!
    bad[workStart] = "\"2012-02-30\""
    applicants += bad.joined(separator: ",") + "\r\n"
    let files = [examples + "/applicants.csv", examples + "/achievements.csv"]
    if ProcessInfo.processInfo.environment["TITLESCORE_WRITE_EXAMPLES"] == "1" {
      try applicants.write(toFile: files[0], atomically: true, encoding: .utf8)
      try achievements.write(toFile: files[1], atomically: true, encoding: .utf8)
    }
    // Compared as bytes: reading a text drops its byte-order mark.
    #expect(try Data(contentsOf: URL(fileURLWithPath: files[0])) == Data(applicants.utf8))
    #expect(try Data(contentsOf: URL(fileURLWithPath: files[1])) == Data(achievements.utf8))
    let rows = try SpreadsheetImport.read(files)
    let fromSheet = BatchRunner(sheet: sheet, jobs: 2).run(spreadsheet: rows, source: files[0])
    let fromJSON = try BatchRunner(sheet: sheet, jobs: 2).run([examples + "/applicants.jsonl"])
    #expect(fromSheet.scoredCount == fromJSON.scoredCount)
    #expect(fromSheet.rankedRows.map(\.id) == fromJSON.rankedRows.map(\.id))
    #expect(fromSheet.rankedRows.map(\.total) == fromJSON.rankedRows.map(\.total))
    #expect(fromSheet.rejected.map(\.diagnostic.code) == [.invalidDate])
    #expect(fromSheet.rejected.first?.diagnostic.cell?.row == valid.count + 2)
  }

  /// `examples/applicants.xlsx`: the same cohort as a workbook (dates as date cells, typed text and serials in
  /// turn), compared by its cells, not its bytes (another zlib packs the same cells differently).
  @Test func theExampleXLSXHoldsTheExampleCohortAndRanksAsTheJSONLinesDo() throws {
    let lines = try String(contentsOfFile: examples + "/applicants.jsonl", encoding: .utf8).split(separator: "\n")
    let valid = lines.compactMap { try? Portfolio.decode(json: Array($0.utf8)) }
    let columns = SpreadsheetExport.rows(valid).applicants[0].count
    var bad = [SpreadsheetExport.Value](repeating: .text(""), count: columns)
    bad[0] = .text("JX2022-BAD1")
    bad[1] = .text("坏记录")
    bad[4] = .text("某公司")
    bad[7] = .text("能源")
    bad[SpreadsheetLayout.applicantColumns.firstIndex { $0.path == [.key("workStart")] }!] = .text("2012-02-30")
    let written = SpreadsheetWorkbook.filled(valid, dateStyles: true, extraRows: [bad])
    let file = examples + "/applicants.xlsx"
    if ProcessInfo.processInfo.environment["TITLESCORE_WRITE_EXAMPLES"] == "1" {
      try Data(written).write(to: URL(fileURLWithPath: file))
    }
    let committed = try XLSXReader.sheets([UInt8](Data(contentsOf: URL(fileURLWithPath: file))))
    let fresh = try XLSXReader.sheets(written)
    #expect(committed.map(\.name) == ["申报人", "业绩"])
    #expect(committed.map { $0.rows.map(\.cells) } == fresh.map { $0.rows.map(\.cells) })
    let rows = try SpreadsheetImport.read([file])
    let fromSheet = BatchRunner(sheet: sheet, jobs: 2).run(spreadsheet: rows, source: file)
    let fromJSON = try BatchRunner(sheet: sheet, jobs: 2).run([examples + "/applicants.jsonl"])
    #expect(fromSheet.scoredCount == fromJSON.scoredCount)
    #expect(fromSheet.rankedRows.map(\.id) == fromJSON.rankedRows.map(\.id))
    #expect(fromSheet.rankedRows.map(\.total) == fromJSON.rankedRows.map(\.total))
    #expect(fromSheet.rejected.map(\.diagnostic.code) == [.invalidDate])
    #expect(
      fromSheet.rejected.first?.diagnostic.cell == CellReference(sheet: "申报人", row: valid.count + 2, column: "AB"))
  }
}
