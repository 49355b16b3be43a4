/// A JSON text that is not well formed, located by byte offset, line and column.
package struct JSONSyntaxError: Error, Sendable, Equatable {
  /// Byte offset of the problem from the start of the text.
  package var offset: Int
  /// 1-based line of the problem.
  package var line: Int
  /// 1-based column (in bytes) of the problem.
  package var column: Int
  /// What the parser expected to find there.
  package var expected: MessageKey
  /// Whether the text nests arrays and objects deeper than `JSONScanner.maximumDepth`: well formed, perhaps, but
  /// refused before any reader recurses that far.
  package var isTooDeep: Bool = false

  /// The diagnostic code for the error: `nesting-too-deep` or `json-syntax`.
  package var code: DiagnosticCode { isTooDeep ? .nestingTooDeep : .jsonSyntax }

  /// The error worded for a message: what was expected, and where.
  package var message: Message {
    isTooDeep
      ? Message(.jsonTooDeep, .integer(line), .integer(column), .integer(JSONScanner.maximumDepth))
      : Message(.jsonMalformed, .integer(line), .integer(column), .word(expected))
  }
}
