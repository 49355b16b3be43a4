import Foundation

/// Collects report text in a buffer and writes it out in large blocks.
public final class ReportSink {
  private var buffer: [UInt8] = []
  private let handle: FileHandle?
  /// Where a new file's bytes go instead of `handle`'s ordinary writes, when the sink bypasses the page cache.
  private let direct: DirectFileOutput?
  private let flushThreshold = 1 << 20

  /// A sink that keeps everything in memory (read it with `text`).
  public init() {
    handle = nil
    direct = nil
  }

  /// A sink that writes to a file handle as it goes.
  public init(handle: FileHandle) {
    self.handle = handle
    direct = nil
  }

  /// A sink that writes a new file, open at offset 0, past the page cache once it is large (`DirectFileOutput`);
  /// call `finish()` when everything is written.
  init(newFile handle: FileHandle) {
    self.handle = handle
    direct = DirectFileOutput(descriptor: handle.fileDescriptor)
  }

  /// Appends text.
  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if handle != nil && buffer.count >= flushThreshold { flush() }
  }

  /// Appends raw bytes; a large block goes straight to the file, without being copied into the buffer.
  public func write(bytes: [UInt8]) {
    if handle != nil && bytes.count >= flushThreshold / 4 {
      flush()
      bytes.withUnsafeBytes { writeOut($0) }
      return
    }
    buffer.append(contentsOf: bytes)
    if handle != nil && buffer.count >= flushThreshold { flush() }
  }

  /// Writes out what is buffered.
  public func flush() {
    guard handle != nil, !buffer.isEmpty else { return }
    buffer.withUnsafeBytes { writeOut($0) }
    buffer.removeAll(keepingCapacity: true)
  }

  /// Writes out what is buffered and, for a new file, the last block staged for it.
  func finish() {
    flush()
    guard let direct, failure == nil else { return }
    do throws(POSIXError) { try direct.finish() } catch { failure = error }
  }

  /// The first error writing to the file, if any; later writes are skipped once one fails.
  public private(set) var failure: POSIXError?

  private func writeOut(_ bytes: UnsafeRawBufferPointer) {
    guard let handle, failure == nil, let base = bytes.baseAddress else { return }
    if let direct {
      do throws(POSIXError) { try direct.write(bytes) } catch { failure = error }
      return
    }
    var offset = 0
    while offset < bytes.count {
      let written = Foundation.write(handle.fileDescriptor, base + offset, bytes.count - offset)
      if written < 0 {
        if errno == EINTR { continue }
        failure = POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
        return
      }
      offset += written
    }
  }

  /// Everything written, for an in-memory sink.
  public var text: String { String(decoding: buffer, as: UTF8.self) }

  /// The bytes written, for an in-memory sink.
  public var bytes: [UInt8] { buffer }
}
