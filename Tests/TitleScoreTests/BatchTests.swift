import Foundation
import Testing

@testable import TitleScore

@Suite struct BatchTests {
  let sheet = Fixture.sheet("every-rule-kind.json")

  /// Runs the fixture sheet, whose codes are its own: values are taken as written.
  private func run(_ inputs: [String], jobs: Int = 2) throws -> BatchResults {
    try BatchRunner(sheet: sheet, jobs: jobs, glossary: .empty).run(inputs)
  }

  private func report(
    _ results: BatchResults, _ format: ReportFormat, publicPosting: Bool = false, jobs: Int = 1,
    language: Language = .en
  ) -> String {
    let sink = ReportSink()
    BatchReport.write(
      results, format: format, options: ReportOptions(language: language, publicPosting: publicPosting, jobs: jobs),
      to: sink)
    return sink.text
  }

  @Test func mainReasonsPutFailedGatesFirstThenPointsLostThenTheCode() {
    func lost(_ code: ReasonCode, _ points: Int) -> Deduction {
      Deduction(code, lost: PointsInterval(exactly: Points(points)))
    }
    let deductions = [
      lost(.outsideWindow, 2), lost(.capReached, 5), Deduction(.gateFailed), lost(.noEvidence, 1), lost(.noEvidence, 1),
      lost(.missingField, 1),
    ]
    #expect(ReasonPacking.unpack(BatchScorer.packedMainReasons(deductions)) == [.gateFailed, .capReached, .noEvidence])
    // Equal points lost: the code's name decides, so the order never depends on the order deductions were found.
    let tied = [lost(.outsideWindow, 2), lost(.noEvidence, 2)]
    #expect(ReasonPacking.unpack(BatchScorer.packedMainReasons(tied)) == [.noEvidence, .outsideWindow])
    #expect(BatchScorer.packedMainReasons([]) == 0)
  }

  @Test func accountsForEveryRecordOfJSONLines() throws {
    let results = try run([Fixture.path("batch-ties.jsonl")])
    #expect(results.readCount == 5)
    #expect(results.scoredCount == 3)
    #expect(results.rejected.map(\.line) == [5, 6])
    #expect(results.rejected.map(\.diagnostic.code) == [.jsonSyntax, .invalidDate])
    #expect(results.rejected.first?.applicantID == "D")
    #expect(results.rejected.last?.diagnostic.path.description == "workStart")
  }

  @Test func aBatchDecodesEscapesAndChecksTextsItDoesNotKeep() throws {
    let plain =
      #"{"id": "P", "name": "甲", "employer": {"name": "甲公司"}, "specialty": "energy", "workStart": "2010-07-01", "#
      + #""records": [{"id": "R", "type": "paper", "date": "2020-01-01", "title": "论文"}]}"#
    let escaped = plain.replacingOccurrences(of: #""id": "P""#, with: #""id": "E""#)
      .replacingOccurrences(of: #""type": "paper""#, with: #""type": "paper""#)
      .replacingOccurrences(of: #""employer""#, with: #""employer""#)
    var bytes = Array((plain + "\n" + escaped + "\n").utf8)
    // A third record whose title (a text a batch does not keep) is cut off in the middle of a character.
    var broken = Array(plain.replacingOccurrences(of: #""id": "P""#, with: #""id": "X""#).utf8)
    let title = broken.indices.first { broken[$0...].starts(with: Array("论文".utf8)) }!
    broken.remove(at: title + 2)
    bytes += broken + [0x0A]
    let file = Scratch.file("jsonl")
    try Data(bytes).write(to: file)
    let results = try run([file.path], jobs: 1)
    #expect(results.scoredCount == 2)
    #expect(results.total(0) == results.total(1))
    #expect(results.rejected.map(\.line) == [3])
    #expect(results.rejected.first?.diagnostic.code == .jsonSyntax)
    #expect(results.rejected.first?.diagnostic.path.description == "records[0].title")
  }

  @Test func equalKeysShareARankAndIDsOrderThem() throws {
    let results = try run([Fixture.path("batch-ties.jsonl")])
    let rows = Array(results.rankedRows)
    // All total 9 (B: seniority 5 + review 4; A and C: 5 + review 2 + paper 2); the tie-breaker (the work
    // category, where only A and C have a paper) ranks A and C first, and they share rank 1.
    #expect(rows.map(\.id) == ["A", "C", "B"])
    #expect(rows.map(\.rank) == [1, 1, 3])
  }

  @Test func reasonPackingIndexFollowsAllCases() {
    for (position, code) in ReasonCode.allCases.enumerated() { #expect(ReasonPacking.index(of: code) == position) }
  }

  /// How the ids of a ranking test run in reading order.
  enum IDOrder: CaseIterable, Sendable {
    /// Random, with repeats.
    case shuffled
    /// Never decreasing, with repeats: ties are ordered by row without reading ids.
    case ascending
    /// Ascending but for one pair where two parts of the ranking meet.
    case ascendingButOnePair
  }

  @Test(arguments: [1, 2, 3], IDOrder.allCases)
  func rankingMatchesAPlainComparisonOfEveryKeyWhateverTheParts(parts: Int, idOrder: IDOrder) {
    // Five tie-breakers (three packed into the sort key, two read from the columns), negative values, and few
    // distinct values so that most keys tie; sorted whole, or in parts that are merged.
    var sheet = self.sheet
    sheet.tieBreakers = (0..<5).map { _ in .fact("facts.x") }
    var results = BatchResults(sheet: sheet)
    var random = SplitMix64(seed: 42)
    let applicants = 2_000
    for row in 0..<applicants {
      let id: String
      switch idOrder {
      case .shuffled: id = "A\(random.next() % 500)-\(row % 7)"
      case .ascending: id = "A\(10_000 + row / 3)"
      case .ascendingButOnePair: id = row == applicants / 2 ? "A0" : "A\(10_000 + row / 3)"
      }
      results.rows.append(.filed(id: id, verdict: UInt8(random.next() % UInt64(Verdict.Kind.byIndex.count))))
      for _ in 0..<results.stride { results.numbers.append(Int32(Int(random.next() % 5) - 2) * 10_000) }
    }
    if idOrder == .ascendingButOnePair {
      // The row with the out-of-order id ties with the first row on every key: its id puts it first.
      let row = applicants / 2
      results.rows[row].verdict = results.rows[0].verdict
      for offset in 0..<results.stride { results.numbers[row * results.stride + offset] = results.numbers[offset] }
    }
    Ranking.rank(&results, parts: parts)
    func keys(_ row: Int) -> [Int] {
      [Verdict.Kind.byIndex[Int(results.rows[row].verdict)].order]
        + (0..<(2 + sheet.tieBreakers.count)).map { position in
          let offset = position < 2 ? position : 2 + 2 * sheet.categories.count + position - 2
          return -Int(results.numbers[row * results.stride + offset])
        }
    }
    let expected = (0..<applicants).sorted { a, b in
      if keys(a) != keys(b) { return keys(a).lexicographicallyPrecedes(keys(b)) }
      if results.rows[a].id != results.rows[b].id { return results.rows[a].id < results.rows[b].id }
      return a < b
    }
    #expect(results.order.map(Int.init) == expected)
    for position in 1..<applicants {
      let (previous, current) = (expected[position - 1], expected[position])
      let shared = keys(previous) == keys(current)
      #expect((results.ranks[current] == results.ranks[previous]) == shared)
      if !shared { #expect(results.ranks[current] == Int32(position + 1)) }
    }
  }

  @Test func readsArraysFoldersAndSeveralInputs() throws {
    let array = try run([Fixture.path("batch-array.json")])
    #expect(array.scoredCount == 2)
    #expect(Array(array.rankedRows).map(\.line) == [2, 3])
    let folder = try run([Fixture.path("batch-folder")])
    #expect(folder.scoredCount == 1)
    #expect(folder.rejected.first?.diagnostic.code == .unknownField)
    #expect(folder.rejected.first?.file.hasSuffix("two.json") == true)
    let both = try run([Fixture.path("batch-array.json"), Fixture.path("batch-folder")])
    #expect(both.readCount == 4)
  }

  @Test func aTextInMemoryIsReadAsTheFileOfIt() throws {
    // JSON Lines with a bad line, a JSON array, and nothing: the same report as from the file, named as given.
    for name in ["batch-ties.jsonl", "batch-array.json"] {
      let path = Fixture.path(name)
      let text = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
      let fromFile = try run([path], jobs: 2).relabelled(from: (path as NSString).deletingLastPathComponent)
      let fromMemory = BatchRunner(sheet: sheet, jobs: 2, glossary: .empty).run(text: text, name: name)
      #expect(fromMemory.files == [name])
      #expect(report(fromMemory, .csv) == report(fromFile, .csv))
      #expect(report(fromMemory, .json) == report(fromFile, .json))
    }
    let empty = BatchRunner(sheet: sheet, jobs: 2, glossary: .empty).run(text: [], name: "empty.jsonl")
    #expect(empty.readCount == 0 && empty.files == ["empty.jsonl"])
  }

  @Test func malformedArrayRejectsTheRestOfTheFile() throws {
    let directory = try Scratch.directory()
    let file = directory.appendingPathComponent("broken.json")
    try Data(#"[{"id": "A", "name": "a", "employer": {"name": "x"}, "specialty": "energy"}, {"id": "B", "#.utf8).write(
      to: file)
    let results = try run([file.path])
    #expect(results.scoredCount == 1)
    #expect(results.rejected.map(\.diagnostic.code) == [.jsonSyntax])
  }

  @Test func readsStandardInput() throws {
    let pipe = Pipe()
    let text = try String(contentsOfFile: Fixture.path("batch-ties.jsonl"), encoding: .utf8)
    pipe.fileHandleForWriting.write(Data(text.utf8))
    try pipe.fileHandleForWriting.close()
    let results = try BatchRunner(sheet: sheet, jobs: 2, glossary: .empty).run(
      ["-"], standardInput: pipe.fileHandleForReading)
    #expect(results.readCount == 5 && results.scoredCount == 3)
    #expect(results.rejected.allSatisfy { $0.file == "<stdin>" })
  }

  /// Every record a reader delivers, as its line and text, in order.
  private func records(_ reader: RecordReader, _ inputs: [String]) throws -> [String] {
    var found: [String] = []
    try reader.read(inputs) { chunk in
      chunk.bytes.withUnsafeBufferPointer { bytes in
        for span in chunk.spans {
          found.append(
            "\(span.line): "
              + String(decoding: UnsafeBufferPointer(rebasing: bytes[span.start..<span.end]), as: UTF8.self))
        }
      }
      chunk.bytes.release()
    }
    return found
  }

  @Test func aMappedFileCutIntoChunksYieldsTheRecordsAndLinesOfAStream() throws {
    let long = "{" + String(repeating: "x", count: 300) + "}"
    let lines = ["{\"a\": 1}", "", "  ", "{\"b\": 2}\r", long, "{\"c\": 3}", long, "{\"d\": 4}"]
    for ending in ["", "\n"] {
      let text = lines.joined(separator: "\n") + ending
      let file = Scratch.file("jsonl")
      try Data(text.utf8).write(to: file)
      let pipe = Pipe()
      pipe.fileHandleForWriting.write(Data(text.utf8))
      try pipe.fileHandleForWriting.close()
      // Chunks far smaller than a line, as well as larger: every cut falls somewhere else.
      for target in [16, 64, 1 << 20] {
        let mapped = try records(RecordReader(targetChunkBytes: target), [file.path])
        #expect(mapped.map { $0.prefix(3) } == ["1: ", "4: ", "5: ", "6: ", "7: ", "8: "])
        #expect(mapped[1] == "4: {\"b\": 2}\r" && mapped[2] == "5: " + long && mapped.last == "8: {\"d\": 4}")
        if target == 64 {
          let streamed = try records(
            RecordReader(targetChunkBytes: target, standardInput: pipe.fileHandleForReading), ["-"])
          #expect(streamed == mapped)
        }
      }
    }
  }

  @Test func aMappedFileDropsPagesOnlyBelowTheFirstChunkStillBeingRead() throws {
    let file = Scratch.file("jsonl")
    try Data(repeating: 0x0A, count: 5 << 20).write(to: file)
    let mapped = try #require(MappedFile(path: file.path))
    let chunks = [0..<(1 << 20), (1 << 20)..<(5 << 19), (5 << 19)..<(5 << 20)].map(mapped.chunk)
    chunks[1].release()
    #expect(mapped.droppedUpTo == 0)
    // The first chunk still being read now starts at 2.5 MB: everything below 2 MB can go, nothing above.
    chunks[0].release()
    #expect(mapped.droppedUpTo == 2 << 20)
    chunks[2].release()
    #expect(mapped.droppedUpTo == 4 << 20)
  }

  @Test func aStretchOfBlankLinesDoesNotHoldBackDroppingPages() throws {
    let file = Scratch.file("jsonl")
    try Data(String(repeating: "\n", count: 3 << 20).utf8 + Array("{\"id\": \"A\"}\n".utf8)).write(to: file)
    var mapped: MappedFile?
    var records = 0
    try RecordReader(targetChunkBytes: 1 << 20).read([file.path]) { chunk in
      if case .mapped(let file, _) = chunk.bytes { mapped = file }
      records += chunk.spans.count
      chunk.bytes.release()
    }
    #expect(records == 1)
    // Only the last chunk held a record; the blank ones before it were finished as they were cut.
    #expect(mapped?.droppedUpTo == 2 << 20)
  }

  @Test(arguments: ["a file", "the bundled library"])
  func eachWorkerScoresWithAnEqualSheetThatSharesNoStorage(loadedFrom origin: String) {
    // A sheet named by its file and one named by its bundled id (the library loads sheets its own way) both keep
    // the text they were read from, so each worker gets a copy of its own.
    let sheet = origin == "a file" ? self.sheet : Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    let copy = sheet.independentCopy()
    #expect(copy == sheet)
    func address(_ text: String) -> UnsafeRawPointer? {
      text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
    }
    #expect(address(copy.title.zh) != address(sheet.title.zh))
    #expect(
      copy.categories.withUnsafeBufferPointer(\.baseAddress) != sheet.categories.withUnsafeBufferPointer(\.baseAddress))
  }

  @Test func aSheetChangedAfterLoadingIsScoredAsChanged() throws {
    var lowered = sheet
    lowered.threshold = .zero
    #expect(lowered.independentCopy() == lowered)
    let original = try run([Fixture.path("batch-ties.jsonl")])
    #expect((0..<original.scoredCount).contains { original.verdict($0) == .belowThreshold })
    let results = try BatchRunner(sheet: lowered, jobs: 2, glossary: .empty).run([Fixture.path("batch-ties.jsonl")])
    #expect(results.scoredCount == 3)
    #expect((0..<results.scoredCount).allSatisfy { results.verdict($0) != .belowThreshold })
  }

  @Test func textsAreNumberedByTheirBytesInOrderOfFirstAppearance() {
    var numbering = TextNumbering(["越能电力"])
    // Enough texts to grow the table several times, each seen twice; "é" written precomposed and decomposed is
    // two texts (the bytes differ), as a report shows them.
    let texts = ["越能电力"] + (0..<100).map { "单位\($0)" } + ["越能电", "caf\u{E9}", "cafe\u{301}", ""]
    let first = texts.map { numbering.number(of: $0) }
    let again = texts.reversed().map { numbering.number(of: $0) }
    #expect(first == (0..<Int32(texts.count)).map { $0 })
    #expect(again == first.reversed())
    #expect(numbering.texts == texts)
    #expect(numbering.existingNumber(of: "单位7") == 8)
    #expect(numbering.existingNumber(of: "单位100") == nil)
  }

  @Test func missingInputFailsTheWholeRun() {
    #expect(throws: BatchError.self) { try run(["/no/such/input.jsonl"]) }
  }

  @Test func reportsAreIdenticalForAnyNumberOfJobs() throws {
    let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: 20)
    let directory = try Scratch.directory()
    let file = directory.appendingPathComponent("many.jsonl")
    let text = (0..<3000).map { generator.portfolio(number: $0, seed: 11) }.joined(separator: "\n")
    try Data(text.utf8).write(to: file)
    // Small chunks make many workers interleave.
    let one = try BatchRunner(sheet: sheet, jobs: 1, glossary: .empty).run([file.path])
    let eight = try BatchRunner(sheet: sheet, jobs: 8, glossary: .empty).run([file.path])
    #expect(one.readCount == 3000)
    #expect(!one.rejected.isEmpty)
    for format in ReportFormat.allCases {
      #expect(report(one, format, jobs: 1) == report(eight, format, jobs: 8), "\(format)")
    }
    #expect(
      report(one, .csv) == report(try BatchRunner(sheet: sheet, jobs: 1, glossary: .empty).run([file.path]), .csv))
  }

  @Test func reportRowsAreRenderedOnAtMostAsManyThreadsAsJobs() throws {
    let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: 0)
    let file = Scratch.file("jsonl")
    // Three blocks of rows and more.
    try Data((0..<9000).map { generator.portfolio(number: $0, seed: 5) }.joined(separator: "\n").utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let results = try run([file.path])
    final class Threads: @unchecked Sendable {
      private let lock = NSLock()
      private var seen = Set<UInt>()
      func note() {
        lock.lock()
        seen.insert(UInt(pthread_self()))
        lock.unlock()
      }
      var count: Int { lock.withLock { seen.count } }
    }
    for jobs in [1, 2] {
      let threads = Threads()
      let table = ReportTable(results: results, options: ReportOptions(language: .en, jobs: jobs))
      BatchReport.writeRows(table, to: ReportSink()) { _, _ in threads.note() }
      #expect(threads.count >= 1 && threads.count <= jobs, "\(jobs) jobs")
    }
  }

  @Test func theCSVListHasEveryRangeAsTwoNumbersAndItsSummaryInASecondFile() throws {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([Bundled.examplesDirectory + "/applicants.jsonl"])
    let sink = ReportSink()
    BatchReport.write(results, format: .csv, options: ReportOptions(language: .zh), to: sink)
    let lines = sink.text.dropFirst().split(separator: "\r\n").map(String.init)
    let headers = lines[0].split(separator: ",").map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
    let low = try #require(headers.firstIndex(of: "总分最低"))
    let high = try #require(headers.firstIndex(of: "总分最高"))
    #expect(headers.contains("差额最低") && headers.contains("差额最高"))
    // One line per scored applicant and nothing else: the summary is not stacked under the list.
    #expect(lines.count == 1 + results.scoredCount)
    var ranges = 0
    for (line, row) in zip(lines.dropFirst(), results.rankedRows) {
      // Rank and scores are bare numbers; the row's columns are simple here (no commas inside quotes).
      let cells = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
      #expect(Double(cells[0]) != nil && Double(cells[low]) != nil && Double(cells[high]) != nil, "\(line)")
      #expect(cells[low] == row.total.min.description && cells[high] == row.total.max.description)
      if row.total.min != row.total.max { ranges += 1 }
    }
    #expect(ranges > 0)
    let summary = ReportSink()
    BatchReport.writeSummaryCSV(results, options: ReportOptions(language: .zh), to: summary)
    #expect(summary.text.contains("汇总") && summary.text.contains("invalid-date"))
    #expect(!sink.text.contains("invalid-date"))
  }

  @Test func csvOpensInExcelAndNeutralizesFormulas() throws {
    let csv = report(try run([Fixture.path("batch-ties.jsonl")]), .csv)
    #expect(csv.utf8.starts(with: [0xEF, 0xBB, 0xBF]))
    #expect(csv.contains("\r\n"))
    #expect(csv.contains(#""'=HYPERLINK(""http://x"")""#))
    #expect(!csv.contains(#","=HYPERLINK"#))
    #expect(CSVReportWriter.field("-1+2", neutralizeFormula: true) == #""'-1+2""#)
    #expect(CSVReportWriter.field("-1", neutralizeFormula: false) == #""-1""#)
    #expect(CSVReportWriter.field("a\"b", neutralizeFormula: true) == #""a""b""#)
    // Excel also runs formulas that start with fullwidth signs, a tab or a carriage return.
    for formula in ["＝1+1", "＋1", "－1", "＠SUM(A1)", "@SUM(A1)", "\t=1", "\r=1"] {
      #expect(CSVReportWriter.field(formula, neutralizeFormula: true) == "\"'\(formula)\"", "\(formula)")
    }
    #expect(CSVReportWriter.field("＃1", neutralizeFormula: true) == "\"＃1\"")
    #expect(CSVReportWriter.field("", neutralizeFormula: true) == "\"\"")
    // A cell longer than a row buffer's first room, with quotes throughout, after a formula sign.
    let long = "=" + String(repeating: "单位\"名称\"", count: 400)
    let escaped = "\"'" + long.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    #expect(CSVReportWriter.field(long, neutralizeFormula: true) == escaped)
  }

  @Test func csvRowsWithLongApplicantTextAreWrittenWhole() throws {
    // Rows are rendered into a buffer that grows; a name of several kilobytes must come out whole and quoted.
    let name = "=" + String(repeating: "长\"名", count: 1500)
    let escapedName = name.replacingOccurrences(of: "\"", with: "\\\"")
    let portfolio = String(decoding: Fixture.bytes("minimal-portfolio.json"), as: UTF8.self)
      .replacingOccurrences(of: #""name": "张三""#, with: #""name": ""# + escapedName + "\"")
    let file = Scratch.file("json")
    try Data("[\(portfolio)]".utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let csv = report(try run([file.path]), .csv)
    #expect(csv.contains("\"'" + name.replacingOccurrences(of: "\"", with: "\"\"") + "\""))
  }

  @Test func htmlIsSelfContainedAndEscapesApplicantText() throws {
    let html = report(try run([Fixture.path("batch-ties.jsonl")]), .html)
    #expect(html.hasPrefix("<!DOCTYPE html>"))
    // The page's one script is its own sorting and filter, at the end; the applicant's is text.
    #expect(html.components(separatedBy: "<script>").count == 2)
    #expect(html.hasSuffix("</script>\n</body>\n</html>\n"))
    #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
    #expect(!html.contains("src=") && !html.contains("<link") && !html.contains("@import") && !html.contains("url("))
    #expect(html.contains("@media print") && html.contains("size: A4 landscape"))
    #expect(html.contains("Noto Sans CJK SC") && html.contains("Microsoft YaHei"))
  }

  @Test func theHTMLReportHasItsHeaderHistogramSignaturesAndADetailSectionPerApplicant() throws {
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([Bundled.examplesDirectory + "/applicants.jsonl"])
    var options = ReportOptions(language: .zh)
    options.runDate = Day("2022-12-01")
    options.details = BatchDetails.explanations(for: results, positions: 0..<results.scoredCount, language: .zh)
    #expect(options.details.count == results.scoredCount)
    let sink = ReportSink()
    BatchReport.write(results, format: .html, options: options, to: sink)
    let html = sink.text
    #expect(html.contains(results.sheet.document) && html.contains("生成日期 2022-12-01"))
    #expect(html.contains("已评分 48 人") && html.contains("被拒 2 条"))
    #expect(html.contains("<svg class=\"histogram\"") && html.contains("class=\"threshold\""))
    #expect(html.contains("审核人") && html.contains("复核人"))
    #expect(html.components(separatedBy: "<section class=\"detail\">").count - 1 == 48)
    // Each section is its applicant's: the first is rank 1, with the deductions it explains.
    let first = try #require(html.components(separatedBy: "<section class=\"detail\">").dropFirst().first)
    #expect(first.contains(results.rankedRows[0].id) && first.contains("排名 1"))
  }

  @Test func detailsAreFoundAgainInJSONLinesArraysAndSpreadsheets() throws {
    let array = Fixture.path("batch-array.json")
    let fromArray = try run([array])
    let arrayDetails = BatchDetails.explanations(
      for: fromArray, positions: 0..<fromArray.scoredCount, glossary: .empty, language: .en)
    #expect(arrayDetails.count == fromArray.scoredCount)
    for (position, explanation) in arrayDetails {
      #expect(explanation.portfolio.id == fromArray.row(ranked: position).id)
      #expect(explanation.result.total == fromArray.row(ranked: position).total)
    }
    let workbook = Bundled.examplesDirectory + "/applicants.xlsx"
    let rows = try SpreadsheetImport.read([workbook])
    let fromSheet = BatchRunner(sheet: sheet, jobs: 2).run(spreadsheet: rows, source: workbook)
    let sheetDetails = BatchDetails.explanations(
      for: fromSheet, positions: 0..<5, language: .zh, spreadsheet: rows)
    #expect(sheetDetails.keys.sorted() == [0, 1, 2, 3, 4])
    #expect(sheetDetails[0]?.result.total == fromSheet.row(ranked: 0).total)
  }

  @Test func markdownAndTableKeepColumnsAligned() throws {
    let results = try run([Fixture.path("batch-ties.jsonl")])
    let markdown = report(results, .md)
    #expect(markdown.contains("&lt;script&gt;"))
    #expect(markdown.contains("| 1 | A |"))
    // In the terminal table every column is padded to a common display width (a Chinese character counts two), so
    // each line minus its last cell (the source) has the same display width.
    let sink = ReportSink()
    BatchReport.write(results, format: .table, options: ReportOptions(language: .en, wide: true), to: sink)
    let lines = sink.text.split(separator: "\n").map(String.init)
    let sources = ["Source"] + Array(results.rankedRows).map { "\($0.file):\($0.line)" }
    let widths = [lines[0]] + lines[2..<(2 + results.scoredCount)].map { $0 }
    let prefixes = zip(widths, sources).map { DisplayWidth.of($0) - DisplayWidth.of($1) }
    #expect(Set(prefixes).count == 1, "\(prefixes)")
    #expect(DisplayWidth.of("中文ab") == 6)
    #expect(DisplayWidth.pad("中", to: 4, right: true) == "  中")
  }

  @Test func theTerminalTableFitsOneHundredColumnsUnlessWide() throws {
    let results = try BatchRunner(sheet: Bundled.sheet("jiaxing-2022-energy-engineer-self-score"), jobs: 1)
      .run([Bundled.examplesDirectory + "/applicants.jsonl"])
    for language in Language.allCases {
      for publicPosting in [false, true] {
        let text = report(results, .table, publicPosting: publicPosting, language: language)
        let widest = text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        #expect(widest <= 100, "\(language) public=\(publicPosting): \(widest)")
      }
    }
    let sink = ReportSink()
    BatchReport.write(results, format: .table, options: ReportOptions(language: .zh, wide: true), to: sink)
    #expect(sink.text.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0 > 100)
  }

  @Test func publicPostingMasksIdentityAndLeavesOutDetails() throws {
    let sink = ReportSink()
    var line = "{\"id\":\"P-1\",\"name\":\"张三\",\"idNumber\":\"330402198805121234\",\"phone\":\"13812345678\","
    line += "\"employer\":{\"name\":\"测试公司\"},\"specialty\":\"energy\"}"
    let directory = try Scratch.directory()
    try Data(line.utf8).write(to: directory.appendingPathComponent("p.jsonl"))
    let results = try run([directory.appendingPathComponent("p.jsonl").path])
    // Everyone listed: this applicant does not pass, and a posting lists those who pass unless told otherwise.
    var everyone = ReportOptions(language: .zh, publicPosting: true)
    everyone.postingScope = .all
    BatchReport.write(results, format: .csv, options: everyone, to: sink)
    #expect(sink.text.contains("3304**********1234"))
    #expect(sink.text.contains("138****5678"))
    #expect(!sink.text.contains("198805121234"))
    #expect(!sink.text.contains("P-1"))
    for format in [ReportFormat.json, .jsonl, .html, .md, .table] {
      let text = report(try run([Fixture.path("batch-ties.jsonl")]), format, publicPosting: true)
      #expect(!text.contains("invalid-date") && !text.contains("batch-ties.jsonl"), "\(format) leaks internal details")
      if format == .json { #expect(try JSONValue.parse(Array(text.utf8))["rows"] != nil) }
    }
    #expect(Masking.idNumber("330402198805121234") == "3304**********1234")
    #expect(Masking.phone("13812345678") == "138****5678")
  }

  @Test func summaryCountsVerdictsAndReasons() throws {
    let summary = BatchSummary(try run([Fixture.path("batch-ties.jsonl")]))
    #expect(summary.read == 5 && summary.scored == 3 && summary.rejected == 2)
    #expect(summary.verdicts.first { $0.kind == .belowThreshold }?.count == 3)
    #expect(summary.reasons.first?.code == .missingField)
  }

  @Test func summaryBandsTotalsFromTheirLowerBoundAndFindsTheMiddleOne() {
    var results = BatchResults(sheet: sheet)
    // Totals (minimum and maximum alike) in points, in no order, two of them negative across a band's edge.
    for points in ["25", "-0.5", "10", "9.9999", "-10.0001", "0", "25", "-10"] {
      let units = Int32(p(points).units)
      results.rows.append(.filed(id: "A\(results.rows.count)", verdict: 0))
      results.numbers += [units, units] + [Int32](repeating: 0, count: results.stride - 2)
    }
    let summary = BatchSummary(results, bandWidth: 10)
    #expect(summary.distribution.map(\.from) == ["-20", "-10", "0", "10", "20"].map(p))
    #expect(summary.distribution.map(\.count) == [1, 2, 2, 1, 2])
    #expect(summary.lowest == p("-10.0001") && summary.highest == p("25"))
    #expect(summary.median == p("0"))
  }

  @Test func fileSinkWritesAsItGoesWhateverTheKindOfWrite() throws {
    let directory = try Scratch.directory()
    let path = directory.appendingPathComponent("out.bin").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    let sink = ReportSink(handle: handle)
    sink.write(bytes: [UInt8](repeating: 65, count: 3 << 20))
    // Large writes reach the file before the final flush, so a report never sits whole in memory.
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == 3 << 20)
    try handle.close()
  }

  @Test(arguments: [1000, DirectFileOutput.blockSize, 2 * DirectFileOutput.blockSize + 12_345])
  func aFileWrittenPastThePageCacheHoldsExactlyItsBytes(length: Int) throws {
    let directory = try Scratch.directory()
    let path = directory.appendingPathComponent("report.csv").path
    let bytes = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 9) }
    try AtomicFile.write(to: path, bypassingPageCache: true) { sink in
      // Written in uneven pieces, some past the sink's own buffer.
      var offset = 0
      var piece = 1
      while offset < bytes.count {
        let end = min(bytes.count, offset + piece)
        sink.write(bytes: Array(bytes[offset..<end]))
        offset = end
        piece = piece * 7 % 900_001 + 1
      }
    }
    #expect(try Array(Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
  }

  @Test func aSmallFileIsNeverSwitchedToDirectWrites() throws {
    let directory = try Scratch.directory()
    let path = directory.appendingPathComponent("small.csv").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    let output = DirectFileOutput(descriptor: handle.fileDescriptor)
    try [UInt8](repeating: 65, count: DirectFileOutput.blockSize - 1).withUnsafeBytes { try output.write($0) }
    try output.finish()
    #expect(!output.isDirect)
    try handle.close()
    #expect(try FileManager.default.attributesOfItem(atPath: path)[.size] as? Int == DirectFileOutput.blockSize - 1)
  }

  @Test func aFailedWriteIsReportedNotLost() throws {
    let handle = try #require(FileHandle(forWritingAtPath: "/dev/full"))
    let sink = ReportSink(handle: handle)
    sink.write(bytes: [UInt8](repeating: 65, count: 1 << 20))
    sink.write("and more")
    sink.flush()
    #expect(sink.failure?.code == .ENOSPC)
    try handle.close()
  }

  @Test func atomicWriteLeavesTheOldFileWhenInterrupted() throws {
    let directory = try Scratch.directory()
    let target = directory.appendingPathComponent("report.csv").path
    try AtomicFile.write(to: target) { $0.write("old") }
    struct Interrupted: Error {}
    #expect(throws: Interrupted.self) {
      try AtomicFile.write(to: target) { sink in
        sink.write(String(repeating: "new", count: 1_000_000))
        sink.flush()
        throw Interrupted()
      }
    }
    #expect(try String(contentsOfFile: target, encoding: .utf8) == "old")
    #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["report.csv"])
  }

  @Test func generatorIsReproducibleAndDecodable() throws {
    let generator = PortfolioGenerator(sheet: Bundled.sheet("jiaxing-2022-energy-engineer-self-score"))
    #expect(generator.portfolio(number: 7, seed: 3) == generator.portfolio(number: 7, seed: 3))
    #expect(generator.portfolio(number: 7, seed: 3) != generator.portfolio(number: 8, seed: 3))
    for number in 0..<200 { _ = try Portfolio.decode(json: Array(generator.portfolio(number: number, seed: 3).utf8)) }
    let invalid = PortfolioGenerator(sheet: sheet, invalidPerMille: 1000)
    #expect(throws: Diagnostic.self) { try Portfolio.decode(json: Array(invalid.portfolio(number: 1, seed: 3).utf8)) }
  }

  @Test(arguments: ["jiaxing-2022-energy-engineer-self-score", "linping-2022-manufacturing-engineer-exceptional"])
  func tracedAndUntracedEvaluationAgree(sheetID: String) throws {
    let evaluator = Evaluator(sheet: Bundled.sheet(sheetID))
    let generator = PortfolioGenerator(sheet: evaluator.sheet)
    for number in 0..<300 {
      let portfolio = try Portfolio.decode(json: Array(generator.portfolio(number: number, seed: 5).utf8))
      let traced = evaluator.evaluate(portfolio)
      let fast = evaluator.evaluate(portfolio, tracing: false)
      #expect(traced.total == fast.total && traced.verdict == fast.verdict && traced.categories == fast.categories)
      #expect(traced.deductions.map(\.code) == fast.deductions.map(\.code))
      #expect(traced.deductions.map(\.lost) == fast.deductions.map(\.lost))
    }
  }

  @Test func comparisonExplainsVerdictAndRankChanges() throws {
    // Everyone totals 9: a threshold of 12 changes nothing; one of 9 makes everyone pass.
    var stricter = sheet
    stricter.threshold = 12
    let file = Fixture.path("batch-ties.jsonl")
    let comparison = SheetComparison(
      before: try run([file]), after: try BatchRunner(sheet: stricter, jobs: 1, glossary: .empty).run([file]),
      language: .en)
    #expect(comparison.changes.isEmpty)
    stricter.threshold = 9
    let looser = SheetComparison(
      before: try run([file]), after: try BatchRunner(sheet: stricter, jobs: 1, glossary: .empty).run([file]),
      language: .en)
    #expect(looser.changes.map(\.after.id) == ["A", "C", "B"])
    #expect(looser.changes.first?.reasons.contains("threshold 30 → 9") == true)
    #expect(looser.transitions.map(\.count) == [3])
  }
}

extension FiledRow {
  /// A row with an id and a verdict and nothing else, for tests of ranking and summaries.
  static func filed(id: String, verdict: UInt8) -> FiledRow {
    FiledRow(
      id: id, name: "", idNumber: "", phone: "", positions: RowPositions(), employerIndex: 0,
      reasonCodes: 0,
      fileIndex: 0, line: 0, verdict: verdict)
  }
}
