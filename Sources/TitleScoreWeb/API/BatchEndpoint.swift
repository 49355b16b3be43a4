import Foundation
import TitleScore

/// `POST /api/batch`: an office's file of applicants scored and ranked, answered as the report in any format the
/// command line writes. The body is the file itself, named by `?name=` (`applicants.xlsx`, `cohort.jsonl`, a JSON
/// array, a CSV applicants table), or a JSON envelope `{"files": [{"name": …, "base64": …}, …]}` for several files
/// (a CSV applicants table with its achievements table). `?sheet=ID` picks the sheet; `?format=` one of the
/// report formats (`json` by default), `?public=1` the public posting with `?include=`, `?from=`, `?days=`,
/// `?contact=` and `?holidays=` (the text of a holidays file as `batch --holidays` reads it, named by
/// `?holidaysName=`); `?lang=`.
struct BatchEndpoint {
  let library: ScoresheetLibrary

  func respond(to request: HTTPRequest, query: [String: String]) -> HTTPResponse {
    let language = query["lang"].flatMap(Language.init(rawValue:)) ?? .zh
    func refuse(_ diagnostic: Diagnostic, _ status: Int) -> HTTPResponse {
      WebAPI.failure([diagnostic], language, status: status)
    }
    guard let id = query["sheet"], let sheet = library.sheet(id: id) else {
      return refuse(
        Diagnostic(
          .unknownSheet, at: JSONPath.root.appending("sheet"),
          Message(.diagnosticUnknownSheetShort, .text(query["sheet"] ?? "")), file: "request"), 404)
    }
    guard let format = ReportFormat(rawValue: query["format"] ?? "json") else {
      return refuse(
        Diagnostic(
          .invalidValue, at: JSONPath.root.appending("format"),
          Message(
            .cliOptionOneOf, .text("format"), .text(ReportFormat.allCases.map(\.rawValue).joined(separator: ", ")),
            .text(query["format"] ?? "")), file: "request"), 400)
    }
    // The files, by their names (a name is reduced to its last component: nothing is written outside the folder).
    var files: [(name: String, bytes: [UInt8])] = []
    if let name = query["name"] {
      files.append((name, request.body))
    } else {
      guard case .object? = try? JSONValue.parse(request.body),
        let list = try? JSONValue.parse(request.body)["files"], case .array(let entries) = list
      else {
        return refuse(
          Diagnostic(
            .missingField, at: JSONPath.root.appending("files"), Message(.diagnosticMissingFiles), file: "request"),
          400)
      }
      for entry in entries {
        guard let name = entry["name"]?.stringValue, let text = entry["base64"]?.stringValue,
          let data = Data(base64Encoded: text)
        else {
          return refuse(
            Diagnostic(
              .invalidValue, at: JSONPath.root.appending("files"), Message(.diagnosticMissingFiles), file: "request"),
            400)
        }
        files.append((name, [UInt8](data)))
      }
    }
    let scored: Scored
    do {
      scored = try score(files, sheet: sheet, language: language)
    } catch {
      return error.response
    }
    let results = scored.results
    let spreadsheetRows = scored.spreadsheetRows
    // `?explain=N`: the explained result of the row at rank position N, as `POST /api/score` answers it.
    if let explain = query["explain"].flatMap({ Int($0) }) {
      guard explain >= 0, explain < results.scoredCount,
        let explanation = BatchDetails.explanations(
          for: results, positions: [explain], glossary: library.glossary, language: language,
          spreadsheet: spreadsheetRows, held: scored.held)[explain]
      else { return WebAPI.notFound("/api/batch?explain=\(explain)") }
      return .json(ResultJSONRenderer(explanation: explanation).render())
    }
    var options = ReportOptions(
      language: language, publicPosting: query["public"] == "1", jobs: ProcessInfo.processInfo.activeProcessorCount)
    if let include = query["include"].flatMap(ReportOptions.PostingScope.init(rawValue:)) {
      options.postingScope = include
    }
    if options.publicPosting, let fromText = query["from"], !fromText.isEmpty {
      // The period as the command line takes it: a real first day, and no fewer working days than the sheet's.
      guard let from = Day(fromText) else {
        return refuse(
          Diagnostic(
            .invalidDate, at: JSONPath.root.appending("from"), Message(.cliPostingFromNotADate, .text(fromText)),
            file: "request"), 400)
      }
      // The least period is the sheet's (its notice's clause); a sheet that gives none needs `days`.
      let fewest = sheet.postingMinimumWorkingDays ?? 1
      guard let days = query["days"].flatMap({ Int($0) }) ?? sheet.postingMinimumWorkingDays else {
        return refuse(
          Diagnostic(
            .missingField, at: JSONPath.root.appending("days"), Message(.diagnosticPostingNeedsDays), file: "request"),
          400)
      }
      guard days >= fewest else {
        return refuse(
          Diagnostic(
            .invalidValue, at: JSONPath.root.appending("days"),
            Message(.cliPostingTooShort, .integer(days), .integer(fewest)),
            file: "request"), 400)
      }
      // The office's holidays and make-up working days, as `batch --holidays` reads its file.
      var calendar = WorkingCalendar()
      if let text = query["holidays"], !text.isEmpty {
        do {
          calendar = try WorkingCalendar.parse(text, file: query["holidaysName"].map(BatchEndpoint.named) ?? "holidays")
        } catch {
          return refuse(error, 422)
        }
      }
      options.postingNotice = PostingNotice(
        from: from, workingDays: days, calendar: calendar, contact: query["contact"])
    }
    let sink = ReportSink()
    BatchReport.write(results, format: format, options: options, to: sink)
    var response = HTTPResponse(status: 200, contentType: BatchEndpoint.contentType(format), body: sink.bytes)
    if query["download"] == "1" {
      let base = options.publicPosting ? "posting" : "report"
      response.extraHeaders.append(("Content-Disposition", "attachment; filename=\"\(base).\(format.rawValue)\""))
    }
    return response
  }

  /// A batch scored and ranked, with its inputs named as the request named them.
  private struct Scored {
    var results: BatchResults
    /// The rows of a spreadsheet batch.
    var spreadsheetRows: [SpreadsheetImport.Row]?
    /// A JSON text scored from memory, by its name.
    var held: [String: [UInt8]] = [:]
  }

  /// A refusal of the request, answered as it is.
  private struct Refusal: Error {
    var response: HTTPResponse
  }

  /// Scores and ranks the files. One JSON Lines or JSON file (the usual upload) is read where it lies in memory;
  /// spreadsheets, and several files, are written to a folder of their own first, read as the command line reads
  /// them and named without it. A name is reduced to its last component: nothing is written outside the folder.
  private func score(_ files: [(name: String, bytes: [UInt8])], sheet: Scoresheet, language: Language)
    throws(Refusal) -> Scored
  {
    let runner = BatchRunner(
      sheet: sheet, jobs: ProcessInfo.processInfo.activeProcessorCount, glossary: library.glossary)
    func named(_ name: String, _ index: Int) -> String {
      let name = BatchEndpoint.named(name)
      return name.isEmpty || name == "." || name == ".." ? "upload-\(index + 1).jsonl" : name
    }
    if files.count == 1, !SpreadsheetImport.isSpreadsheet(files[0].name) {
      let name = named(files[0].name, 0)
      return Scored(results: runner.run(text: files[0].bytes, name: name), held: [name: files[0].bytes])
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("titlescore-upload-\(UUID().uuidString)")
    guard (try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)) != nil else {
      throw Refusal(response: HTTPServer.failure(500))
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for (index, file) in files.enumerated() {
      let path = folder.appendingPathComponent(named(file.name, index)).path
      guard FileManager.default.createFile(atPath: path, contents: Data(file.bytes)) else {
        throw Refusal(response: HTTPServer.failure(500))
      }
      paths.append(path)
    }
    do {
      if paths.contains(where: SpreadsheetImport.isSpreadsheet) {
        let rows = try SpreadsheetImport.read(paths, glossary: library.glossary)
        let results = runner.run(spreadsheet: rows, source: rows.first?.file ?? paths[0])
        let relabelled = rows.map { row in
          var row = row
          row.file = (row.file as NSString).lastPathComponent
          return row
        }
        return Scored(results: results.relabelled(from: folder.path), spreadsheetRows: relabelled)
      }
      var held: [String: [UInt8]] = [:]
      for (index, file) in files.enumerated() { held[named(file.name, index)] = file.bytes }
      return Scored(results: try runner.run(paths).relabelled(from: folder.path), held: held)
    } catch let diagnostic as Diagnostic {
      throw Refusal(response: WebAPI.failure([diagnostic.relocated(from: folder.path)], language, status: 422))
    } catch {
      throw Refusal(
        response: WebAPI.failure(
          [Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: "request")], language,
          status: 422))
    }
  }

  /// A file's name as the request gives it, reduced to its last component.
  private static func named(_ name: String) -> String {
    (name as NSString).lastPathComponent.filter { $0 != "\0" }
  }

  static func contentType(_ format: ReportFormat) -> String {
    switch format {
    case .json: return "application/json; charset=utf-8"
    case .jsonl: return "application/x-ndjson; charset=utf-8"
    case .csv: return "text/csv; charset=utf-8"
    case .md: return "text/markdown; charset=utf-8"
    case .html: return "text/html; charset=utf-8"
    case .table: return "text/plain; charset=utf-8"
    case .xlsx: return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    }
  }
}
