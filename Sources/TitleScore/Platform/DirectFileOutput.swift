import Foundation

/// Writes a new file past the page cache (Linux's `O_DIRECT`) in large aligned blocks, for reports written once and
/// read later, if ever, by another program.
///
/// Written through the page cache, a 200 MB report is copied into 50,000 freshly allocated cache pages, which on
/// the machines this runs on costs more CPU time than rendering it; written direct, the device reads it from an
/// aligned staging block and the writing thread only waits. Bytes are staged in blocks of `blockSize`; the file is
/// switched to direct writes when the first full block goes out, so a small report never is. A file system that
/// refuses direct writes (tmpfs, some network file systems) gets ordinary writes instead, for the rest of the file.
final class DirectFileOutput {
  /// The size of a staged block: large, so that the device sees few requests.
  static let blockSize = 4 << 20
  /// The alignment of a direct write's address, length and file offset: a page, at least a device block.
  static let alignment = 4096

  private enum Mode { case undecided, direct, buffered }

  private let descriptor: Int32
  private let staging: UnsafeMutableRawBufferPointer
  private var staged = 0
  /// Where the staged block goes in the file: every byte before it is written.
  private var fileOffset = 0
  private var mode = Mode.undecided

  /// An output to a file open for writing at offset 0.
  init(descriptor: Int32) {
    self.descriptor = descriptor
    staging = .allocate(byteCount: Self.blockSize, alignment: Self.alignment)
  }

  deinit {
    staging.deallocate()
  }

  /// Whether the file is being written past the page cache (false until the first full block is out).
  var isDirect: Bool { mode == .direct }

  /// Appends bytes, writing out every block that fills up.
  func write(_ bytes: UnsafeRawBufferPointer) throws(POSIXError) {
    var offset = 0
    while offset < bytes.count {
      let taken = min(bytes.count - offset, Self.blockSize - staged)
      UnsafeMutableRawBufferPointer(rebasing: staging[staged..<(staged + taken)])
        .copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + taken)]))
      staged += taken
      offset += taken
      if staged == Self.blockSize { try writeStaged() }
    }
  }

  /// Writes out the last, partial block. A direct write pads it to the alignment and cuts the file back to its
  /// length afterwards.
  func finish() throws(POSIXError) {
    guard staged > 0 else { return }
    if mode == .direct {
      let length = fileOffset + staged
      let padded = (staged + Self.alignment - 1) / Self.alignment * Self.alignment
      staging.baseAddress!.advanced(by: staged).initializeMemory(as: UInt8.self, repeating: 0, count: padded - staged)
      staged = padded
      try writeStaged()
      if ftruncate(descriptor, off_t(length)) != 0 { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
    } else {
      mode = .buffered
      try writeStaged()
    }
  }

  private func writeStaged() throws(POSIXError) {
    if mode == .undecided { mode = Self.setDirect(descriptor, true) ? .direct : .buffered }
    let block = UnsafeRawBufferPointer(rebasing: staging[0..<staged])
    do {
      try writeAll(block)
    } catch  where mode == .direct && error.code == .EINVAL {
      // The file system takes the flag but not the write: write this block again, and the rest, through the cache.
      mode = .buffered
      _ = Self.setDirect(descriptor, false)
      try writeAll(block)
    }
    fileOffset += staged
    staged = 0
  }

  /// Writes a block at `fileOffset`, by positioned writes, so that a block written again after a failure lands
  /// where it belongs.
  private func writeAll(_ block: UnsafeRawBufferPointer) throws(POSIXError) {
    var done = 0
    while done < block.count {
      let written = pwrite(descriptor, block.baseAddress! + done, block.count - done, off_t(fileOffset + done))
      if written < 0 {
        if errno == EINTR { continue }
        throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
      }
      done += written
    }
  }

  /// Linux's `O_DIRECT`, which Glibc's Swift module leaves out (it is a GNU extension); nil where unknown.
  private static var directFlag: Int32? {
    #if os(Linux) && (arch(x86_64) || arch(i386))
      return 0o40000
    #elseif os(Linux) && (arch(arm64) || arch(arm))
      return 0o200000
    #else
      return nil
    #endif
  }

  /// Turns direct writes on or off for an open file; false where the system has no such flag or refuses it.
  private static func setDirect(_ descriptor: Int32, _ on: Bool) -> Bool {
    guard let direct = directFlag else { return false }
    let flags = fcntl(descriptor, F_GETFL)
    guard flags >= 0 else { return false }
    return fcntl(descriptor, F_SETFL, on ? flags | direct : flags & ~direct) == 0
  }
}
