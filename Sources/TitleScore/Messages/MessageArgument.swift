/// A value a message is said of. Texts are shown as they are (ids, codes, values the user wrote); everything else
/// is worded for the language.
public indirect enum MessageArgument: Hashable, Sendable {
  /// A text shown as it is: an id, a code, a value as written.
  case text(String)
  /// A whole number.
  case integer(Int)
  /// Exact points.
  case points(Points)
  /// A range of points.
  case interval(PointsInterval)
  /// A date.
  case day(Day)
  /// A text in both languages (a title from a sheet).
  case localized(LocalizedText)
  /// Another message, worded in the same language.
  case message(Message)
  /// Several values, joined as the language joins a list.
  case list([MessageArgument])
  /// A message key on its own (a word such as a unit or a JSON type).
  case word(MessageKey)
  /// A code of a closed list, named as the shared vocabulary the binary carries names it (`bachelor` → 本科); the
  /// code itself where the vocabulary lacks it.
  case term(Glossary.List, String)

  /// The argument worded in a language.
  func text(_ language: Language) -> String {
    switch self {
    case .text(let text): return text
    case .integer(let number): return String(number)
    case .points(let points): return points.description
    case .interval(let interval): return interval.description
    case .day(let day): return day.description
    case .localized(let text): return text.text(language)
    case .message(let message): return message.text(language)
    case .list(let items): return items.map { $0.text(language) }.joined(separator: language == .zh ? "、" : ", ")
    case .word(let key): return Message(key).text(language)
    case .term(let list, let code): return Glossary.bundled.name(of: code, in: list, language)
    }
  }
}
