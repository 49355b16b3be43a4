/// A text in Chinese and English, as every title and message in a scoresheet carries.
public struct LocalizedText: Hashable, Sendable {
  /// The Chinese text.
  public var zh: String
  /// The English text.
  public var en: String

  /// Creates a text in both languages.
  public init(zh: String, en: String) {
    self.zh = zh
    self.en = en
  }

  /// A message worded in both languages.
  public init(_ message: Message) {
    self.zh = message.text(.zh)
    self.en = message.text(.en)
  }

  /// The text in one language, falling back to the other when it is empty.
  public func text(_ language: Language) -> String {
    switch language {
    case .zh: return zh.isEmpty ? en : zh
    case .en: return en.isEmpty ? zh : en
    }
  }
}
