/// A forward-only, allocation-light reader of one JSON text held in memory.
///
/// Decoders pull values from it in document order. It never builds a tree, which is what lets the batch runner
/// decode portfolios at close to the speed of a plain parse.
struct JSONScanner {
  /// The kinds of JSON value, as told by the first byte of a value.
  enum Kind { case object, array, string, number, bool, null }

  let bytes: UnsafeBufferPointer<UInt8>
  private(set) var index: Int
  /// Keys written with escapes, decoded; made only when one is met.
  private var decodedKeys: DecodedKeys?

  /// A scanner at the start of a text; a UTF-8 byte-order mark there (as Windows editors write one) is passed over.
  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    self.bytes = bytes
    self.index = JSONScanner.byteOrderMarkLength(bytes)
  }

  /// 3 when the text starts with the UTF-8 byte-order mark, else 0.
  @inline(__always)
  static func byteOrderMarkLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
    bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF ? 3 : 0
  }

  /// How deep arrays and objects may nest in any JSON the tool reads. Sheets nest about ten levels and portfolios
  /// five; beyond this a text is refused (`nesting-too-deep`) before a reader recurses, so no input can exhaust the
  /// stack.
  static let maximumDepth = 512

  // MARK: - Errors

  /// An error at the current position, with line and column worked out from the text before it.
  func failure(_ expected: MessageKey) -> JSONSyntaxError {
    var line = 1
    var lineStart = 0
    let end = min(index, bytes.count)
    var position = 0
    while position < end {
      if bytes[position] == UInt8(ascii: "\n") {
        line += 1
        lineStart = position + 1
      }
      position += 1
    }
    return JSONSyntaxError(offset: index, line: line, column: index - lineStart + 1, expected: expected)
  }

  /// Throws the error for the current position. Kept out of line so that the paths that do not fail stay small:
  /// building the error inline gave every scanning function a large stack frame to set up on each call.
  @inline(never)
  func fail(_ expected: MessageKey) throws(JSONSyntaxError) -> Never {
    throw failure(expected)
  }

  /// Throws the error for nesting deeper than `maximumDepth` at the current position.
  @inline(never)
  func failTooDeep() throws(JSONSyntaxError) -> Never {
    var error = failure(.syntaxNestingLimit)
    error.isTooDeep = true
    throw error
  }

  // MARK: - Structure

  @inline(__always)
  mutating func skipWhitespace() {
    // Most values follow their separator directly: one test, and no loop, for them.
    if index < bytes.count && bytes[index] > 0x20 { return }
    while index < bytes.count {
      switch bytes[index] {
      case 0x20, 0x0A, 0x0D, 0x09: index += 1
      default: return
      }
    }
  }

  /// The kind of the next value, after skipping white space.
  @inline(__always)
  mutating func peekKind() throws(JSONSyntaxError) -> Kind {
    skipWhitespace()
    guard index < bytes.count else { try fail(.syntaxValue) }
    switch bytes[index] {
    case UInt8(ascii: "{"): return .object
    case UInt8(ascii: "["): return .array
    case UInt8(ascii: "\""): return .string
    case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
    case UInt8(ascii: "n"): return .null
    case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
    default: try fail(.syntaxValue)
    }
  }

  @inline(__always)
  private mutating func expect(_ byte: UInt8, _ what: MessageKey) throws(JSONSyntaxError) {
    skipWhitespace()
    guard index < bytes.count, bytes[index] == byte else { try fail(what) }
    index += 1
  }

  mutating func beginObject() throws(JSONSyntaxError) { try expect(UInt8(ascii: "{"), .syntaxOpenBrace) }
  mutating func beginArray() throws(JSONSyntaxError) { try expect(UInt8(ascii: "["), .syntaxOpenBracket) }

  /// The next member's key, leaving the scanner at its value; nil at the closing brace.
  mutating func nextKey(_ isFirst: inout Bool) throws(JSONSyntaxError) -> String? {
    try nextRawKey(&isFirst)?.string
  }

  /// The next member's key without copying it, leaving the scanner at its value; nil at the closing brace.
  mutating func nextRawKey(_ isFirst: inout Bool) throws(JSONSyntaxError) -> JSONKey? {
    guard try enterMember(&isFirst) else { return nil }
    return try readKey()
  }

  /// What `nextField` found: a known key, by position, or another key.
  enum FieldKey {
    case known(Int)
    case unknown(JSONKey)
  }

  /// The next member's key among an object's known keys, leaving the scanner at its value; nil at the closing
  /// brace.
  ///
  /// The usual case is tried first, inline: the `expected` key (the one that usually follows the last), in quotes
  /// straight after the separator and followed straight by its colon, recognized by comparing two words of the
  /// document with it. Anything else goes the longer way (`nextFieldAnyWay`).
  @inline(__always)
  mutating func nextField(of keys: KnownKeys, expected: Int, _ isFirst: inout Bool) throws(JSONSyntaxError)
    -> FieldKey?
  {
    let start = isFirst ? index : index + 1
    if expected < keys.patterns.count, start + 16 < bytes.count, let base = bytes.baseAddress,
      isFirst || bytes[index] == UInt8(ascii: ",")
    {
      let pattern = keys.patterns[expected]
      let raw = UnsafeRawPointer(base + start)
      if pattern.length <= 16,
        pattern.matches(
          low: UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
          high: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))),
        bytes[start + pattern.length] == UInt8(ascii: ":")
      {
        index = start + pattern.length + 1
        isFirst = false
        return .known(expected)
      }
    }
    return try nextFieldAnyWay(of: keys, expected: expected, &isFirst)
  }

  /// `nextField` for every other case: white space, keys in another order, long keys, keys written with escapes,
  /// unknown keys, the closing brace. The known keys are tried from `expected` on, each by comparing two words of
  /// the document with the key in quotes; a key not recognized that way (unknown, written with escapes, or in the
  /// last 16 bytes of the text) is read as `nextRawKey` reads it and then looked up.
  @inline(never)
  private mutating func nextFieldAnyWay(of keys: KnownKeys, expected: Int, _ isFirst: inout Bool)
    throws(JSONSyntaxError) -> FieldKey?
  {
    guard try enterMember(&isFirst) else { return nil }
    if let position = knownKey(keys, from: expected) {
      index += keys.patterns[position].length
      try expect(UInt8(ascii: ":"), .syntaxColon)
      return .known(position)
    }
    return try readAndLookUpKey(keys)
  }

  /// The position of the known key whose quoted bytes start at the scanner, trying them from `expected` on.
  @inline(__always)
  private func knownKey(_ keys: KnownKeys, from expected: Int) -> Int? {
    guard index + 16 <= bytes.count, let base = bytes.baseAddress else { return nil }
    let raw = UnsafeRawPointer(base + index)
    let low = UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self))
    let high = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self))
    let patterns = keys.patterns
    var candidate = expected < patterns.count ? expected : 0
    for _ in 0..<patterns.count {
      let pattern = patterns[candidate]
      if pattern.matches(low: low, high: high)
        && (pattern.length <= 16 || keys.restMatches(candidate, UnsafeBufferPointer(rebasing: bytes[(index + 16)...])))
      {
        return candidate
      }
      candidate = candidate + 1 == patterns.count ? 0 : candidate + 1
    }
    return nil
  }

  /// The key at the scanner read in full, then looked up among the known keys.
  @inline(never)
  private mutating func readAndLookUpKey(_ keys: KnownKeys) throws(JSONSyntaxError) -> FieldKey {
    let key = try readKey()
    return keys.position(of: key).map(FieldKey.known) ?? .unknown(key)
  }

  /// Moves past the separator before an object's next member; false, past the closing brace, when there is none.
  @inline(__always)
  private mutating func enterMember(_ isFirst: inout Bool) throws(JSONSyntaxError) -> Bool {
    skipWhitespace()
    guard index < bytes.count else { try fail(.syntaxBraceOrKey) }
    if bytes[index] == UInt8(ascii: "}") {
      index += 1
      return false
    }
    if !isFirst {
      guard bytes[index] == UInt8(ascii: ",") else { try fail(.syntaxCommaOrBrace) }
      index += 1
      skipWhitespace()
    }
    isFirst = false
    return true
  }

  /// Reads a key in quotes and the colon after it.
  private mutating func readKey() throws(JSONSyntaxError) -> JSONKey {
    guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { try fail(.syntaxKeyInQuotes) }
    let start = index + 1
    let end = endOfPlainText(from: start)
    let key: JSONKey
    if end < bytes.count && bytes[end] == UInt8(ascii: "\"") {
      key = JSONKey(utf8: UnsafeBufferPointer(rebasing: bytes[start..<end]))
      index = end + 1
    } else {
      let text = try readString()
      let store = decodedKeys ?? DecodedKeys()
      decodedKeys = store
      key = JSONKey(utf8: store.store(text))
    }
    try expect(UInt8(ascii: ":"), .syntaxColon)
    return key
  }

  /// Whether another array element follows, leaving the scanner at it; false at the closing bracket.
  mutating func nextElement(_ isFirst: inout Bool) throws(JSONSyntaxError) -> Bool {
    skipWhitespace()
    guard index < bytes.count else { try fail(.syntaxBracketOrValue) }
    if bytes[index] == UInt8(ascii: "]") {
      index += 1
      return false
    }
    if !isFirst {
      guard bytes[index] == UInt8(ascii: ",") else { try fail(.syntaxCommaOrBracket) }
      index += 1
    }
    isFirst = false
    return true
  }

  /// Checks that nothing but white space follows the value just read.
  mutating func expectEnd() throws(JSONSyntaxError) {
    skipWhitespace()
    if index < bytes.count { try fail(.syntaxEndOfText) }
  }

  // MARK: - Scalars

  mutating func readString() throws(JSONSyntaxError) -> String {
    if let raw = try readRawString() {
      guard let text = JSONScanner.string(raw) else { try fail(.syntaxValidUtf8) }
      return text
    }
    try expect(UInt8(ascii: "\""), .syntaxString)
    return try readEscapedString(from: index)
  }

  /// Reads a string without escapes and returns a view of its bytes in the document, not yet checked to be UTF-8;
  /// nil (and the scanner unmoved) when it has escapes, which `readString` decodes.
  mutating func readRawString() throws(JSONSyntaxError) -> UnsafeBufferPointer<UInt8>? {
    try expect(UInt8(ascii: "\""), .syntaxString)
    let start = index
    index = endOfPlainText(from: start)
    guard index < bytes.count else { try fail(.syntaxClosingQuote) }
    switch bytes[index] {
    case UInt8(ascii: "\""):
      index += 1
      return UnsafeBufferPointer(rebasing: bytes[start..<(index - 1)])
    case UInt8(ascii: "\\"):
      index = start - 1
      return nil
    default:
      try fail(.syntaxNoControlCharacters)
    }
  }

  /// The position of the first quote, backslash or control character from `start` (or the end of the text): where
  /// plain string text stops. Looks at eight bytes at a time.
  @inline(__always)
  private func endOfPlainText(from start: Int) -> Int {
    var position = start
    let count = bytes.count
    if let base = bytes.baseAddress {
      let raw = UnsafeRawPointer(base)
      let ones: UInt64 = 0x0101_0101_0101_0101
      let highs: UInt64 = 0x8080_8080_8080_8080
      while position + 8 <= count {
        let word = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: position, as: UInt64.self))
        let quote = word ^ (ones &* 0x22)
        let backslash = word ^ (ones &* 0x5C)
        // A byte is flagged when it is zero after the XOR (a quote or a backslash) or below 0x20; the lowest
        // flagged byte is always a true one.
        let found =
          ((quote &- ones) & ~quote | (backslash &- ones) & ~backslash | (word &- (ones &* 0x20)) & ~word) & highs
        if found != 0 { return position + found.trailingZeroBitCount / 8 }
        position += 8
      }
    }
    while position < count {
      let byte = bytes[position]
      if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") || byte < 0x20 { return position }
      position += 1
    }
    return position
  }

  /// Skips a string, checking it as `readString` would, without building it.
  mutating func skipString() throws(JSONSyntaxError) {
    if let raw = try readRawString() {
      guard UTF8Validation.isValid(raw) else { try fail(.syntaxValidUtf8) }
    } else {
      _ = try readString()
    }
  }

  /// The text of raw string bytes, or nil when they are not well-formed UTF-8.
  static func string(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    guard UTF8Validation.isValid(raw) else { return nil }
    return String(checkedUTF8: raw)
  }

  private mutating func readEscapedString(from start: Int) throws(JSONSyntaxError) -> String {
    var utf8 = Array(UnsafeBufferPointer(rebasing: bytes[start..<index]))
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      switch byte {
      case UInt8(ascii: "\""):
        guard let text = String(validating: utf8, as: UTF8.self) else { try fail(.syntaxValidUtf8) }
        return text
      case UInt8(ascii: "\\"):
        guard index < bytes.count else { try fail(.syntaxEscape) }
        let escape = bytes[index]
        index += 1
        switch escape {
        case UInt8(ascii: "\""): utf8.append(0x22)
        case UInt8(ascii: "\\"): utf8.append(0x5C)
        case UInt8(ascii: "/"): utf8.append(0x2F)
        case UInt8(ascii: "b"): utf8.append(0x08)
        case UInt8(ascii: "f"): utf8.append(0x0C)
        case UInt8(ascii: "n"): utf8.append(0x0A)
        case UInt8(ascii: "r"): utf8.append(0x0D)
        case UInt8(ascii: "t"): utf8.append(0x09)
        case UInt8(ascii: "u"):
          var scalar = try readHex4()
          if (0xD800..<0xDC00).contains(scalar) {
            guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"), bytes[index + 1] == UInt8(ascii: "u")
            else { try fail(.syntaxLowSurrogate) }
            index += 2
            let low = try readHex4()
            guard (0xDC00..<0xE000).contains(low) else { try fail(.syntaxLowSurrogate) }
            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
          }
          guard let unicode = Unicode.Scalar(scalar) else { try fail(.syntaxValidUnicodeEscape) }
          utf8.append(contentsOf: String(Character(unicode)).utf8)
        default:
          try fail(.syntaxValidEscape)
        }
      default:
        if byte < 0x20 { try fail(.syntaxNoControlCharacters) }
        utf8.append(byte)
      }
    }
    try fail(.syntaxClosingQuote)
  }

  private mutating func readHex4() throws(JSONSyntaxError) -> UInt32 {
    guard index + 4 <= bytes.count else { try fail(.syntaxFourHexDigits) }
    var value: UInt32 = 0
    for _ in 0..<4 {
      let byte = bytes[index]
      let digit: UInt32
      switch byte {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(byte - UInt8(ascii: "0"))
      case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(byte - UInt8(ascii: "a") + 10)
      case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(byte - UInt8(ascii: "A") + 10)
      default: try fail(.syntaxFourHexDigits)
      }
      value = value << 4 | digit
      index += 1
    }
    return value
  }

  /// Reads a number and returns its text, checked against the JSON grammar.
  mutating func readNumberText() throws(JSONSyntaxError) -> JSONNumber {
    JSONNumber(utf8: UnsafeBufferPointer(rebasing: bytes[try readNumberSpan()]))
  }

  /// Reads a whole number of one to nine digits, the commonest number in a portfolio (a rank, hours), in one pass;
  /// nil, with the scanner unmoved but for white space, for any other number (a sign, a fraction, an exponent, a
  /// leading zero, more digits) or value, which `readNumberSpan` then reads.
  @inline(__always)
  mutating func readSmallWholeNumber() -> Int? {
    skipWhitespace()
    var position = index
    var value = 0
    while position < bytes.count && position - index < 10 {
      let digit = bytes[position] &- UInt8(ascii: "0")
      guard digit < 10 else { break }
      value = value * 10 + Int(digit)
      position += 1
    }
    let length = position - index
    guard length > 0, length <= 9, length == 1 || bytes[index] != UInt8(ascii: "0") else { return nil }
    if position < bytes.count {
      let next = bytes[position]
      if next == UInt8(ascii: ".") || next == UInt8(ascii: "e") || next == UInt8(ascii: "E") { return nil }
    }
    index = position
    return value
  }

  /// Reads a number, checked against the JSON grammar, and returns where its text lies, without copying it.
  mutating func readNumberSpan() throws(JSONSyntaxError) -> Range<Int> {
    skipWhitespace()
    let start = index
    func isDigit(_ at: Int) -> Bool {
      at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9")
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "-") { index += 1 }
    guard isDigit(index) else { try fail(.syntaxNumber) }
    if bytes[index] == UInt8(ascii: "0") {
      index += 1
    } else {
      while isDigit(index) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
      index += 1
      guard isDigit(index) else { try fail(.syntaxFractionDigits) }
      while isDigit(index) { index += 1 }
    }
    if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
      index += 1
      if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") { index += 1 }
      guard isDigit(index) else { try fail(.syntaxExponentDigits) }
      while isDigit(index) { index += 1 }
    }
    return start..<index
  }

  /// The text of a number span, for messages.
  func text(of span: Range<Int>) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[span]), as: UTF8.self)
  }

  /// The number in a span as exact points, or nil (see `Points(exactlyUTF8:)`).
  func points(in span: Range<Int>) -> Points? {
    Points(exactlyUTF8: UnsafeBufferPointer(rebasing: bytes[span]))
  }

  /// The number in a span as a whole number, or nil if it has a fraction or an exponent or does not fit.
  func integer(in span: Range<Int>) -> Int? {
    var position = span.lowerBound
    var negative = false
    if position < span.upperBound && bytes[position] == UInt8(ascii: "-") {
      negative = true
      position += 1
    }
    guard position < span.upperBound, span.upperBound - position <= 18 else { return nil }
    var value = 0
    while position < span.upperBound {
      let byte = bytes[position]
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
      position += 1
    }
    return negative ? -value : value
  }

  /// Reads a `"YYYY-MM-DD"` string as a date without building a `String`; nil (and the scanner unmoved) when the
  /// next value is not a string of that exact shape, so the caller can read it as text and explain.
  mutating func readDayIfWellFormed() -> Day? {
    skipWhitespace()
    guard index + 12 <= bytes.count, bytes[index] == UInt8(ascii: "\""), bytes[index + 11] == UInt8(ascii: "\""),
      bytes[index + 5] == UInt8(ascii: "-"), bytes[index + 8] == UInt8(ascii: "-")
    else { return nil }
    // Each digit as its value; a byte that is not a digit wraps to 10 or more.
    let start = index
    @inline(__always) func digit(_ offset: Int) -> Int { Int(bytes[start + offset] &- UInt8(ascii: "0")) }
    let (y1, y2, y3, y4) = (digit(1), digit(2), digit(3), digit(4))
    let (m1, m2, d1, d2) = (digit(6), digit(7), digit(9), digit(10))
    guard y1 < 10, y2 < 10, y3 < 10, y4 < 10, m1 < 10, m2 < 10, d1 < 10, d2 < 10,
      let date = Day(year: y1 * 1000 + y2 * 100 + y3 * 10 + y4, month: m1 * 10 + m2, day: d1 * 10 + d2)
    else { return nil }
    index += 12
    return date
  }

  mutating func readBool() throws(JSONSyntaxError) -> Bool {
    skipWhitespace()
    if matches("true") { return true }
    if matches("false") { return false }
    try fail(.syntaxTrueOrFalse)
  }

  /// Consumes a `null` if one is next.
  mutating func readNullIfPresent() -> Bool {
    skipWhitespace()
    return matches("null")
  }

  private mutating func matches(_ word: StaticString) -> Bool {
    let count = word.utf8CodeUnitCount
    guard index + count <= bytes.count else { return false }
    let pointer = word.utf8Start
    for offset in 0..<count where bytes[index + offset] != pointer[offset] { return false }
    index += count
    return true
  }

  /// Moves past the next member's key, looked at where it lies (never made into a string); false at the closing
  /// brace.
  private mutating func skipKey(_ isFirst: inout Bool) throws(JSONSyntaxError) -> Bool {
    guard let key = try nextRawKey(&isFirst) else { return false }
    guard UTF8Validation.isValid(key.utf8) else { try fail(.syntaxValidUtf8) }
    return true
  }

  /// Skips one whole value of any kind.
  mutating func skipValue() throws(JSONSyntaxError) {
    // Without recursion: the open containers are a stack of bits (1 for an object), so skipping any value costs no
    // stack, and nesting is bounded like everywhere else.
    var open: [Bool] = []
    var first = true
    while true {
      switch try peekKind() {
      case .object:
        try beginObject()
        open.append(true)
        first = true
      case .array:
        try beginArray()
        open.append(false)
        first = true
      case .string: try skipString()
      case .number: _ = try readNumberSpan()
      case .bool: _ = try readBool()
      case .null: _ = readNullIfPresent()
      }
      if open.count > JSONScanner.maximumDepth { try failTooDeep() }
      // Close what ends here; stop at the next value to skip, or when nothing is open.
      while let isObject = open.last {
        let more = isObject ? try skipKey(&first) : try nextElement(&first)
        if more { break }
        open.removeLast()
        first = false
      }
      if open.isEmpty { return }
    }
  }
}
