import Foundation
import Testing

@testable import TitleScore

/// The ZIP container, the XML reader and the XLSX workbooks built on them.
@Suite struct ZipAndXMLTests {
  @Test func filesWrittenIntoAnArchiveReadBackByName() throws {
    var writer = ZipWriter()
    let large = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 * 7 / 3) }
    writer.add("empty.txt", [])
    writer.add("xl/中文.xml", Array("<a>申报人</a>".utf8))
    writer.add("large.bin", large)
    let archive = try ZipArchive(writer.finished())
    #expect(try archive.file("empty.txt") == [])
    #expect(try archive.file("xl/中文.xml") == Array("<a>申报人</a>".utf8))
    #expect(try archive.file("large.bin") == large)
    #expect(try archive.file("missing.xml") == nil)
  }

  @Test func aDamagedArchiveIsRefusedWithItsReason() throws {
    var writer = ZipWriter()
    writer.add("a.xml", Array(String(repeating: "<row>text</row>", count: 400).utf8))
    let bytes = writer.finished()
    #expect(throws: ZipArchive.Failure.notAnArchive) { try ZipArchive(Array("not a zip at all".utf8)) }
    #expect(throws: ZipArchive.Failure.notAnArchive) { try ZipArchive(Array(bytes.prefix(bytes.count - 30))) }
    // A byte of the packed stream changed: the stream or its checksum gives it away.
    var flipped = bytes
    flipped[40] ^= 0x55
    #expect(throws: ZipArchive.Failure.self) { try ZipArchive(flipped).file("a.xml") }
    // The entry's declared size made larger than what the stream gives.
    var lying = bytes
    let directory = Int(ZipArchive.u32(bytes, bytes.count - 6))
    lying[directory + 24] &+= 1
    #expect(throws: ZipArchive.Failure.corrupt(entry: "a.xml")) { try ZipArchive(lying).file("a.xml") }
    // The encryption bit, and an unknown method, in the central directory.
    var encrypted = bytes
    encrypted[directory + 8] |= 1
    #expect(throws: ZipArchive.Failure.encrypted(entry: "a.xml")) { try ZipArchive(encrypted).file("a.xml") }
    var method = bytes
    method[directory + 10] = 12
    #expect(throws: ZipArchive.Failure.method(12, entry: "a.xml")) { try ZipArchive(method).file("a.xml") }
  }

  private struct Recorder: XMLScanner.Handler {
    var events: [String] = []
    mutating func start(_ name: String, _ attributes: [(name: String, value: String)]) {
      events.append("<" + name + attributes.map { " \($0.name)=\($0.value)" }.joined() + ">")
    }
    mutating func end(_ name: String) { events.append("</\(name)>") }
    mutating func text(_ text: String) { events.append(text) }
  }

  private func scan(_ text: String) throws(XMLScanner.Failure) -> [String] {
    var recorder = Recorder()
    try XMLScanner.scan(Array(text.utf8), into: &recorder)
    return recorder.events
  }

  @Test func theXMLReaderDecodesEntitiesCDATAAndDropsPrefixes() throws {
    let events = try scan(
      """
      <?xml version="1.0"?><!-- a comment --><x:sst x:count='2'><x:si><x:t>A &amp; B &lt;&#x4E2D;&#25991;&gt;</x:t></x:si>\
      <si><t><![CDATA[<raw> & ]]></t><empty/></si></x:sst>
      """)
    #expect(
      events == [
        "<sst count=2>", "<si>", "<t>", "A & B <中文>", "</t>", "</si>", "<si>", "<t>", "<raw> & ", "</t>", "<empty>",
        "</empty>", "</si>", "</sst>",
      ])
  }

  @Test func theXMLReaderRefusesWhatIsNotWellFormed() {
    for text in [
      "<a><b></a></b>", "<a>", "<a></a><b></b>", "<!DOCTYPE a [<!ENTITY x \"y\">]><a>&x;</a>", "<a>&unknown;</a>",
      "<a b=\"1></a>", "text<a/>", "<a>&#0;</a>", "",
      String(repeating: "<a>", count: 300) + String(repeating: "</a>", count: 300),
    ] {
      #expect(throws: XMLScanner.Failure.self, "\(text)") { _ = try scan(text) }
    }
  }

  @Test func customNumberFormatsAreDatesOnlyWithAYearOrADay() {
    #expect(XLSXReader.position("D12")! == (3, 12))
    #expect(XLSXReader.position("$AB$50")! == (27, 50))
    #expect(XLSXReader.position("A0") == nil && XLSXReader.position("12") == nil && XLSXReader.position("D") == nil)
    #expect(OOXMLText.unescaped("a_x000D_b_x005F_x0041_") == "a\rb_x0041_")
    #expect(XLSXWriter.escaped("a\rb_x0041_&") == "a_x000D_b_x005F_x0041_&amp;")
  }
}

/// A workbook part by part, as other programs write them: the 1904 date system, a custom date format, rich text with
/// a phonetic guide, inline strings, booleans, formulas' saved results, cells without references.
@Suite struct XLSXReaderTests {
  private func workbook(sheet: String, strings: String, date1904: Bool) -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    var zip = ZipWriter()
    zip.add(
      "_rels/.rels",
      Array(
        ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"r1\" Type=\"\(relationships)/officeDocument\" Target=\"/xl/book.xml\"/></Relationships>")
          .utf8))
    zip.add(
      "xl/book.xml",
      Array(
        ("<x:workbook xmlns:x=\"\(main)\" xmlns:r=\"\(relationships)\"><x:workbookPr date1904=\"\(date1904 ? 1 : 0)\"/>"
          + "<x:sheets><x:sheet name=\"人员\" sheetId=\"1\" r:id=\"s1\"/></x:sheets></x:workbook>").utf8))
    zip.add(
      "xl/_rels/book.xml.rels",
      Array(
        ("<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
          + "<Relationship Id=\"s1\" Type=\"\(relationships)/worksheet\" Target=\"sheets/../worksheets/one.xml\"/>"
          + "<Relationship Id=\"s2\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
          + "<Relationship Id=\"s3\" Type=\"\(relationships)/sharedStrings\" Target=\"strings.xml\"/>"
          + "</Relationships>").utf8))
    zip.add(
      "xl/styles.xml",
      Array(
        ("<styleSheet xmlns=\"\(main)\"><numFmts><numFmt numFmtId=\"170\" formatCode=\"yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;\"/>"
          + "<numFmt numFmtId=\"171\" formatCode=\"General\"/><numFmt numFmtId=\"172\" formatCode=\"0.00E+00\"/></numFmts>"
          + "<cellStyleXfs><xf numFmtId=\"14\"/></cellStyleXfs>"
          + "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"170\"/><xf numFmtId=\"171\"/><xf numFmtId=\"14\"/><xf numFmtId=\"172\"/></cellXfs></styleSheet>")
          .utf8))
    zip.add("xl/strings.xml", Array(strings.utf8))
    zip.add("xl/worksheets/one.xml", Array(sheet.utf8))
    return zip.finished()
  }

  @Test func cellsReadAsTheProgramThatWroteThemShowsThem() throws {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let strings =
      "<sst xmlns=\"\(main)\"><si><t>编号</t></si><si><r><t>张</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">三 </t></r>"
      + "<rPh><t>ZHANG</t></rPh></si></sst>"
    let sheet =
      "<worksheet xmlns=\"\(main)\"><sheetData><row><c t=\"s\"><v>0</v></c><c t=\"s\"><v>1</v></c></row>"
      + "<row r=\"3\"><c r=\"A3\" s=\"1\"><v>44378</v></c><c s=\"2\"><v>44378</v></c><c s=\"3\"><v>44378.75</v></c>"
      + "<c s=\"4\"><v>44378</v></c><c t=\"b\"><v>1</v></c><c t=\"inlineStr\"><is><t>行_x000A_内</t></is></c>"
      + "<c t=\"str\"><f>A1&amp;B1</f><v>编号张三</v></c><c t=\"e\"><v>#N/A</v></c><c r=\"K3\"/></row></sheetData></worksheet>"
    let sheets = try XLSXReader.sheets(workbook(sheet: sheet, strings: strings, date1904: false))
    #expect(sheets.map(\.name) == ["人员"])
    let rows = try #require(sheets.first).rows
    #expect(rows.map(\.number) == [1, 3])
    #expect(rows[0].cells == [XLSXReader.Cell(text: "编号", kind: .text), XLSXReader.Cell(text: "张三 ", kind: .text)])
    #expect(
      rows[1].cells == [
        XLSXReader.Cell(text: "2021-07-01", kind: .date), XLSXReader.Cell(text: "44378", kind: .number),
        XLSXReader.Cell(text: "2021-07-01", kind: .date), XLSXReader.Cell(text: "44378", kind: .number),
        XLSXReader.Cell(text: "1", kind: .boolean), XLSXReader.Cell(text: "行\n内", kind: .text),
        XLSXReader.Cell(text: "编号张三", kind: .text), XLSXReader.Cell(text: "#N/A", kind: .error),
      ])
    // The same serial in a workbook of the 1904 date system is four years and a day later.
    let later = try XLSXReader.sheets(workbook(sheet: sheet, strings: strings, date1904: true))
    #expect(later[0].rows[1].cells[0] == XLSXReader.Cell(text: "2025-07-02", kind: .date))
  }
}

/// Workbooks read as offices' machines save them, and written as they open them.
@Suite struct WorkbookTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
  private var examples: String { Bundled.examplesDirectory }

  @Test func aWorkbookSavedByLibreOfficeRanksAsTheSameCohortInJSONLines() throws {
    let file = Fixture.path("workbooks/cohort-libreoffice.xlsx")
    let rows = try SpreadsheetImport.read([file])
    let fromSheet = BatchRunner(sheet: sheet, jobs: 2).run(spreadsheet: rows, source: file)
    let fromJSON = try BatchRunner(sheet: sheet, jobs: 2).run([examples + "/applicants.jsonl"])
    #expect(fromSheet.scoredCount == 48 && fromSheet.scoredCount == fromJSON.scoredCount)
    #expect(fromSheet.rankedRows.map(\.id) == fromJSON.rankedRows.map(\.id))
    #expect(fromSheet.rankedRows.map(\.total) == fromJSON.rankedRows.map(\.total))
    #expect(fromSheet.rankedRows.map(\.verdict) == fromJSON.rankedRows.map(\.verdict))
    #expect(fromSheet.rejected.map(\.diagnostic.code) == [.invalidDate])
    #expect(fromSheet.rejected.first?.diagnostic.cell == CellReference(sheet: "申报人", row: 50, column: "AB"))
  }

  /// `layout-libreoffice.xlsx` (see `make-fixtures.py`): dates as date cells, typed text and serial numbers,
  /// each applicant's 编号 merged down their achievements, an empty row, and a value no list has.
  @Test func datesSerialsMergedCellsAndEmptyRowsReadAsTheCSVGivesThem() throws {
    let file = Fixture.path("workbooks/layout-libreoffice.xlsx")
    let rows = try SpreadsheetImport.read([file])
    let csv = try SpreadsheetImport.read([examples + "/applicants.csv", examples + "/achievements.csv"])
    #expect(rows.count == 4)
    for row in rows.prefix(3) {
      let fromWorkbook = try row.portfolio.get()
      let fromCSV = try #require(try csv.first { $0.applicantID == row.applicantID }?.portfolio.get())
      #expect(fromWorkbook.records.count == fromCSV.records.count, "\(fromWorkbook.id)")
      #expect(
        Evaluator(sheet: sheet).evaluate(fromWorkbook).total == Evaluator(sheet: sheet).evaluate(fromCSV).total)
      #expect(fromWorkbook.education.map(\.date) == fromCSV.education.map(\.date))
      #expect(fromWorkbook.currentTitle?.date == fromCSV.currentTitle?.date)
      #expect(fromWorkbook.records.map(\.date) == fromCSV.records.map(\.date))
    }
    // The empty row 4 is counted, as the office sees it: the fourth applicant is on row 6.
    #expect(rows.map(\.row) == [2, 3, 5, 6])
    guard case .failure(let problem) = rows[3].portfolio else {
      Issue.record("a 学历 of 大本科 was read")
      return
    }
    #expect(problem.code == .valueOutsideVocabulary)
    #expect(problem.cell == CellReference(sheet: "申报人", row: 6, column: "J"))
    #expect(problem.description.contains("layout-libreoffice.xlsx:申报人!J6"))
  }

  @Test func aWorkbookWithoutAnAchievementsSheetScoresItsApplicantsWithoutRecords() throws {
    let lines = try String(contentsOfFile: examples + "/applicants.jsonl", encoding: .utf8).split(separator: "\n")
    let portfolios = lines.prefix(5).compactMap { try? Portfolio.decode(json: Array($0.utf8)) }
    var writer = XLSXWriter()
    let applicants = writer.add(XLSXWriter.Sheet(name: "申报人"))
    for row in SpreadsheetExport.rows(portfolios).applicants {
      writer.append(
        row.map { value -> XLSXWriter.Cell in
          switch value {
          case .text(let text): return text.isEmpty ? .empty : .text(text)
          case .number(let number): return .number(number)
          case .day(let day): return .date(SpreadsheetExport.excelSerial(day))
          }
        }, to: applicants)
    }
    let file = try Scratch.directory().appendingPathComponent("only-applicants.xlsx").path
    _ = FileManager.default.createFile(atPath: file, contents: Data(writer.finished()))
    let rows = try SpreadsheetImport.read([file])
    #expect(rows.count == 5)
    for (row, portfolio) in zip(rows, portfolios) {
      let read = try row.portfolio.get()
      #expect(read.id == portfolio.id && read.records.isEmpty && read.education == portfolio.education)
    }
  }

  @Test func aFileThatIsNotAWorkbookIsRefusedWithTheReasonAndTheFile() throws {
    let folder = try Scratch.directory()
    let cases: [(String, [UInt8])] = [
      ("old.xls", [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 600)),
      ("text.xlsx", Array("编号,姓名\nA1,张三\n".utf8)),
      ("empty.xlsx", []),
      ("cut.xlsx", Array(try Data(contentsOf: URL(fileURLWithPath: examples + "/applicants.xlsx")).prefix(5000))),
    ]
    for (name, bytes) in cases {
      let file = folder.appendingPathComponent(name).path
      _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
      do {
        _ = try SpreadsheetImport.read([file])
        Issue.record("\(name) was read")
      } catch {
        #expect(error.code == .workbookUnreadable, "\(name): \(error)")
        #expect(error.file == file)
      }
    }
    // A workbook without its sheets' relationships: the part it misses is named.
    var writer = ZipWriter()
    writer.add(
      "xl/workbook.xml", Array("<workbook><sheets><sheet name=\"申报人\" r:id=\"rId1\"/></sheets></workbook>".utf8))
    let partial = folder.appendingPathComponent("partial.xlsx").path
    _ = FileManager.default.createFile(atPath: partial, contents: Data(writer.finished()))
    #expect(throws: Diagnostic.self) { try SpreadsheetImport.read([partial]) }
  }

  @Test func aGeneratedCohortScoresTheSameFromAWorkbookAsFromJSONLines() throws {
    for sheetID in [
      "jiaxing-2022-energy-engineer-self-score", "shaoxing-2022-eco-environment-senior-engineer-self-score",
      "linping-2022-manufacturing-engineer-exceptional",
    ] {
      let sheet = Bundled.sheet(sheetID)
      let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: 0)
      let lines = (0..<400).map { generator.portfolio(number: $0, seed: 23) }
      let folder = try Scratch.directory()
      let jsonl = folder.appendingPathComponent("cohort.jsonl").path
      try lines.joined(separator: "\n").write(toFile: jsonl, atomically: true, encoding: .utf8)
      let workbook = folder.appendingPathComponent("申报人.xlsx").path
      let portfolios = lines.compactMap { try? Portfolio.decode(json: Array($0.utf8)) }
      _ = FileManager.default.createFile(
        atPath: workbook, contents: Data(SpreadsheetWorkbook.filled(portfolios, dateStyles: true)))
      let fromJSON = try BatchRunner(sheet: sheet, jobs: 2).run([jsonl])
      let fromSheet = BatchRunner(sheet: sheet, jobs: 2).run(
        spreadsheet: try SpreadsheetImport.read([workbook]), source: workbook)
      #expect(fromSheet.rejected.isEmpty, "\(sheetID): \(fromSheet.rejected.prefix(3).map(\.diagnostic))")
      #expect(fromSheet.scoredCount == fromJSON.scoredCount)
      for (a, b) in zip(fromJSON.rankedRows, fromSheet.rankedRows) {
        #expect(a.id == b.id && a.rank == b.rank && a.total == b.total && a.verdict == b.verdict, "\(sheetID) \(a.id)")
      }
    }
  }

  /// The `--format xlsx` report read back: the list with numbers as numbers (a range in 最低 and 最高), the same
  /// cells as the CSV, and the summary, reasons and rejected records on sheets of their own.
  @Test func theXLSXReportReadsBackWithNumbersAsNumbers() throws {
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([examples + "/applicants.jsonl"])
    let options = ReportOptions(language: .zh)
    let workbook = ReportSink()
    BatchReport.write(results, format: .xlsx, options: options, to: workbook)
    let csv = ReportSink()
    BatchReport.write(results, format: .csv, options: options, to: csv)
    let sheets = try XLSXReader.sheets(workbook.bytes)
    #expect(sheets.map(\.name) == ["名单", "汇总", "扣分原因", "被拒记录"])
    let list = try SpreadsheetTable.csv(csv.bytes, file: "report.csv")
    let header = sheets[0].rows[0].cells.map { $0?.text ?? "" }
    #expect(header == list.headers)
    let numeric = Set(
      ReportTable(results: results, options: options).numericColumns.enumerated()
        .filter { $0.element.kind == .number }.map(\.offset))
    #expect(sheets[0].rows.count == 49)
    for (row, csvRow) in zip(sheets[0].rows.dropFirst(), list.rows) {
      for (column, text) in csvRow.cells.enumerated() {
        let cell = column < row.cells.count ? row.cells[column] : nil
        #expect((cell?.text ?? "") == text, "row \(row.number) column \(column)")
        if numeric.contains(column) && !text.isEmpty { #expect(cell?.kind == .number, "row \(row.number) \(column)") }
        if !numeric.contains(column) && !text.isEmpty { #expect(cell?.kind == .text) }
      }
    }
    let minimum = try #require(header.firstIndex(of: "总分最低"))
    let maximum = try #require(header.firstIndex(of: "总分最高"))
    #expect(sheets[0].rows.contains { $0.cells[minimum]?.text == "57.5" && $0.cells[maximum]?.text == "61.5" })
    #expect(sheets[3].rows.count == 3)
    #expect(sheets[3].rows.contains { $0.cells.contains { $0?.text == "invalid-date" } })
    // The list's header stays in view, filters, and prints on every A4 landscape page.
    let part = String(
      decoding: try #require(try ZipArchive(workbook.bytes).file("xl/worksheets/sheet1.xml")), as: UTF8.self)
    #expect(part.contains("state=\"frozen\"") && part.contains("<autoFilter ref=\"A1:"))
    #expect(part.contains("paperSize=\"9\" orientation=\"landscape\""))
    let book = String(decoding: try #require(try ZipArchive(workbook.bytes).file("xl/workbook.xml")), as: UTF8.self)
    #expect(book.contains("_xlnm.Print_Titles") && book.contains("_xlnm._FilterDatabase"))
  }

  @Test func thePublicPostingAsAWorkbookListsOnlyItsRowsWithItsPeriod() throws {
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([examples + "/applicants.jsonl"])
    var options = ReportOptions(language: .zh, publicPosting: true)
    options.postingNotice = PostingNotice(
      from: Day("2022-12-05")!, workingDays: 5, calendar: WorkingCalendar(), contact: "0573-12345678")
    let workbook = ReportSink()
    BatchReport.write(results, format: .xlsx, options: options, to: workbook)
    let sheets = try XLSXReader.sheets(workbook.bytes)
    #expect(sheets.map(\.name) == ["公示名单", "汇总"])
    #expect(sheets[0].rows.count == 1 + ReportTable(results: results, options: options).rowCount)
    #expect(sheets[0].rows.allSatisfy { !$0.cells.contains { $0?.text.contains("330402") == true } })
    #expect(sheets[1].rows.contains { $0.cells.contains { $0?.text.contains("0573-12345678") == true } })
  }

  @Test func theTemplateHasBothTablesDropDownsInstructionsAndAnExampleRowThatScores() throws {
    let bytes = SpreadsheetWorkbook.template(for: sheet)
    let sheets = try XLSXReader.sheets(bytes)
    #expect(sheets.map(\.name) == ["申报人", "业绩", "填表说明", "选项"])
    #expect(sheets.map(\.hidden) == [false, false, false, true])
    let applicantHeader = sheets[0].rows[0].cells.map { $0?.text ?? "" }
    for header in ["编号", "姓名", "身份证号", "工作单位", "学历", "毕业时间", "现职称", "聘任时间"] {
      #expect(applicantHeader.contains(header), "\(header)")
    }
    #expect(applicantHeader.contains { $0.hasPrefix("继续教育20") } && applicantHeader.contains { $0.hasPrefix("年度考核20") })
    #expect(sheets[0].rows.count == 2)
    // Every closed-list column has its drop-down; the list of 学历 holds the sheet's levels by their Chinese names.
    let part = String(decoding: try #require(try ZipArchive(bytes).file("xl/worksheets/sheet1.xml")), as: UTF8.self)
    let dropDowns = part.components(separatedBy: "<dataValidation type=\"list\"").count - 1
    #expect(dropDowns >= 15)
    let lists = sheets[3].rows.map { $0.cells.map { $0?.text ?? "" } }
    let education = try #require(lists[0].firstIndex(of: "学历"))
    #expect(lists.dropFirst().map { $0.count > education ? $0[education] : "" }.contains("本科"))
    #expect(sheets[2].rows.count > 20)
    // The example row, read back, is the worked example it was filled from.
    let folder = try Scratch.directory()
    let file = folder.appendingPathComponent("template.xlsx").path
    _ = FileManager.default.createFile(atPath: file, contents: Data(bytes))
    let rows = try SpreadsheetImport.read([file])
    #expect(rows.count == 1)
    let example = try #require(sheet.examples.first { $0.expectedVerdict == .pass })
    let scored = Evaluator(sheet: sheet).evaluate(try rows[0].portfolio.get())
    #expect(scored.total.min == example.expectedTotal)
    #expect(scored.verdict.kind == .pass)
  }
}
