import Foundation

/// The bytes of an input chunk: a buffer of its own, or a stretch of a file mapped into memory.
///
/// An input file (JSON Lines or a JSON array) is mapped rather than read: reading copies every byte from the
/// kernel's page cache into the process (on this project's machines that copy cost a sixth of a whole batch run),
/// while a mapping lets workers read the cached pages where they are.
enum ChunkBytes: Sendable {
  case owned([UInt8])
  case mapped(MappedFile, Range<Int>)

  /// How many bytes there are.
  var count: Int {
    switch self {
    case .owned(let bytes): return bytes.count
    case .mapped(_, let range): return range.count
    }
  }

  /// Calls `body` with the bytes.
  func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
    switch self {
    case .owned(let bytes): return try bytes.withUnsafeBufferPointer(body)
    case .mapped(let file, let range): return try body(UnsafeBufferPointer(rebasing: file.bytes[range]))
    }
  }

  /// Tells that the chunk is scored, so that a mapped file's pages can leave the process's resident memory (the
  /// file stays in the page cache): a batch never holds much more of a file than its chunks in flight.
  func release() {
    if case .mapped(let file, let range) = self { file.finished(range) }
  }
}
