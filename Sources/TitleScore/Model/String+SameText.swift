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
