import Foundation
import TitleScore

/// `POST /api/batch`: an office's file of applicants scored and ranked, answered as the report in any format the
/// command line writes. The body is the file itself, named by `?name=` (`applicants.xlsx`, `cohort.jsonl`, a JSON
/// array, a CSV applicants table), or a JSON envelope `{"files": [{"name": …, "base64": …}, …]}` for several files
/// (a CSV applicants table with its achievements table). `?sheet=ID` picks the sheet; `?format=` one of the
/// report formats (`json` by default), `?public=1` the public posting with `?include=`, `?from=`, `?days=`,
/// `?contact=`; `?lang=`.
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
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("titlescore-upload-\(UUID().uuidString)")
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      return HTTPServer.failure(500)
    }
    defer { try? FileManager.default.removeItem(at: folder) }
    var paths: [String] = []
    for (index, file) in files.enumerated() {
      var name = (file.name as NSString).lastPathComponent.filter { $0 != "\0" }
      if name.isEmpty || name == "." || name == ".." { name = "upload-\(index + 1).jsonl" }
      let path = folder.appendingPathComponent(name).path
      guard FileManager.default.createFile(atPath: path, contents: Data(file.bytes)) else {
        return HTTPServer.failure(500)
      }
      paths.append(path)
    }
    let runner = BatchRunner(
      sheet: sheet, jobs: ProcessInfo.processInfo.activeProcessorCount, glossary: library.glossary)
    var results: BatchResults
    var spreadsheetRows: [SpreadsheetImport.Row]?
    do {
      if paths.contains(where: SpreadsheetImport.isSpreadsheet) {
        let rows = try SpreadsheetImport.read(paths, glossary: library.glossary)
        spreadsheetRows = rows
        results = runner.run(spreadsheet: rows, source: rows.first?.file ?? paths[0])
      } else {
        results = try runner.run(paths)
      }
    } catch let diagnostic as Diagnostic {
      return refuse(diagnostic.relocated(from: folder.path), 422)
    } catch {
      return refuse(Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: "request"), 422)
    }
    // `?explain=N`: the explained result of the row at rank position N, as `POST /api/score` answers it.
    if let explain = query["explain"].flatMap({ Int($0) }) {
      guard explain >= 0, explain < results.scoredCount,
        let explanation = BatchDetails.explanations(
          for: results, positions: [explain], glossary: library.glossary, language: language,
          spreadsheet: spreadsheetRows)[explain]
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
      options.postingNotice = PostingNotice(
        from: from, workingDays: days, calendar: WorkingCalendar(), contact: query["contact"])
    }
    let sink = ReportSink()
    BatchReport.write(results.relabelled(from: folder.path), format: format, options: options, to: sink)
    var response = HTTPResponse(status: 200, contentType: BatchEndpoint.contentType(format), body: sink.bytes)
    if query["download"] == "1" {
      let base = options.publicPosting ? "posting" : "report"
      response.extraHeaders.append(("Content-Disposition", "attachment; filename=\"\(base).\(format.rawValue)\""))
    }
    return response
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
