/// Terminal display width: CJK characters take two columns, combining marks none.
enum DisplayWidth {
  static func of(_ text: String) -> Int {
    var width = 0
    for scalar in text.unicodeScalars { width += of(scalar) }
    return width
  }

  static func of(_ scalar: Unicode.Scalar) -> Int {
    let value = scalar.value
    switch value {
    case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F: return 0
    case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
      0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x20000...0x3FFFD:
      return 2
    default: return value < 0x20 ? 0 : 1
    }
  }

  /// The text padded with spaces to a display width (left-aligned, or right-aligned for numbers).
  static func pad(_ text: String, to width: Int, right: Bool = false) -> String {
    let padding = String(repeating: " ", count: max(0, width - of(text)))
    return right ? padding + text : text + padding
  }

  /// The text cut to a display width, ending in `…` where it was cut.
  static func truncated(_ text: String, to width: Int) -> String {
    guard of(text) > width, width > 1 else { return text }
    var result = ""
    var used = 0
    for character in text {
      let characterWidth = of(String(character))
      if used + characterWidth > width - 1 { break }
      result.append(character)
      used += characterWidth
    }
    return result + "…"
  }

  /// Every line of a text wider than `width` wrapped to it, its continuation lines indented two columns past the
  /// line's own indentation; narrower lines as they are.
  static func fitted(_ text: String, to width: Int) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { line -> String in
      let line = String(line)
      guard of(line) > width else { return line }
      let indent = String(repeating: " ", count: line.prefix { $0 == " " }.count + 2)
      return wrapped(line, to: width, indent: indent)
    }.joined(separator: "\n")
  }

  /// The text broken into lines of at most a display width (Chinese breaks between any two characters, other text
  /// at spaces where it can), each line after the first starting with `indent`.
  static func wrapped(_ text: String, to width: Int, indent: String = "") -> String {
    guard of(text) > width else { return text }
    var lines: [String] = []
    var line = ""
    var lineWidth = 0
    var lastSpace: String.Index?
    let indentWidth = of(indent)
    for character in text {
      let characterWidth = of(String(character))
      let limit = lines.isEmpty ? width : width - indentWidth
      if lineWidth + characterWidth > limit, !line.isEmpty {
        if let space = lastSpace, characterWidth == 1, character != " " {
          // Break at the last space for words; the word's start moves to the next line.
          let rest = String(line[line.index(after: space)...])
          lines.append(String(line[..<space]))
          line = rest
          lineWidth = of(rest)
        } else {
          lines.append(line)
          line = ""
          lineWidth = 0
        }
        lastSpace = nil
        if character == " " { continue }
      }
      if character == " " { lastSpace = line.endIndex }
      if characterWidth == 2 { lastSpace = nil }
      line.append(character)
      lineWidth += characterWidth
    }
    if !line.isEmpty { lines.append(line) }
    return lines.enumerated().map { $0.offset == 0 ? $0.element : indent + $0.element }.joined(separator: "\n")
  }
}
