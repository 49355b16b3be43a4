import Foundation

/// The bytes of an input chunk: a buffer of its own, or a stretch of a file mapped into memory.
///
/// A JSON Lines file is mapped rather than read: reading copies every byte from the kernel's page cache into the
/// process (on this project's machines that copy cost a sixth of a whole batch run), while a mapping lets workers
/// read the cached pages where they are.
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

  /// Lets the memory go once the chunk is scored: a mapped stretch leaves the process's resident memory (the file
  /// stays in the page cache), so a batch never holds more of a file than its chunks in flight.
  func release() {
    if case .mapped(let file, let range) = self { file.release(range) }
  }
}

/// A regular file mapped read-only into memory, unmapped when the last chunk that reads it is gone.
///
/// The file must not shrink while it is read: as with any mapping, reading past its new end would stop the process.
final class MappedFile: @unchecked Sendable {
  /// The file's bytes.
  let bytes: UnsafeBufferPointer<UInt8>
  private let pageSize = Int(sysconf(Int32(_SC_PAGESIZE)))

  /// Maps a regular, non-empty file; nil when it cannot be mapped (the caller then reads it as a stream).
  init?(path: String) {
    let descriptor = open(path, O_RDONLY)
    guard descriptor >= 0 else { return nil }
    defer { close(descriptor) }
    var status = stat()
    guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG, status.st_size > 0 else {
      return nil
    }
    let size = Int(status.st_size)
    guard let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED else {
      return nil
    }
    // Read front to back: the kernel reads ahead further and drops pages behind sooner.
    _ = madvise(address, size, MADV_SEQUENTIAL)
    bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
  }

  /// Drops a stretch's pages from the process's memory. Pages at the ends may hold bytes of neighbouring chunks
  /// still being read: they are read back from the page cache when touched again, since nothing writes to them.
  func release(_ range: Range<Int>) {
    guard let base = bytes.baseAddress else { return }
    let start = range.lowerBound / pageSize * pageSize
    let end = min(bytes.count, (range.upperBound + pageSize - 1) / pageSize * pageSize)
    guard start < end else { return }
    _ = madvise(UnsafeMutableRawPointer(mutating: base + start), end - start, MADV_DONTNEED)
  }

  deinit {
    if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
  }
}
