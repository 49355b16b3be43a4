import Foundation

/// A regular file mapped read-only into memory, unmapped when the last chunk that reads it is gone; or a text
/// held in memory (an upload) copied into a mapping of its own, read the same way.
///
/// Chunks are handed out front to back and finish in any order. Pages are dropped from memory only below the
/// first chunk still being read, rounded down to 2 MB: the kernel maps a file's pages a whole run at a time (up to
/// a 2 MB aligned folio around the page touched), so dropping the pages of each finished chunk on its own let its
/// neighbours' reads map much of them back (with one job, half the file stayed resident).
///
/// The file must not shrink while it is read: as with any mapping, reading past its new end would stop the process.
final class MappedFile: @unchecked Sendable {
  /// The file's bytes.
  let bytes: UnsafeBufferPointer<UInt8>
  /// The largest run of pages the kernel maps at once for a file, and so the step in which pages are dropped.
  private static let dropStep = 2 << 20
  private let lock = NSLock()
  /// Where the chunks handed out and not yet finished start, in order.
  private var reading: [Int] = []
  /// The end of the last chunk handed out.
  private var handedOutUpTo = 0
  /// The pages below this offset are dropped.
  private(set) var droppedUpTo = 0

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

  /// A chunk of the file for a worker; chunks are handed out in file order.
  func chunk(_ range: Range<Int>) -> ChunkBytes {
    lock.lock()
    reading.append(range.lowerBound)
    handedOutUpTo = max(handedOutUpTo, range.upperBound)
    lock.unlock()
    return .mapped(self, range)
  }

  /// Records that a chunk is scored, and drops the pages that no chunk still being read (or yet to be handed out)
  /// can map back.
  func finished(_ range: Range<Int>) {
    lock.lock()
    defer { lock.unlock() }
    if let index = reading.firstIndex(of: range.lowerBound) { reading.remove(at: index) }
    let limit = (reading.first ?? handedOutUpTo) / MappedFile.dropStep * MappedFile.dropStep
    guard limit > droppedUpTo, let base = bytes.baseAddress else { return }
    _ = madvise(UnsafeMutableRawPointer(mutating: base + droppedUpTo), limit - droppedUpTo, MADV_DONTNEED)
    droppedUpTo = limit
  }

  /// A mapping of its own holding a copy of `text`, read like a file's; nil for an empty text or when the
  /// mapping cannot be made. Its pages are given back as the chunks finish, as a file's are dropped.
  ///
  /// Safety: the copy fills the whole mapping, made writable for it and made read-only before any chunk reads it;
  /// `finished` drops only pages no chunk can read again, so no chunk ever sees the zeros they read back as.
  init?(copying text: [UInt8]) {
    guard !text.isEmpty,
      let address = mmap(nil, text.count, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0),
      address != MAP_FAILED
    else { return nil }
    text.withUnsafeBytes { address.copyMemory(from: $0.baseAddress!, byteCount: $0.count) }
    _ = mprotect(address, text.count, PROT_READ)
    bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: text.count)
  }

  deinit {
    if let base = bytes.baseAddress { munmap(UnsafeMutableRawPointer(mutating: base), bytes.count) }
  }
}
