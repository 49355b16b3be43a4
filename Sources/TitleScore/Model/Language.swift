/// The language of messages and reports.
public enum Language: String, Sendable, CaseIterable {
  /// Chinese, the language of the notices.
  case zh
  /// English.
  case en
}
