import Foundation

// libFuzzer targets, built by `.ci/fuzz` together with the library's sources into one module (so they reach its
// internals) with `-sanitize=fuzzer,address`. One binary holds every target; TITLESCORE_FUZZ_TARGET picks one:
//
// - `portfolio`: the portfolio decoder (and the record-list decoder), then scoring against the bundled sheets and
//   explaining the result as text and JSON in both languages;
// - `sheet`: the sheet loader with validation and the sheet's worked examples, then scoring a fixed applicant;
// - `batch`: the input as a batch file (JSON Lines or an array), scored with one job and rendered in every report
//   format, committee and public;
// - `spreadsheet`: the input as an applicants table and, after its first NUL byte, an achievements table (CSV),
//   read in the spreadsheet layout and scored; every row must be scored or refused;
// - `http`: the input as the bytes of a connection, fed to the web server's request parser in pieces whose sizes the
//   input's first byte sets; every request it yields must have the body its length says, and it must end;
// - `workbook`: the input as an XLSX workbook (when its first byte is even, as a ZIP archive's `P` is) or, after its
//   first byte, as the worksheet XML of a fixed workbook; read, imported and scored, every row accounted for.
//
// A crash, a hang past libFuzzer's timeout, an address-sanitizer finding or a broken invariant below stops the run
// and leaves the input behind as a reproducer.

enum FuzzTarget: String {
  case portfolio, sheet, batch, spreadsheet, workbook, http
}

let fuzzTarget = FuzzTarget(rawValue: ProcessInfo.processInfo.environment["TITLESCORE_FUZZ_TARGET"] ?? "") ?? .portfolio
let fuzzLibrary = ScoresheetLibrary(
  directory: ProcessInfo.processInfo.environment["TITLESCORE_SHEETS"] ?? "scoresheets")
let fuzzEvaluators = fuzzLibrary.sheets.filter { $0.route.isPointRoute || $0.route == .exceptional }
  .map { Evaluator(sheet: $0) }
let fuzzApplicant = try! Portfolio.decode(
  json: Array(
    #"{"id": "F", "name": "模糊", "employer": {"name": "单位"}, "specialty": "energy", "workStart": "2010-07-01","#
      .utf8) + Array(#""education": [{"level": "bachelor", "date": "2010-07-01"}]}"#.utf8))
let fuzzBatchFile = FileManager.default.temporaryDirectory
  .appendingPathComponent("titlescore-fuzz-\(ProcessInfo.processInfo.processIdentifier).jsonl").path

@_cdecl("LLVMFuzzerTestOneInput")
public func titleScoreFuzzOne(_ data: UnsafeRawPointer, _ size: Int) -> CInt {
  let bytes = Array(UnsafeRawBufferPointer(start: data, count: size))
  switch fuzzTarget {
  case .portfolio: fuzzPortfolio(bytes)
  case .sheet: fuzzSheet(bytes)
  case .batch: fuzzBatch(bytes)
  case .spreadsheet: fuzzSpreadsheet(bytes)
  case .workbook: fuzzWorkbook(bytes)
  case .http: fuzzHTTP(bytes)
  }
  return 0
}

func fuzzPortfolio(_ bytes: [UInt8]) {
  _ = try? AchievementRecord.decodeList(json: bytes)
  guard let portfolio = try? Portfolio.decode(json: bytes) else { return }
  for evaluator in fuzzEvaluators {
    let result = evaluator.evaluate(portfolio)
    precondition(result.total.min <= result.total.max, "a total's range is inverted")
    for language in [Language.zh, .en] {
      let explanation = Explanation(sheet: evaluator.sheet, portfolio: portfolio, result: result, language: language)
      _ = ResultTextRenderer(explanation: explanation).render()
      _ = ResultJSONRenderer(explanation: explanation).render()
    }
  }
}

func fuzzSheet(_ bytes: [UInt8]) {
  let outcome = ScoresheetLoader.load(bytes: bytes, file: "fuzz.json", runExamples: true)
  guard let sheet = outcome.sheet else { return }
  _ = Evaluator(sheet: sheet).evaluate(fuzzApplicant)
  _ = sheet.modelledValueCount
}

func fuzzBatch(_ bytes: [UInt8]) {
  guard FileManager.default.createFile(atPath: fuzzBatchFile, contents: Data(bytes)) else { return }
  guard let sheet = fuzzLibrary.sheet(id: "jiaxing-2022-energy-engineer-self-score"),
    let results = try? BatchRunner(sheet: sheet, jobs: 1).run([fuzzBatchFile])
  else { return }
  precondition(results.readCount == results.scoredCount + results.rejected.count, "a record was lost")
  for format in ReportFormat.allCases {
    for publicPosting in [false, true] {
      BatchReport.write(
        results, format: format, options: ReportOptions(language: .zh, publicPosting: publicPosting),
        to: ReportSink())
    }
  }
}

func fuzzSpreadsheet(_ bytes: [UInt8]) {
  let split = bytes.firstIndex(of: 0) ?? bytes.count
  let applicants = fuzzBatchFile + ".applicants.csv"
  let achievements = fuzzBatchFile + ".achievements.csv"
  guard FileManager.default.createFile(atPath: applicants, contents: Data(bytes[..<split])),
    FileManager.default.createFile(
      atPath: achievements, contents: Data(split < bytes.count ? bytes[(split + 1)...] : []))
  else { return }
  guard let rows = try? SpreadsheetImport.read([applicants, achievements]),
    let sheet = fuzzLibrary.sheet(id: "jiaxing-2022-energy-engineer-self-score")
  else { return }
  let results = BatchRunner(sheet: sheet, jobs: 1).run(spreadsheet: rows, source: applicants)
  precondition(results.readCount == rows.count, "a spreadsheet row was lost")
}

/// A fixed workbook around a worksheet's XML: its workbook part, relationships and an achievements sheet.
func fuzzWorkbookAround(_ worksheet: [UInt8]) -> [UInt8] {
  let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
  let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
  var zip = ZipWriter()
  zip.add(
    "xl/workbook.xml",
    Array(
      "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\"><sheets><sheet name=\"申报人\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"
        .utf8))
  zip.add(
    "xl/_rels/workbook.xml.rels",
    Array(
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
        .utf8))
  zip.add("xl/worksheets/sheet1.xml", worksheet)
  return zip.finished()
}

func fuzzWorkbook(_ bytes: [UInt8]) {
  guard let first = bytes.first else { return }
  let workbook = first % 2 == 0 ? bytes : fuzzWorkbookAround(Array(bytes.dropFirst()))
  let file = fuzzBatchFile + ".xlsx"
  guard FileManager.default.createFile(atPath: file, contents: Data(workbook)) else { return }
  guard let rows = try? SpreadsheetImport.read([file]),
    let sheet = fuzzLibrary.sheet(id: "jiaxing-2022-energy-engineer-self-score")
  else { return }
  let results = BatchRunner(sheet: sheet, jobs: 1).run(spreadsheet: rows, source: file)
  precondition(results.readCount == rows.count, "a workbook row was lost")
}

func fuzzHTTP(_ bytes: [UInt8]) {
  guard let first = bytes.first else { return }
  let piece = Int(first % 16) + 1
  var parser = HTTPRequestParser(headLimit: 2048, bodyLimit: 4096)
  var offset = 1
  var steps = 0
  while true {
    steps += 1
    precondition(steps < 100_000, "the parser does not end")
    switch parser.next() {
    case .request(let request):
      let length = request.header("content-length").flatMap { Int($0) } ?? 0
      precondition(request.body.count == length, "a body is not the length its header gives")
      precondition(request.path.hasPrefix("/"), "a request target that is not a path")
    case .refused: return
    case .incomplete:
      guard offset < bytes.count else { return }
      let end = min(bytes.count, offset + piece)
      parser.append(bytes[offset..<end])
      offset = end
    }
  }
}
