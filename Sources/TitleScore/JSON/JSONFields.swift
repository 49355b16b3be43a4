/// The fields of a kind of JSON object that a decoder knows, as an enumeration whose cases are named as the keys
/// are written, listed in the order documents usually give them.
typealias JSONFieldName = CaseIterable & RawRepresentable<String>

/// The fields of a kind of JSON object, by position, with their keys laid out for `JSONScanner.nextField`.
struct JSONFields<Field: JSONFieldName>: Sendable where Field: Sendable {
  /// The fields, by position.
  let cases: [Field]
  /// Their keys, at the same positions.
  let keys: KnownKeys

  init() {
    cases = Array(Field.allCases)
    precondition(cases.count <= 64, "a field's position must fit in a bit set")
    keys = KnownKeys(cases.map(\.rawValue))
  }
}

/// The known keys of a kind of JSON object, laid out so that `JSONScanner.nextField` can recognize a key in the
/// document by comparing two words, without finding where the key ends or comparing it text by text.
///
/// Each key is kept as its first 16 bytes in quotes (`"name"`), padded into two little-endian words with a mask of
/// the bytes that count. Quotes included, a match cannot be the start of a longer key. The few keys of more than 14
/// bytes compare the rest of their bytes when their first 16 match.
struct KnownKeys: Sendable {
  /// Each key in quotes, as words and masks.
  let patterns: [QuotedKeyPattern]
  /// Each key's bytes.
  private let names: [[UInt8]]

  init(_ names: [String]) {
    self.names = names.map { Array($0.utf8) }
    patterns = self.names.map(QuotedKeyPattern.init)
  }

  /// The position of a key read from the document, if it is known.
  func position(of key: JSONKey) -> Int? {
    names.firstIndex { $0.elementsEqual(key.utf8) }
  }

  /// Whether the bytes after the first 16 of a quoted key are those of the key at a position.
  @inline(never)
  func restMatches(_ position: Int, _ following: UnsafeBufferPointer<UInt8>) -> Bool {
    // The quoted key's 17th byte is its name's 16th; its closing quote comes after the name.
    let rest = names[position][15...]
    guard following.count > rest.count, following[rest.count] == UInt8(ascii: "\"") else { return false }
    return following.prefix(rest.count).elementsEqual(rest)
  }
}

/// The first 16 bytes of one key in quotes, as `KnownKeys` keeps it.
struct QuotedKeyPattern: Sendable {
  /// The first 16 bytes of `"key"`, zero past its end.
  let low: UInt64
  let high: UInt64
  /// Which bytes of `low` and `high` belong to the key.
  let lowMask: UInt64
  let highMask: UInt64
  /// The quoted key's length in bytes; past 16, `KnownKeys.restMatches` compares the rest.
  let length: Int

  init(_ key: [UInt8]) {
    let quoted = [UInt8(ascii: "\"")] + key + [UInt8(ascii: "\"")]
    func word(_ offset: Int) -> (value: UInt64, mask: UInt64) {
      var value: UInt64 = 0
      var mask: UInt64 = 0
      for byte in 0..<8 where offset + byte < quoted.count {
        value |= UInt64(quoted[offset + byte]) << (8 * UInt64(byte))
        mask |= 0xFF << (8 * UInt64(byte))
      }
      return (value, mask)
    }
    (low, lowMask) = word(0)
    (high, highMask) = word(8)
    length = quoted.count
  }

  /// Whether 16 document bytes, read as `low` and `high`, start with the quoted key (its first 16 bytes).
  @inline(__always)
  func matches(low documentLow: UInt64, high documentHigh: UInt64) -> Bool {
    (documentLow ^ low) & lowMask | (documentHigh ^ high) & highMask == 0
  }
}
