import Foundation
import Testing

@testable import TitleScore

/// Fixtures bundled with the tests, by file name.
enum Fixture {
  static func bytes(_ name: String) -> [UInt8] {
    let url = Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!
    return [UInt8](try! Data(contentsOf: url))
  }

  static func path(_ name: String) -> String {
    Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil)!.path
  }

  /// A fixture sheet, which must load without errors.
  static func sheet(_ name: String) -> Scoresheet {
    let outcome = ScoresheetLoader.load(bytes: bytes(name), file: name)
    precondition(outcome.sheet != nil, "fixture \(name) has errors: \(outcome.diagnostics)")
    return outcome.sheet!
  }

  /// A fixture portfolio, its values taken as written: fixture sheets have codes of their own.
  static func portfolio(_ name: String) -> Portfolio {
    try! Portfolio.decode(json: bytes(name), glossary: .empty)
  }

  /// The minimal fixture portfolio, changed, scored against a sheet.
  static func evaluate(
    _ sheet: Scoresheet, materials: MaterialInspection? = nil, changing change: (inout Portfolio) -> Void
  ) -> ScoreResult {
    var portfolio = portfolio("minimal-portfolio.json")
    change(&portfolio)
    return Evaluator(sheet: sheet).evaluate(portfolio, materials: materials)
  }

  /// The fixture sheet's JSON text with one substring replaced, for validation tests.
  static func sheetText(_ name: String, replacing old: String, with new: String) -> [UInt8] {
    let text = String(decoding: bytes(name), as: UTF8.self)
    if !text.contains(old) { Issue.record("fixture \(name) does not contain \(old)") }
    return Array(text.replacingOccurrences(of: old, with: new).utf8)
  }
}

/// The sheets bundled in the repository's `scoresheets/` folder.
enum Bundled {
  static let directory: String = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      let candidate = url.appendingPathComponent("scoresheets")
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
    }
    return "scoresheets"
  }()

  static let library = ScoresheetLibrary(directory: directory)

  static func sheet(_ id: String) -> Scoresheet {
    guard let sheet = library.sheet(id: id) else { fatalError("no bundled sheet \(id): \(library.diagnostics)") }
    return sheet
  }

  static var examplesDirectory: String {
    (directory as NSString).deletingLastPathComponent + "/examples"
  }
}

/// A decoded portfolio from inline JSON, its values taken as written (`glossary` to resolve terms).
func portfolio(_ json: String, glossary: Glossary = .empty) throws -> Portfolio {
  try Portfolio.decode(json: Array(json.utf8), glossary: glossary)
}

/// An achievement record with the validity flags set to count.
func record(
  _ id: String, _ type: String, level: String? = nil, rank: Int? = nil, count: Int = 1, date: String = "2020-06-01",
  assessed: Points? = nil
) -> AchievementRecord {
  AchievementRecord(
    id: id, type: type, level: level, rank: rank, count: count, date: Day(date)!, status: "completed", evidence: true,
    collective: false, mainContributor: true, acquired: "original", assessedPoints: assessed, title: id)
}

extension ScoreResult {
  /// The points an item's lines add up to, before item caps.
  func linePoints(_ itemID: String) -> PointsInterval {
    lines.filter { $0.itemID == itemID }.reduce(.zero) { $0 + $1.points }
  }

  /// The codes of all deductions.
  var codes: Set<ReasonCode> { Set(deductions.map(\.code)) }
}

/// Points from a decimal literal in a test, e.g. `p("12.5")`.
func p(_ text: String) -> Points { Points(exactly: text)! }

/// Fresh places in the temporary folder, for tests that write files.
enum Scratch {
  /// A new, empty folder.
  static func directory() throws -> URL {
    let directory = FileManager.default.temporaryDirectory.appendingPathComponent("titlescore-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    return directory
  }

  /// A path no file has yet, with an extension.
  static func file(_ pathExtension: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("titlescore-\(UUID().uuidString).\(pathExtension)")
  }
}
