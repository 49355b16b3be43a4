import Foundation

/// Checks any document the tool reads — a scoresheet, a route guide or a portfolio — telling them apart by shape.
package enum DocumentCheck {
  /// What a file was taken to be and what was wrong with it.
  package struct Report: Sendable {
    /// What a file can be taken to be.
    package enum Kind: String, Sendable {
      case scoresheet
      case routeGuide = "route-guide"
      /// The shared vocabulary (`vocabulary.json`).
      case vocabulary
      case portfolio, record, records
      /// Not well-formed JSON.
      case json
      /// Not readable at all.
      case unreadable

      /// The kind's name, for the catalogue to word.
      package var name: Message {
        switch self {
        case .scoresheet: return Message(.checkKindScoresheet)
        case .routeGuide: return Message(.checkKindRouteGuide)
        case .vocabulary: return Message(.checkKindVocabulary)
        case .portfolio: return Message(.checkKindPortfolio)
        case .record: return Message(.checkKindRecord)
        case .records: return Message(.checkKindRecords)
        case .json: return Message(.checkKindJson)
        case .unreadable: return Message(.checkKindUnreadable)
        }
      }
    }

    /// What the file was taken to be.
    package var kind: Kind
    /// For a scoresheet, how many worked examples ran.
    package var examples: Int?
    /// Every problem found.
    package var diagnostics: [Diagnostic]

    package init(kind: Kind, examples: Int? = nil, diagnostics: [Diagnostic]) {
      self.kind = kind
      self.examples = examples
      self.diagnostics = diagnostics
    }

    /// The line `check` prints for the file: `ok   FILE (scoresheet, 3 examples)` or `FAIL FILE (portfolio)`.
    package func line(file: String) -> Message {
      let failed = diagnostics.contains { $0.severity == .error }
      let what: Message =
        examples.map { Message(.checkKindWithExamples, .message(kind.name), .integer($0)) } ?? kind.name
      return Message(failed ? .checkFailed : .checkPassed, .text(file), .message(what))
    }
  }

  /// Checks one file; a sheet's worked examples are run, and portfolios and records are read with the terms of
  /// `glossary`. With `sheet`, a portfolio is also checked against that sheet (see `PortfolioFit`).
  package static func check(file: String, glossary: Glossary = .bundled, sheet: Scoresheet? = nil) -> Report {
    guard let data = FileManager.default.contents(atPath: file) else {
      return Report(
        kind: .unreadable,
        diagnostics: [Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file)])
    }
    let bytes = [UInt8](data)
    let tree: JSONValue
    do {
      tree = try JSONValue.parse(bytes)
    } catch {
      // Not JSON at all: the syntax error is the diagnosis, whatever the file was meant to be.
      return Report(
        kind: .json, diagnostics: [Diagnostic(error.code, at: .root, error.message, file: file)])
    }
    if Glossary.isGlossary(tree) {
      return Report(kind: .vocabulary, diagnostics: Glossary.load(tree: tree, file: file).diagnostics)
    }
    if RouteGuide.isGuide(tree) {
      return Report(kind: .routeGuide, diagnostics: RouteGuide.load(tree: tree, file: file).diagnostics)
    }
    if tree["route"] != nil || tree["categories"] != nil || tree["criteria"] != nil {
      let outcome = ScoresheetLoader.load(tree: tree, file: file)
      return Report(kind: .scoresheet, examples: outcome.sheet?.examples.count, diagnostics: outcome.diagnostics)
    }
    if case .array = tree {
      return Report(kind: .records, diagnostics: recordDiagnostics(bytes, file: file, glossary))
    }
    if tree["type"] != nil && tree["employer"] == nil {
      return Report(kind: .record, diagnostics: recordDiagnostics(bytes, file: file, glossary))
    }
    return Report(kind: .portfolio, diagnostics: portfolioDiagnostics(bytes, file: file, glossary, sheet))
  }

  /// Checks a hypothetical record or list of records, as `score --add` takes them.
  private static func recordDiagnostics(_ bytes: [UInt8], file: String, _ glossary: Glossary) -> [Diagnostic] {
    do {
      _ = try AchievementRecord.decodeList(json: bytes, glossary: glossary)
      return []
    } catch {
      return [error.located(file: file)]
    }
  }

  private static func portfolioDiagnostics(
    _ bytes: [UInt8], file: String, _ glossary: Glossary, _ sheet: Scoresheet?
  ) -> [Diagnostic] {
    do {
      let portfolio = try Portfolio.decode(json: bytes, glossary: glossary)
      guard let sheet else { return [] }
      let materials =
        sheet.checksMaterials
        ? MaterialInspection.inspect(portfolio, baseDirectory: FilePath.directory(of: file)) : nil
      return PortfolioFit.findings(portfolio, against: sheet, glossary: glossary, materials: materials).map {
        $0.located(file: file)
      }
    } catch {
      return [error.located(file: file)]
    }
  }
}
