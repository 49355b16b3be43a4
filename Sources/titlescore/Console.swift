import Foundation
import TitleScore

/// Standard output and error, file reading, and resolving `--sheet` and `--lang`.
enum Console {
  /// The exit status of a run whose reader closed standard output early (`titlescore … | head`): 128 + SIGPIPE,
  /// as the shell reports a process the signal ended, but reached quietly, with no message.
  static let closedPipeStatus: Int32 = 141

  static func out(_ text: String) {
    let shown = TerminalText.escaped(text)
    if let failure = write(Array(shown.utf8), to: STDOUT_FILENO), failure == EPIPE { exit(closedPipeStatus) }
  }

  static func error(_ text: String) {
    let shown = TerminalText.escaped(text.hasSuffix("\n") ? text : text + "\n")
    _ = write(Array(shown.utf8), to: STDERR_FILENO)
  }

  /// Writes all of `bytes`; the `errno` of a failed write, or nil. (Foundation's `FileHandle.write` stops the
  /// process on a closed pipe once SIGPIPE is ignored.)
  static func write(_ bytes: [UInt8], to descriptor: Int32) -> Int32? {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let written = Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
        if written < 0 {
          if errno == EINTR { continue }
          return errno
        }
        offset += written
      }
      return nil
    }
  }

  /// Ends the run quietly when a write to standard output failed because its reader is gone; otherwise returns.
  static func exitIfClosedPipe(_ failure: POSIXError?) {
    if failure?.code == .EPIPE { exit(closedPipeStatus) }
  }

  static func language(_ arguments: Arguments) throws -> Language {
    guard let raw = arguments.value("--lang") else { return .zh }
    guard let language = Language(rawValue: raw) else { throw UsageError("--lang takes zh or en, not \"\(raw)\"") }
    return language
  }

  /// The folder of bundled sheets: `--sheets`, then `$TITLESCORE_SHEETS`, then `./scoresheets`.
  static func sheetsDirectory(_ arguments: Arguments) -> String {
    arguments.value("--sheets") ?? ProcessInfo.processInfo.environment["TITLESCORE_SHEETS"] ?? "scoresheets"
  }

  static func library(_ arguments: Arguments) -> ScoresheetLibrary {
    ScoresheetLibrary(directory: sheetsDirectory(arguments))
  }

  /// A sheet named by a file path or a bundled id; prints its problems and fails when it cannot be used.
  static func sheet(_ reference: String, _ arguments: Arguments) throws -> Scoresheet {
    if reference.hasSuffix(".json") || FileManager.default.fileExists(atPath: reference) {
      let outcome = ScoresheetLoader.load(file: reference, runExamples: false)
      for diagnostic in outcome.diagnostics { error(diagnostic.description) }
      guard let sheet = outcome.sheet else { throw CommandFailure("the sheet \(reference) has errors") }
      return sheet
    }
    let library = library(arguments)
    if let sheet = library.sheet(id: reference) { return sheet }
    let known = library.sheets.map(\.id).joined(separator: "\n  ")
    throw CommandFailure(
      Diagnostic(.unknownSheet, at: .root, Message(.diagnosticUnknownSheet, .text("\(reference)"), .text("\(known)")))
        .description)
  }

  static func read(_ file: String) throws -> [UInt8] {
    if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CommandFailure(
        Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file).description)
    }
    return [UInt8](data)
  }

  static func portfolio(_ file: String) throws -> Portfolio {
    do {
      return try Portfolio.decode(json: try read(file))
    } catch let diagnostic as Diagnostic {
      throw CommandFailure(diagnostic.located(file: file).description)
    }
  }

  static func materials(for portfolio: Portfolio, file: String, sheet: Scoresheet) -> MaterialInspection? {
    let checksMaterials = sheet.checksMaterials
    guard checksMaterials else { return nil }
    let base = file == "-" ? "." : URL(fileURLWithPath: file).deletingLastPathComponent().path
    return MaterialInspection.inspect(portfolio, baseDirectory: base)
  }
}
