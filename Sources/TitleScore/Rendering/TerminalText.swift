/// Applicant text made safe for a terminal: control characters (C0 but line feed and tab, DEL, C1) and the
/// bidirectional overrides and isolates are shown as `\uXXXX` escapes, so a name cannot move the cursor, ring the
/// bell, clear the screen or reorder what is printed around it. The escape is JSON's own, so JSON printed to a
/// terminal stays valid and means the same.
package enum TerminalText {
  /// Whether a scalar is shown escaped; `keepingLineBreaks` keeps line feed and tab (whole messages), otherwise
  /// they are escaped too (one table cell).
  static func needsEscape(_ scalar: Unicode.Scalar, keepingLineBreaks: Bool) -> Bool {
    switch scalar.value {
    case 0x0A, 0x09: return !keepingLineBreaks
    case 0x00...0x1F, 0x7F...0x9F: return true
    case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: return true
    case 0x2028, 0x2029: return true
    default: return false
    }
  }

  /// The text with every unsafe scalar escaped; the text itself when it has none (the usual case, no copy).
  package static func escaped(_ text: String, keepingLineBreaks: Bool = true) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepingLineBreaks: keepingLineBreaks) }) else {
      return text
    }
    var result = String.UnicodeScalarView()
    for scalar in text.unicodeScalars {
      guard needsEscape(scalar, keepingLineBreaks: keepingLineBreaks) else {
        result.append(scalar)
        continue
      }
      let hex = String(scalar.value, radix: 16, uppercase: true)
      let escape = "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      result.append(contentsOf: escape.unicodeScalars)
    }
    return String(result)
  }
}
