extension String {
  /// Whether two texts are equal, comparing their lengths first. Scoring compares record types and levels with
  /// the sheet's again and again, and most pairs differ in length: for them this skips `==`'s general comparison.
  @inline(__always)
  func isSameText(as other: String) -> Bool {
    utf8.count == other.utf8.count && self == other
  }
}
