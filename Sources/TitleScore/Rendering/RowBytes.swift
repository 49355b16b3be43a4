import Foundation

/// One report row's bytes while it is rendered, in memory of its own.
///
/// Appending to an array passed `inout` checks on every byte that the array is not shared and has room, through a
/// call into the runtime; a CSV row took some fifty such appends. A row is rendered here, where an append checks
/// only for room, and goes into the block's array in one piece.
struct RowBytes: ~Copyable, ByteAppending {
  private var base: UnsafeMutablePointer<UInt8>
  private var capacity: Int
  /// How many bytes the row has.
  private(set) var count = 0

  /// An empty row with room for `capacity` bytes; it grows as needed.
  init(capacity: Int = 1024) {
    self.capacity = max(16, capacity)
    base = .allocate(capacity: self.capacity)
  }

  deinit {
    base.deallocate()
  }

  /// The row's bytes, valid until the row changes.
  var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }

  @inline(__always)
  mutating func append(_ byte: UInt8) {
    if count == capacity { grow(toHold: count + 1) }
    base[count] = byte
    count += 1
  }

  @inline(__always)
  mutating func append(contentsOf bytes: UnsafeBufferPointer<UInt8>) {
    guard let source = bytes.baseAddress, !bytes.isEmpty else { return }
    if count + bytes.count > capacity { grow(toHold: count + bytes.count) }
    (base + count).update(from: source, count: bytes.count)
    count += bytes.count
  }

  /// Inserts a byte at a position, moving the bytes after it along.
  mutating func insert(_ byte: UInt8, at position: Int) {
    precondition(position >= 0 && position <= count)
    if count == capacity { grow(toHold: count + 1) }
    (base + position + 1).update(from: base + position, count: count - position)
    base[position] = byte
    count += 1
  }

  /// Keeps the first `length` bytes.
  mutating func truncate(to length: Int) {
    precondition(length >= 0 && length <= count)
    count = length
  }

  /// Empties the row, keeping its memory.
  mutating func removeAll() {
    count = 0
  }

  private mutating func grow(toHold needed: Int) {
    var newCapacity = capacity * 2
    while newCapacity < needed { newCapacity *= 2 }
    let newBase = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
    newBase.initialize(from: base, count: count)
    base.deallocate()
    base = newBase
    capacity = newCapacity
  }
}
