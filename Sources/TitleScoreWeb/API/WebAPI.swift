import Foundation
import TitleScore

/// The JSON API and the page `titlescore serve` answers with (documented in `docs/api.md`). Requests and responses
/// are the library's own JSON: `POST /api/score` with `{"sheet": ID, "portfolio": {…}, "lang": "zh"}` answers what
/// `titlescore score --format json` prints; errors are the located diagnostics with their codes, in the requested
/// language, with a 4xx status.
public struct WebAPI: Sendable {
  /// The sheets and route guides the server scores with.
  public let library: ScoresheetLibrary
  /// Each sheet compiled for evaluation and prepared for explanation, once at start-up.
  private let evaluators: [String: Evaluator]
  private let explainedSheets: [String: ExplainedSheet]

  /// An API over a library of sheets.
  public init(library: ScoresheetLibrary) {
    self.library = library
    var evaluators: [String: Evaluator] = [:]
    var explainedSheets: [String: ExplainedSheet] = [:]
    for sheet in library.sheets {
      evaluators[sheet.id] = Evaluator(sheet: sheet)
      explainedSheets[sheet.id] = ExplainedSheet(sheet)
    }
    self.evaluators = evaluators
    self.explainedSheets = explainedSheets
  }

  /// Answers a request: a carried asset, an API call, or 404.
  public func respond(to request: HTTPRequest) -> HTTPResponse {
    if let asset = PageAssets.asset(at: request.path) {
      guard request.method == "GET" || request.method == "HEAD" else { return methodNotAllowed("GET, HEAD") }
      return HTTPResponse(status: 200, contentType: asset.contentType, body: asset.bytes)
    }
    guard request.path.hasPrefix("/api/") else { return WebAPI.notFound(request.path) }
    let endpoint = String(request.path.dropFirst("/api/".count))
    let query = WebAPI.queryItems(request.query)
    switch (request.method, endpoint) {
    case ("GET", "sheets"): return sheets(language(query["lang"]))
    case ("GET", "words"): return words(language(query["lang"]))
    case ("GET", "form"): return form(query)
    case ("POST", "score"), ("POST", "plan"), ("POST", "outcomes"), ("POST", "routes"), ("POST", "standing"):
      return withPortfolioRequest(request) { call in answer(endpoint, call) }
    case ("POST", "batch"): return BatchEndpoint(library: library).respond(to: request, query: query)
    case (_, "sheets"), (_, "form"), (_, "words"): return methodNotAllowed("GET")
    case (_, "score"), (_, "plan"), (_, "outcomes"), (_, "routes"), (_, "standing"), (_, "batch"):
      return methodNotAllowed("POST")
    default: return WebAPI.notFound(request.path)
    }
  }

  // MARK: - Requests

  /// A decoded `{"sheet", "portfolio", "lang", …}` request.
  struct PortfolioCall {
    var sheet: ExplainedSheet?
    var portfolio: Portfolio
    var language: Language
    var body: JSONValue
    /// What the files handed in with the portfolio (`"files": {path: base64}`) turned out to be, for a sheet that
    /// checks them; nil when none were handed in (the files are then not looked at, as `score` without them).
    var materials: MaterialInspection?
  }

  /// The files of `"files": {"photo.jpg": "<base64>", …}` by the path the portfolio names each; nil when the
  /// request hands in none. A value that is not base64 is refused with its place.
  private func files(_ body: JSONValue) throws(Diagnostic) -> [String: [UInt8]]? {
    guard let value = body["files"] else { return nil }
    guard case .object(let members) = value else {
      throw Diagnostic(
        .wrongType, at: JSONPath.root.appending("files"), Message(.diagnosticExpectedObject, .word(value.kindWord)),
        file: "request")
    }
    var files: [String: [UInt8]] = [:]
    for member in members {
      guard let text = member.value.stringValue, let data = Data(base64Encoded: text) else {
        throw Diagnostic(
          .invalidValue, at: JSONPath.root.appending("files").appending(member.key),
          Message(.diagnosticRequestFileNotBase64, .text(member.key)), file: "request")
      }
      files[member.key] = [UInt8](data)
    }
    return files
  }

  private func language(_ code: String?) -> Language { code.flatMap(Language.init(rawValue:)) ?? .zh }

  /// Reads the body as `{"sheet": ID, "portfolio": {…}, "lang": "zh"}` and runs `answer` on it; a malformed body,
  /// an unknown sheet or a portfolio that does not decode is a 4xx with its diagnostics.
  private func withPortfolioRequest(_ request: HTTPRequest, _ answer: (PortfolioCall) -> HTTPResponse)
    -> HTTPResponse
  {
    // The members as byte ranges: the portfolio is decoded where it lies, the small members read as values.
    var members: [String: Range<Int>] = [:]
    var small: [(key: String, value: JSONValue)] = []
    do {
      for member in try JSONMembers.of(request.body) where members[member.key] == nil {
        members[member.key] = member.range
        if member.key != "portfolio" {
          small.append((member.key, try JSONValue.parse(Array(request.body[member.range]))))
        }
      }
    } catch {
      return WebAPI.failure([Diagnostic(error.code, at: .root, error.message, file: "request")], .en, status: 400)
    }
    let body = JSONValue.object(small)
    let language = language(body["lang"]?.stringValue)
    var sheet: ExplainedSheet?
    if let id = body["sheet"]?.stringValue {
      guard let found = explainedSheets[id] else {
        return WebAPI.failure(
          [
            Diagnostic(
              .unknownSheet, at: JSONPath.root.appending("sheet"),
              Message(.diagnosticUnknownSheetShort, .text(id)), file: "request")
          ], language, status: 404)
      }
      sheet = found
    }
    guard let range = members["portfolio"] else {
      return WebAPI.failure(
        [
          Diagnostic(
            .missingField, at: JSONPath.root.appending("portfolio"), Message(.diagnosticMissingPortfolio),
            file: "request")
        ], language, status: 422)
    }
    let handedIn: [String: [UInt8]]?
    do {
      handedIn = try files(body)
    } catch {
      return WebAPI.failure([error], language, status: 422)
    }
    do {
      let portfolio = try Portfolio.decode(json: Array(request.body[range]), glossary: library.glossary)
      var materials: MaterialInspection?
      if let handedIn, sheet?.sheet.checksMaterials == true {
        materials = MaterialInspection.inspect(portfolio, files: handedIn)
      }
      return answer(
        PortfolioCall(sheet: sheet, portfolio: portfolio, language: language, body: body, materials: materials))
    } catch {
      var located = error
      located.path = JSONPath.root.appending("portfolio").appending(error.path)
      return WebAPI.failure([located.located(file: "request")], language, status: 422)
    }
  }

  /// What each portfolio endpoint answers.
  private func answer(_ endpoint: String, _ call: PortfolioCall) -> HTTPResponse {
    if endpoint == "routes" {
      let advisor = RouteAdvisor(library: library, portfolio: call.portfolio, all: call.body["all"]?.boolValue ?? false)
      return .json(AdvisorJSON.routes(advisor, portfolio: call.portfolio, language: call.language))
    }
    guard let explainedSheet = call.sheet, let evaluator = evaluators[explainedSheet.sheet.id] else {
      return WebAPI.failure(
        [
          Diagnostic(
            .missingField, at: JSONPath.root.appending("sheet"), Message(.diagnosticMissingSheet), file: "request")
        ], call.language, status: 422)
    }
    switch endpoint {
    case "score":
      let result = evaluator.evaluate(call.portfolio, materials: call.materials)
      let explanation = Explanation(
        sheet: explainedSheet, portfolio: call.portfolio, result: result, language: call.language,
        glossary: library.glossary)
      return .json(utf8: ResultJSONRenderer(explanation: explanation).renderUTF8())
    case "plan":
      let sheet = explainedSheet.sheet
      let limit = call.body["max"]?.integerValue ?? 6
      let planner = Planner(sheet: sheet, maximumRecords: max(1, min(limit, 8)))
      return .json(
        AdvisorJSON.plan(
          planner.plan(call.portfolio), sheet: sheet, portfolio: call.portfolio, language: call.language,
          glossary: library.glossary))
    case "outcomes":
      return .json(
        AdvisorJSON.outcomes(
          OutcomeDistribution(sheet: explainedSheet.sheet, portfolio: call.portfolio), language: call.language))
    default:
      let result = evaluator.evaluate(call.portfolio)
      guard let cohort = call.body["cohort"] else {
        return WebAPI.failure(
          [
            Diagnostic(
              .missingField, at: JSONPath.root.appending("cohort"), Message(.diagnosticMissingCohort),
              file: "request")
          ], call.language, status: 422)
      }
      do {
        let standing = try CohortStanding(
          result: result, cohortReport: cohort, quota: call.body["quota"]?.integerValue,
          passRate: call.body["passRate"]?.doubleValue)
        return .json(AdvisorJSON.standing(standing, language: call.language))
      } catch {
        var located = error
        located.path = JSONPath.root.appending("cohort").appending(error.path)
        return WebAPI.failure([located.located(file: "request")], call.language, status: 422)
      }
    }
  }

  // MARK: - Sheets and forms

  /// The page's own words from the message catalogue (`page.*` keys), in a language: the page words nothing itself.
  private func words(_ language: Language) -> HTTPResponse {
    var writer = JSONWriter()
    writer.beginObject()
    for key in MessageKey.allCases where key.rawValue.hasPrefix("page.") {
      writer.member(key.rawValue, MessageCatalogue.template(key, language))
    }
    writer.endObject()
    return .json(writer.output)
  }

  private func sheets(_ language: Language) -> HTTPResponse {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("sheets")
    writer.beginArray()
    for sheet in library.sheets {
      writer.beginObject()
      writer.sheetMembers(sheet, language)
      writer.member("city", sheet.city)
      writer.member("cityName", library.glossary.name(of: sheet.city, in: .city, language))
      writer.key("specialties")
      writer.beginArray()
      for specialty in sheet.specialties {
        writer.beginObject()
        writer.member("code", specialty)
        writer.member("name", library.glossary.name(of: specialty, in: .specialty, language))
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.key("guides")
    writer.beginArray()
    let glossary = library.glossary
    for guide in library.guides {
      writer.beginObject()
      writer.member("id", guide.id)
      writer.member("title", guide.title.text(language))
      writer.member("city", guide.city)
      writer.member("cityName", glossary.name(of: guide.city, in: .city, language))
      writer.key("entries")
      writer.beginArray()
      for entry in guide.entries {
        writer.beginObject()
        writer.key("specialties")
        writer.beginArray()
        for specialty in entry.specialties {
          writer.beginObject()
          writer.member("code", specialty)
          writer.member("name", glossary.name(of: specialty, in: .specialty, language))
          writer.endObject()
        }
        writer.endArray()
        writer.member("applicants", entry.applicants.text(language))
        writer.member("route", entry.route.rawValue)
        writer.member("routeName", entry.route.name.text(language))
        writer.key("sheet")
        if let id = entry.sheetID { writer.string(id) } else { writer.null() }
        writer.endObject()
      }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
    return .json(writer.output)
  }

  private func form(_ query: [String: String]) -> HTTPResponse {
    let language = language(query["lang"])
    guard let id = query["sheet"], let sheet = library.sheet(id: id) else {
      return WebAPI.failure(
        [
          Diagnostic(
            .unknownSheet, at: JSONPath.root.appending("sheet"),
            Message(.diagnosticUnknownSheetShort, .text(query["sheet"] ?? "")), file: "request")
        ], language, status: 404)
    }
    return .json(FormDescription(sheet: sheet, glossary: library.glossary, language: language).json())
  }

  // MARK: - Responses

  /// Diagnostics as `{"diagnostics": [{code, severity, path, file, line, cell, message, text}]}` with a status.
  static func failure(_ diagnostics: [Diagnostic], _ language: Language, status: Int) -> HTTPResponse {
    var writer = JSONWriter()
    writer.beginObject()
    writer.member("status", integer: status)
    writer.key("diagnostics")
    writer.beginArray()
    for diagnostic in diagnostics {
      writer.beginObject()
      writer.member("code", diagnostic.code.rawValue)
      writer.member("severity", diagnostic.severity.rawValue)
      writer.member("path", diagnostic.path.description)
      if let file = diagnostic.file { writer.member("file", file) }
      if let line = diagnostic.line { writer.member("line", integer: line) }
      if let cell = diagnostic.cell { writer.member("cell", cell.description) }
      writer.member("message", diagnostic.message.text(language))
      writer.member("text", diagnostic.description(language))
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
    return .json(writer.output, status: status)
  }

  static func notFound(_ path: String) -> HTTPResponse {
    HTTPResponse.json("{\"status\":404,\"error\":\"Not Found\",\"path\":\(JSONWriter.quoted(path))}", status: 404)
  }

  private func methodNotAllowed(_ allowed: String) -> HTTPResponse {
    var response = HTTPResponse.json("{\"status\":405,\"error\":\"Method Not Allowed\"}", status: 405)
    response.extraHeaders.append(("Allow", allowed))
    return response
  }

  /// A query string's items, percent-decoded (`+` as a space); the first of a repeated name wins.
  static func queryItems(_ query: String) -> [String: String] {
    var items: [String: String] = [:]
    for pair in query.split(separator: "&") {
      let parts = pair.split(separator: "=", maxSplits: 1).map {
        String($0).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? String($0)
      }
      guard let name = parts.first, items[name] == nil else { continue }
      items[name] = parts.count > 1 ? parts[1] : ""
    }
    return items
  }
}
