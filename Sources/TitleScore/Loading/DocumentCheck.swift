import Foundation

/// Checks any document the tool reads — a scoresheet, a route guide or a portfolio — telling them apart by shape.
package enum DocumentCheck {
  /// What a file was taken to be and what was wrong with it.
  package struct Report: Sendable {
    /// `scoresheet`, `route-guide`, `portfolio`, `record`, `records`, `json` (malformed) or `unreadable`.
    package var kind: String
    /// A short note, such as how many examples ran.
    package var detail: String
    /// Every problem found.
    package var diagnostics: [Diagnostic]
  }

  /// Checks one file; a sheet's worked examples are run.
  package static func check(file: String) -> Report {
    guard let data = FileManager.default.contents(atPath: file) else {
      return Report(
        kind: "unreadable", detail: "",
        diagnostics: [Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file)])
    }
    let bytes = [UInt8](data)
    let tree: JSONValue
    do {
      tree = try JSONValue.parse(bytes)
    } catch {
      // Not JSON at all: the syntax error is the diagnosis, whatever the file was meant to be.
      return Report(
        kind: "json", detail: "", diagnostics: [Diagnostic(error.code, at: .root, error.message, file: file)])
    }
    if RouteGuide.isGuide(tree) {
      return Report(kind: "route-guide", detail: "", diagnostics: RouteGuide.load(tree: tree, file: file).diagnostics)
    }
    if tree["route"] != nil || tree["categories"] != nil || tree["criteria"] != nil {
      let outcome = ScoresheetLoader.load(tree: tree, file: file)
      let examples = outcome.sheet.map { ", \($0.examples.count) examples" } ?? ""
      return Report(kind: "scoresheet", detail: examples, diagnostics: outcome.diagnostics)
    }
    if case .array = tree {
      return Report(kind: "records", detail: "", diagnostics: recordDiagnostics(bytes, file: file))
    }
    if tree["type"] != nil && tree["employer"] == nil {
      return Report(kind: "record", detail: "", diagnostics: recordDiagnostics(bytes, file: file))
    }
    return Report(kind: "portfolio", detail: "", diagnostics: portfolioDiagnostics(bytes, file: file))
  }

  /// Checks a hypothetical record or list of records, as `score --add` takes them.
  private static func recordDiagnostics(_ bytes: [UInt8], file: String) -> [Diagnostic] {
    do {
      _ = try AchievementRecord.decodeList(json: bytes)
      return []
    } catch {
      return [error.located(file: file)]
    }
  }

  private static func portfolioDiagnostics(_ bytes: [UInt8], file: String) -> [Diagnostic] {
    do {
      _ = try Portfolio.decode(json: bytes)
      return []
    } catch {
      return [error.located(file: file)]
    }
  }
}
