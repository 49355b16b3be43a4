/// A file attached to the application.
public struct Attachment: Hashable, Sendable {
  /// `id-photo`, `degree-certificate` …
  public var kind: String
  /// Path relative to the portfolio file.
  public var path: String

  /// An attached file of a kind.
  public init(kind: String, path: String) {
    self.kind = kind
    self.path = path
  }
}
