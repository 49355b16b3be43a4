/// A JSON text that is not well formed, located by byte offset, line and column.
public struct JSONSyntaxError: Error, Sendable, Equatable {
  /// Byte offset of the problem from the start of the text.
  public var offset: Int
  /// 1-based line of the problem.
  public var line: Int
  /// 1-based column (in bytes) of the problem.
  public var column: Int
  /// What the parser expected to find there.
  public var expected: String
}
