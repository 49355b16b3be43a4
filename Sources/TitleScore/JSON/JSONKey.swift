/// An object key as it stands in the document, compared against literals without building a `String`.
///
/// `switch key { case "id": … }` works through `~=`; keys with escapes are decoded once and compared as text.
struct JSONKey {
  private let raw: UnsafeBufferPointer<UInt8>?
  private let decoded: String?

  init(raw: UnsafeBufferPointer<UInt8>) {
    self.raw = raw
    self.decoded = nil
  }

  init(text: String) {
    self.raw = nil
    self.decoded = text
  }

  /// The key as text, for messages and open-ended maps.
  var string: String {
    if let decoded { return decoded }
    return String(decoding: raw!, as: UTF8.self)
  }

  /// The key read as a whole number, such as a year.
  var integer: Int? {
    guard let raw else { return Int(decoded!) }
    guard !raw.isEmpty, raw.count <= 9 else { return nil }
    var value = 0
    for byte in raw {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
    if let left = lhs.raw, let right = rhs.raw {
      guard left.count == right.count else { return false }
      for offset in 0..<left.count where left[offset] != right[offset] { return false }
      return true
    }
    return lhs.string == rhs.string
  }

  @inline(__always)
  static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
    key.equals(pattern)
  }

  @inline(__always)
  func equals(_ literal: StaticString) -> Bool {
    guard let raw else { return decoded! == literal.description }
    let count = literal.utf8CodeUnitCount
    guard raw.count == count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<count where raw[offset] != pointer[offset] { return false }
    return true
  }
}
