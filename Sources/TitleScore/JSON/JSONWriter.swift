/// Writes JSON text: string escaping in one tested place, objects in the order given.
package struct JSONWriter: Sendable {
  /// The text written so far, as UTF-8 (appending bytes costs a copy; appending to a `String` cost a check of the
  /// string's storage on every piece, the larger part of writing an explained result).
  package private(set) var bytes: [UInt8] = []
  /// The text written so far.
  package var output: String { String(decoding: bytes, as: UTF8.self) }
  /// Whether every member and element starts a line of its own, indented two spaces a level.
  private let pretty: Bool
  private var depth = 0
  private var needsComma: [Bool] = []

  /// Creates a writer; `pretty` writes one member a line with two-space indentation.
  package init(pretty: Bool = false) {
    self.pretty = pretty
  }

  /// Appends a text as a JSON string literal: as it is between quotes when nothing in it needs an escape.
  static func appendQuoted(_ text: String, to bytes: inout [UInt8]) {
    // `withUTF8` gives a small string's bytes too (copied to the stack); `withContiguousStorageIfAvailable` gave
    // none for them, and every short key went the slow way.
    var text = text
    let plain = text.withUTF8 { utf8 in
      for byte in utf8 where byte < 0x20 || byte == 0x22 || byte == 0x5C || byte == 0xE2 { return false }
      bytes.append(0x22)
      bytes.append(contentsOf: utf8)
      bytes.append(0x22)
      return true
    }
    if !plain { bytes.append(contentsOf: quoted(text).utf8) }
  }

  /// A JSON string literal for a text, with quotes, backslashes and control characters escaped.
  package static func quoted(_ text: String) -> String {
    // Nearly every text needs no escape: no quote, backslash or control character, and no 0xE2 byte (the lead
    // byte of U+2028 and U+2029, which are escaped). Such a text goes between quotes as it is.
    if text.utf8.allSatisfy({ $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }) { return "\"" + text + "\"" }
    var result = "\""
    result.reserveCapacity(text.utf8.count + 2)
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\"": result += "\\\""
      case "\\": result += "\\\\"
      case "\n": result += "\\n"
      case "\r": result += "\\r"
      case "\t": result += "\\t"
      case "\u{2028}": result += "\\u2028"
      case "\u{2029}": result += "\\u2029"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16)
          result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          result.unicodeScalars.append(scalar)
        }
      }
    }
    result += "\""
    return result
  }

  private mutating func separate() {
    if keyPending {
      keyPending = false
      return
    }
    if let last = needsComma.last {
      if last { bytes.append(UInt8(ascii: ",")) }
      needsComma[needsComma.count - 1] = true
      if pretty { newLine() }
    }
  }

  /// A line break and the current depth's indentation.
  private mutating func newLine() {
    bytes.append(0x0A)
    var indent = 2 * depth
    while indent > 0 {
      let run = min(indent, JSONWriter.spaces.count)
      bytes.append(contentsOf: JSONWriter.spaces[0..<run])
      indent -= run
    }
  }

  private static let spaces = [UInt8](repeating: 0x20, count: 64)

  private mutating func open(_ bracket: UInt8) {
    bytes.append(bracket)
    depth += 1
    needsComma.append(false)
  }

  private mutating func close(_ bracket: UInt8) {
    depth -= 1
    let hadMembers = needsComma.removeLast()
    if hadMembers, pretty { newLine() }
    bytes.append(bracket)
  }

  /// Starts an object as the next value.
  package mutating func beginObject() {
    separate()
    open(UInt8(ascii: "{"))
  }

  /// Ends the innermost object.
  package mutating func endObject() { close(UInt8(ascii: "}")) }

  /// Starts an array as the next value.
  package mutating func beginArray() {
    separate()
    open(UInt8(ascii: "["))
  }

  /// Ends the innermost array.
  package mutating func endArray() { close(UInt8(ascii: "]")) }

  /// Writes a member key; the next value written is its value.
  package mutating func key(_ name: String) {
    separate()
    JSONWriter.appendQuoted(name, to: &bytes)
    bytes.append(UInt8(ascii: ":"))
    if pretty { bytes.append(0x20) }
    keyPending = true
  }

  private var keyPending = false

  private mutating func scalar(_ text: String) {
    separate()
    bytes.append(contentsOf: text.utf8)
  }

  /// Writes a string value.
  package mutating func string(_ value: String) {
    separate()
    JSONWriter.appendQuoted(value, to: &bytes)
  }
  /// Writes a number of points as an exact decimal.
  package mutating func points(_ value: Points) { scalar(value.description) }
  /// Writes an interval of points: a number when exact, `{"min": …, "max": …}` otherwise.
  package mutating func interval(_ value: PointsInterval) {
    if value.isExact {
      points(value.min)
    } else {
      beginObject()
      key("min")
      points(value.min)
      key("max")
      points(value.max)
      endObject()
    }
  }

  /// Writes a number given as its JSON text (`0.25`).
  package mutating func rawNumber(_ text: String) { scalar(text) }
  /// Writes a whole number.
  package mutating func integer(_ value: Int) { scalar(String(value)) }
  /// Writes a boolean.
  package mutating func bool(_ value: Bool) { scalar(value ? "true" : "false") }
  /// Writes null.
  package mutating func null() { scalar("null") }

  /// Writes a member whose value is a string.
  package mutating func member(_ name: String, _ value: String) {
    key(name)
    string(value)
  }

  /// Writes a member whose value is a whole number.
  package mutating func member(_ name: String, integer value: Int) {
    key(name)
    integer(value)
  }

  /// Writes a member whose value is a number of points.
  package mutating func member(_ name: String, points value: Points) {
    key(name)
    points(value)
  }

  /// Writes a member whose value is an interval of points.
  package mutating func member(_ name: String, interval value: PointsInterval) {
    key(name)
    interval(value)
  }

  /// Writes a member whose value is a boolean.
  package mutating func member(_ name: String, bool value: Bool) {
    key(name)
    bool(value)
  }

  /// Writes a member whose value is an array of strings.
  package mutating func member(_ name: String, strings values: [String]) {
    key(name)
    beginArray()
    for value in values { string(value) }
    endArray()
  }

  /// Writes a tree value.
  package mutating func value(_ value: JSONValue) {
    switch value {
    case .null: null()
    case .bool(let flag): bool(flag)
    case .number(let number): scalar(number.text)
    case .string(let text): string(text)
    case .array(let elements):
      beginArray()
      for element in elements { self.value(element) }
      endArray()
    case .object(let members):
      beginObject()
      for member in members {
        key(member.key)
        self.value(member.value)
      }
      endObject()
    }
  }
}
