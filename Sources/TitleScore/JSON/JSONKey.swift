/// An object key as it stands in the document, read without building a `String`: a key of an open-ended map (a
/// year, an item id), or one that `JSONScanner.nextField` looks up among an object's known keys.
///
/// A key is a view of bytes and costs nothing to copy or drop; keys written with escapes are decoded once into
/// storage the scanner keeps (`DecodedKeys`).
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
