extension String {
  /// Whether two texts are the same, comparing their lengths first. Scoring compares record types and levels with
  /// the sheet's again and again, and most pairs differ in length: for them this skips `==`'s general comparison.
  ///
  /// Texts are compared as written: canonically equivalent texts of different UTF-8 lengths (a precomposed "é"
  /// against "e" and a combining accent) count as different, as identifiers in sheets and portfolios should.
  @inline(__always)
  func isSameText(as other: String) -> Bool {
    utf8.count == other.utf8.count && self == other
  }
}

/// A text as a set or dictionary key that is equal exactly when `isSameText` says so: it hashes as the text does
/// (equal texts hash alike), and the byte-length test only makes equality stricter.
struct SameTextKey: Hashable {
  let text: String

  init(_ text: String) {
    self.text = text
  }

  static func == (lhs: SameTextKey, rhs: SameTextKey) -> Bool { lhs.text.isSameText(as: rhs.text) }

  func hash(into hasher: inout Hasher) { hasher.combine(text) }
}
