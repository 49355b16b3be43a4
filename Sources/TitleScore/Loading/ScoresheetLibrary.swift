import Foundation

/// Scoresheets and route guides indexed by id: the ones the binary carries (`bundled`), the ones in a folder
/// (found recursively), or the first with the second's added (`overridden(by:)`).
public struct ScoresheetLibrary: Sendable {
  /// The sheets, ordered by id.
  public let sheets: [Scoresheet]
  /// Route guides found beside the sheets.
  public let guides: [RouteGuide]
  /// The shared vocabulary (`vocabulary.json`) found beside the sheets: the terms people write for each code.
  public let glossary: Glossary
  /// Problems found while loading; sheets with errors are left out.
  public private(set) var diagnostics: [Diagnostic]

  /// The sheets and route guides the binary carries: `scoresheets/` as it was when the library was built (see
  /// the EmbedSheets build plugin), named `scoresheets/…` in diagnostics.
  public static let bundled = ScoresheetLibrary(
    documents: BundledSheetFiles.files.map { (file: "scoresheets/" + $0.path, bytes: Array($0.text.utf8)) })

  /// Loads every `*.json` file under `directory` except JSON Schemas. Examples are not run here; `check` runs them.
  public init(directory: String) {
    var documents: [(file: String, bytes: [UInt8])] = []
    var unreadable: [Diagnostic] = []
    for file in ScoresheetLibrary.jsonFiles(under: directory) {
      guard let data = FileManager.default.contents(atPath: file) else {
        unreadable.append(Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file))
        continue
      }
      documents.append((file, [UInt8](data)))
    }
    self.init(documents: documents)
    diagnostics = unreadable + diagnostics
  }

  /// Loads sheets and route guides from their texts, each named by its file.
  init(documents: [(file: String, bytes: [UInt8])]) {
    var sheets: [Scoresheet] = []
    var guides: [RouteGuide] = []
    var glossary = Glossary.empty
    var diagnostics: [Diagnostic] = []
    for (file, bytes) in documents {
      guard let tree = try? JSONValue.parse(bytes) else {
        diagnostics += ScoresheetLoader.load(bytes: bytes, file: file).diagnostics
        continue
      }
      if Glossary.isGlossary(tree) {
        let outcome = Glossary.load(tree: tree, file: file)
        diagnostics += outcome.diagnostics
        // Two vocabulary files in one folder: the later (by path) gives the lists both have.
        if let found = outcome.glossary { glossary = glossary.overridden(by: found) }
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
    self.init(sheets: sheets, guides: guides, glossary: glossary, diagnostics: diagnostics)
  }

  private init(sheets: [Scoresheet], guides: [RouteGuide], glossary: Glossary, diagnostics: [Diagnostic]) {
    self.sheets = sheets.sorted { $0.id < $1.id }
    self.guides = guides.sorted { $0.id < $1.id }
    self.glossary = glossary
    self.diagnostics = diagnostics
  }

  /// This library with another's sheets and route guides added; where both have an id, `other`'s wins (an office's
  /// folder replaces a bundled table by giving a sheet the same id), and a list of `other`'s vocabulary replaces
  /// the one of the same name.
  public func overridden(by other: ScoresheetLibrary) -> ScoresheetLibrary {
    let sheetIDs = Set(other.sheets.map(\.id))
    let guideIDs = Set(other.guides.map(\.id))
    return ScoresheetLibrary(
      sheets: sheets.filter { !sheetIDs.contains($0.id) } + other.sheets,
      guides: guides.filter { !guideIDs.contains($0.id) } + other.guides,
      glossary: glossary.overridden(by: other.glossary), diagnostics: diagnostics + other.diagnostics)
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
