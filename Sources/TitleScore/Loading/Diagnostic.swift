/// A problem found in a scoresheet, a portfolio or a batch input, with a stable code and a location.
///
/// Tests assert codes, never wording; `message` is for people, worded by the catalogue in their language.
public struct Diagnostic: Error, Hashable, Sendable, CustomStringConvertible {
  /// How bad the problem is.
  public enum Severity: String, Hashable, Sendable {
    /// The file cannot be used.
    case error
    /// The file can be used, but something is probably wrong.
    case warning
  }

  /// The stable code.
  public var code: DiagnosticCode
  /// Error or warning.
  public var severity: Severity
  /// The file, if known.
  public var file: String?
  /// The 1-based line of a JSON Lines record, if the problem is in one.
  public var line: Int?
  /// The spreadsheet cell the value came from, for portfolios read from a workbook.
  public var cell: CellReference?
  /// The JSON path inside the document or record (for a workbook, the portfolio field the cell fills).
  public var path: JSONPath
  /// What is wrong and what was expected.
  public var message: Message

  /// Creates a diagnostic.
  public init(
    _ code: DiagnosticCode, at path: JSONPath, _ message: Message, severity: Severity = .error,
    file: String? = nil, line: Int? = nil
  ) {
    self.code = code
    self.severity = severity
    self.file = file
    self.line = line
    self.path = path
    self.message = message
  }

  /// The same diagnostic located in a cell of a workbook file.
  public func located(file: String, cell: CellReference) -> Diagnostic {
    var copy = self
    copy.file = file
    copy.cell = cell
    return copy
  }

  /// The same diagnostic located in a file (and a line of it).
  public func located(file: String?, line: Int? = nil) -> Diagnostic {
    var copy = self
    if copy.file == nil { copy.file = file }
    if copy.line == nil { copy.line = line }
    return copy
  }

  /// `file:line: error[code] at path: message`, in English.
  public var description: String { description(.en) }

  /// `file:line: error[code] at path: message` in a language (`文件:行：错误[code] 位置 path：message`).
  public func description(_ language: Language) -> String { located.text(language) }

  /// The whole diagnostic as one message: location, severity, code, path and what is wrong.
  public var located: Message {
    let severityName = Message(severity == .error ? .diagnosticSeverityError : .diagnosticSeverityWarning)
    guard var location = file else {
      return Message(
        .diagnosticLineUnlocated, .message(severityName), .text(code.rawValue), .text(path.description),
        .message(message))
    }
    // A spreadsheet's cell says more than the row number a batch files it under.
    if let cell {
      location += ":\(cell)"
    } else if let line {
      location += ":\(line)"
    }
    return Message(
      .diagnosticLine, .text(location), .message(severityName), .text(code.rawValue), .text(path.description),
      .message(message))
  }
}

extension Diagnostic {
  /// The same diagnostic with its file named relative to `folder` (an upload's temporary folder).
  package func relocated(from folder: String) -> Diagnostic {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    var copy = self
    if let file, file.hasPrefix(prefix) { copy.file = String(file.dropFirst(prefix.count)) }
    return copy
  }
}
