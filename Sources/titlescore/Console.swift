import Foundation
import TitleScore

/// Standard output and error, file reading, and resolving `--sheet` and `--lang`.
enum Console {
  /// The exit status of a run whose reader closed standard output early (`titlescore … | head`): 128 + SIGPIPE,
  /// as the shell reports a process the signal ended, but reached quietly, with no message.
  static let closedPipeStatus: Int32 = 141

  static func out(_ text: String) {
    let shown = colour(TerminalText.escaped(text))
    if let failure = write(Array(shown.utf8), to: STDOUT_FILENO), failure == EPIPE { exit(closedPipeStatus) }
  }

  /// The language of messages on standard error: the command line's `--lang` (read once, before the command
  /// runs, so that even a usage error is worded in it), Chinese by default.
  nonisolated(unsafe) static var messageLanguage: Language = .zh

  /// Reads `--lang` (or `--lang=…`) from the raw arguments for `messageLanguage`; a wrong value leaves Chinese, and
  /// the command then reports it.
  static func messageLanguage(in arguments: [String]) -> Language {
    for (index, argument) in arguments.enumerated() {
      if argument.hasPrefix("--lang=") { return Language(rawValue: String(argument.dropFirst(7))) ?? .zh }
      if argument == "--lang", index + 1 < arguments.count { return Language(rawValue: arguments[index + 1]) ?? .zh }
    }
    return .zh
  }

  /// What an error that ended a run says: the library's errors carry messages; any other is shown as it is.
  static func message(of error: any Error) -> Message {
    switch error {
    case let diagnostic as Diagnostic: return diagnostic.located
    case let batch as BatchError: return batch.message
    case let notRegular as NotARegularFile: return notRegular.message
    default: return Message(.cliSystemError, .text("\(error)"))
    }
  }

  /// That a command is unknown, with the nearest one.
  static func unknownCommand(_ name: String) -> Message {
    guard let suggestion = nearest(to: name, among: CommandSpec.all.map(\.name) + ["help"]) else {
      return Message(.cliUnknownCommand, .text(name))
    }
    return Message(.cliUnknownCommandSuggest, .text(name), .text(suggestion))
  }

  /// Writes a message to standard error in `messageLanguage`.
  static func error(_ message: Message) { error(message.text(messageLanguage)) }

  /// Writes a diagnostic to standard error in `messageLanguage`.
  static func error(_ diagnostic: Diagnostic) { error(diagnostic.description(messageLanguage)) }

  static func error(_ text: String) {
    let shown = TerminalText.escaped(text.hasSuffix("\n") ? text : text + "\n")
    _ = write(Array(shown.utf8), to: STDERR_FILENO)
  }

  /// Whether standard output takes colour: a terminal, `NO_COLOR` unset (https://no-color.org), and not a dumb
  /// terminal.
  static let colours: Bool = {
    let environment = ProcessInfo.processInfo.environment
    return isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb"
  }()

  /// Restrained colour for what a reader looks for first: ✓ and the passing verdict in green, ✗ and the other
  /// verdicts in red. Applied after escaping, so applicant text can never bring escape sequences of its own.
  static func colour(_ text: String) -> String {
    guard colours else { return text }
    let green = "\u{1B}[32m"
    let red = "\u{1B}[31m"
    let reset = "\u{1B}[0m"
    var coloured = text.replacingOccurrences(of: "✓", with: green + "✓" + reset)
      .replacingOccurrences(of: "✗", with: red + "✗" + reset)
    // The verdict as the score text and the routes label it, from the same catalogue keys.
    for kind in Verdict.Kind.allCases {
      let name = kind.name(messageLanguage)
      for label in Set([MessageKey.resultVerdict, .advisorVerdict]) {
        let plain = Message(.textLabelValue, .word(label), .text(name)).text(messageLanguage)
        let marked = Message(.textLabelValue, .word(label), .text((kind == .pass ? green : red) + name + reset))
        coloured = coloured.replacingOccurrences(of: plain, with: marked.text(messageLanguage))
      }
    }
    return coloured
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
    guard let language = Language(rawValue: raw) else { throw UsageError(Message(.cliLang, .text("\(raw)"))) }
    return language
  }

  /// A folder of sheets to add to the bundled ones: `--sheets`, else `$TITLESCORE_SHEETS`; nil for neither.
  static func sheetsDirectory(_ arguments: Arguments) -> String? {
    arguments.value("--sheets") ?? ProcessInfo.processInfo.environment["TITLESCORE_SHEETS"]
  }

  /// The sheets a command uses: the ones the binary carries, with a `--sheets` (or `$TITLESCORE_SHEETS`) folder's
  /// added; where both have an id, the folder's wins. A folder that does not exist, or holds no sheet or route
  /// guide, is an error rather than an empty list.
  static func library(_ arguments: Arguments) throws -> ScoresheetLibrary {
    guard let directory = sheetsDirectory(arguments) else { return .bundled }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory), isDirectory.boolValue else {
      throw CommandFailure(Message(.cliSheetsFolderMissing, .text(directory)))
    }
    let folder = ScoresheetLibrary(directory: directory)
    guard
      !folder.sheets.isEmpty || !folder.guides.isEmpty || !folder.glossary.vocabularies.isEmpty
        || !folder.diagnostics.isEmpty
    else {
      throw CommandFailure(Message(.cliSheetsFolderEmpty, .text(directory)))
    }
    return ScoresheetLibrary.bundled.overridden(by: folder)
  }

  /// A sheet named by a file path or a bundled id; prints its problems and fails when it cannot be used.
  static func sheet(_ reference: String, _ arguments: Arguments) throws -> Scoresheet {
    if reference.hasSuffix(".json") || FileManager.default.fileExists(atPath: reference) {
      let outcome = ScoresheetLoader.load(file: reference, runExamples: false)
      for diagnostic in outcome.diagnostics { error(diagnostic) }
      guard let sheet = outcome.sheet else { throw CommandFailure(Message(.cliSheetHasErrors, .text("\(reference)"))) }
      return sheet
    }
    let library = try library(arguments)
    if let sheet = library.sheet(id: reference) { return sheet }
    let known = library.sheets.map(\.id).joined(separator: "\n  ")
    throw CommandFailure(
      Diagnostic(.unknownSheet, at: .root, Message(.diagnosticUnknownSheet, .text("\(reference)"), .text("\(known)"))))
  }

  static func read(_ file: String) throws -> [UInt8] {
    if file == "-" { return [UInt8](FileHandle.standardInput.readDataToEndOfFile()) }
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CommandFailure(Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file))
    }
    return [UInt8](data)
  }

  /// A portfolio file (`-` for standard input), its values resolved with the library's shared vocabulary.
  static func portfolio(_ file: String, _ arguments: Arguments) throws -> Portfolio {
    let glossary = try library(arguments).glossary
    do {
      return try Portfolio.decode(json: try read(file), glossary: glossary)
    } catch let diagnostic as Diagnostic {
      throw CommandFailure(diagnostic.located(file: file))
    }
  }

  /// The rows of the spreadsheets given as inputs (CSV files: one of applicants, any of achievements), or nil when
  /// the inputs are JSON; a mix is a usage error, a file that cannot be read as a spreadsheet a failure.
  static func spreadsheetRows(_ arguments: Arguments) throws -> (rows: [SpreadsheetImport.Row], source: String)? {
    let inputs = arguments.positional
    let spreadsheets = inputs.filter(SpreadsheetImport.isSpreadsheet)
    guard !spreadsheets.isEmpty else { return nil }
    guard spreadsheets.count == inputs.count else { throw UsageError(Message(.cliSpreadsheetMixed)) }
    do {
      let rows = try SpreadsheetImport.read(inputs, glossary: try library(arguments).glossary)
      return (rows, rows.first?.file ?? inputs[0])
    } catch let diagnostic as Diagnostic {
      throw CommandFailure(diagnostic)
    }
  }

  static func materials(for portfolio: Portfolio, file: String, sheet: Scoresheet) -> MaterialInspection? {
    let checksMaterials = sheet.checksMaterials
    guard checksMaterials else { return nil }
    let base = file == "-" ? "." : URL(fileURLWithPath: file).deletingLastPathComponent().path
    return MaterialInspection.inspect(portfolio, baseDirectory: base)
  }
}

extension Day {
  /// Today on this machine's calendar and time zone: the day a report is made. The library never reads the clock;
  /// the command line hands it the day.
  static var today: Day {
    let parts = Calendar(identifier: .gregorian).dateComponents(in: .current, from: Date())
    return Day(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)!
  }
}
