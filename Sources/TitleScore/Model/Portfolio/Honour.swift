/// An honour held, such as a model-worker title, and when it was received.
public struct Honour: Hashable, Sendable, ExpressibleByStringLiteral {
  /// The honour's code, e.g. `county-model-worker`.
  public var code: String
  /// The date received; a condition that counts honours only since the current title needs it.
  public var date: Day?

  /// An honour with its code and, where known, the date received.
  public init(_ code: String, date: Day? = nil) {
    self.code = code
    self.date = date
  }

  /// An honour written as its code alone.
  public init(stringLiteral code: String) {
    self.init(code)
  }
}
