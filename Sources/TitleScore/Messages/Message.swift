/// Something the engine says to people, as a stable key and typed arguments, never as a sentence: evaluation,
/// validation, the advisor and the command line make messages, and `MessageCatalogue` words them in Chinese or
/// English when they are shown.
public struct Message: Hashable, Sendable {
  /// What is said.
  public var key: MessageKey
  /// The values it is said of, in the order the catalogue's `{0}`, `{1}` … name them.
  public var arguments: [MessageArgument]

  /// A message with its arguments.
  public init(_ key: MessageKey, _ arguments: MessageArgument...) {
    self.key = key
    self.arguments = arguments
  }

  /// A message with a list of arguments.
  public init(_ key: MessageKey, arguments: [MessageArgument]) {
    self.key = key
    self.arguments = arguments
  }

  /// The message worded in a language.
  public func text(_ language: Language) -> String { MessageCatalogue.text(self, language) }
}
