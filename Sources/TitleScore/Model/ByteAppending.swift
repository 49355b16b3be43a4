/// Somewhere UTF-8 bytes are appended: an array, or a report row being rendered (`RowBytes`). The writers of numbers
/// and report cells are generic over it, so that each is compiled for the buffer it fills.
protocol ByteAppending: ~Copyable {
  /// Appends one byte.
  mutating func append(_ byte: UInt8)
  /// Appends bytes.
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>)
}

extension Array: ByteAppending where Element == UInt8 {}

extension ByteAppending where Self: ~Copyable {
  /// Appends a text's UTF-8 bytes.
  @inline(__always)
  mutating func append(utf8 text: String) {
    var text = text
    text.withUTF8 { append(contentsOf: $0) }
  }

  /// Appends a literal's UTF-8 bytes.
  @inline(__always)
  mutating func append(literal: StaticString) {
    append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
  }
}
