/// The text of a JSON number, kept as written so that decimals stay exact.
package struct JSONNumber: Hashable, Sendable, CustomStringConvertible {
  /// The number exactly as it appears in the document.
  package let text: String

  /// Creates a number from its text; the text must already follow the JSON number grammar.
  package init(text: String) {
    self.text = text
  }

  init(utf8: UnsafeBufferPointer<UInt8>) {
    self.text = String(decoding: utf8, as: UTF8.self)
  }

  /// The value as a whole number, or nil if it has a fraction, an exponent or does not fit.
  package var integer: Int? {
    Int(text)
  }

  /// The value as exact points, or nil if it has more decimals than points keep or uses an exponent.
  package var points: Points? {
    Points(exactly: text)
  }

  /// The number's text.
  package var description: String { text }
}
