/// An object key as it stands in the document, compared against literals without building a `String`.
///
/// `switch key { case "id": … }` works through `~=`. A key is a view of bytes and costs nothing to copy or drop;
/// keys written with escapes are decoded once into storage the scanner keeps (`DecodedKeys`).
struct JSONKey {
  /// The key's UTF-8 text, escapes resolved.
  let utf8: UnsafeBufferPointer<UInt8>

  init(utf8: UnsafeBufferPointer<UInt8>) {
    self.utf8 = utf8
  }

  /// The key as text, for messages and open-ended maps.
  var string: String { String(decoding: utf8, as: UTF8.self) }

  /// The key read as a whole number, such as a year.
  var integer: Int? {
    guard !utf8.isEmpty, utf8.count <= 9 else { return nil }
    var value = 0
    for byte in utf8 {
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int(byte - UInt8(ascii: "0"))
    }
    return value
  }

  static func == (lhs: JSONKey, rhs: JSONKey) -> Bool {
    lhs.utf8.elementsEqual(rhs.utf8)
  }

  @inline(__always)
  static func ~= (pattern: StaticString, key: JSONKey) -> Bool {
    key.equals(pattern)
  }

  @inline(__always)
  func equals(_ literal: StaticString) -> Bool {
    let count = literal.utf8CodeUnitCount
    guard utf8.count == count else { return false }
    let pointer = literal.utf8Start
    for offset in 0..<count where utf8[offset] != pointer[offset] { return false }
    return true
  }
}

/// Keys that were written with escapes, decoded, and kept as long as the scanner that read them.
final class DecodedKeys {
  private var buffers: [UnsafeMutableBufferPointer<UInt8>] = []

  /// Stores a decoded key and returns a view of it that stays valid while this store lives.
  func store(_ text: String) -> UnsafeBufferPointer<UInt8> {
    let bytes = Array(text.utf8)
    let buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
    _ = buffer.initialize(from: bytes)
    buffers.append(buffer)
    return UnsafeBufferPointer(rebasing: buffer[0..<bytes.count])
  }

  deinit {
    for buffer in buffers { buffer.deallocate() }
  }
}
