import Foundation

/// The scoresheets in a folder (by default `scoresheets/`), found recursively and indexed by id.
public struct ScoresheetLibrary: Sendable {
  /// The sheets, ordered by id.
  public let sheets: [Scoresheet]
  /// Route guides found beside the sheets.
  public let guides: [RouteGuide]
  /// Problems found while loading; sheets with errors are left out.
  public let diagnostics: [Diagnostic]

  /// Loads every `*.json` file under `directory` except JSON Schemas. Examples are not run here; `check` runs them.
  public init(directory: String) {
    var sheets: [Scoresheet] = []
    var guides: [RouteGuide] = []
    var diagnostics: [Diagnostic] = []
    for file in ScoresheetLibrary.jsonFiles(under: directory) {
      guard let data = FileManager.default.contents(atPath: file) else {
        diagnostics.append(Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file))
        continue
      }
      let bytes = [UInt8](data)
      guard let tree = try? JSONValue.parse(bytes) else {
        diagnostics += ScoresheetLoader.load(bytes: bytes, file: file).diagnostics
        continue
      }
      if RouteGuide.isGuide(tree) {
        let outcome = RouteGuide.load(tree: tree, file: file)
        diagnostics += outcome.diagnostics
        if let guide = outcome.guide { guides.append(guide) }
        continue
      }
      let outcome = ScoresheetLoader.load(tree: tree, parsedFrom: bytes, file: file, runExamples: false)
      diagnostics += outcome.diagnostics
      if let sheet = outcome.sheet { sheets.append(sheet) }
    }
    self.sheets = sheets.sorted { $0.id < $1.id }
    self.guides = guides.sorted { $0.id < $1.id }
    self.diagnostics = diagnostics
  }

  /// The sheet with an id.
  public func sheet(id: String) -> Scoresheet? {
    sheets.first { $0.id == id }
  }

  /// Every JSON file under a folder, sorted, leaving out `*.schema.json`.
  public static func jsonFiles(under directory: String) -> [String] {
    // A folder given as a symbolic link is followed: the enumerator does not descend into a link itself.
    let target = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
    guard let enumerator = FileManager.default.enumerator(atPath: target) else { return [] }
    var files: [String] = []
    while let relative = enumerator.nextObject() as? String {
      if relative.hasSuffix(".json") && !relative.hasSuffix(".schema.json") {
        files.append(FilePath.resolve(relative, in: directory))  // named under the folder as given
      }
    }
    return files.sorted()
  }
}
