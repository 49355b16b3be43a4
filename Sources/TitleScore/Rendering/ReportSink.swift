import Foundation

/// Collects report text in a buffer and writes it out in large blocks.
public final class ReportSink {
  private var buffer: [UInt8] = []
  private let handle: FileHandle?
  private let flushThreshold = 1 << 20

  /// A sink that keeps everything in memory (read it with `text`).
  public init() {
    handle = nil
  }

  /// A sink that writes to a file handle as it goes.
  public init(handle: FileHandle) {
    self.handle = handle
  }

  /// Appends text.
  public func write(_ text: String) {
    buffer.append(contentsOf: text.utf8)
    if handle != nil && buffer.count >= flushThreshold { flush() }
  }

  /// Appends raw bytes.
  public func write(bytes: [UInt8]) {
    buffer.append(contentsOf: bytes)
    if handle != nil && buffer.count >= flushThreshold { flush() }
  }

  /// Writes out what is buffered.
  public func flush() {
    guard let handle, !buffer.isEmpty else { return }
    handle.write(Data(buffer))
    buffer.removeAll(keepingCapacity: true)
  }

  /// Everything written, for an in-memory sink.
  public var text: String { String(decoding: buffer, as: UTF8.self) }

  /// The bytes written, for an in-memory sink.
  public var bytes: [UInt8] { buffer }
}

/// Writes a file atomically: into a temporary file beside it, then renamed over it, so an interrupted run never
/// leaves a half-written report in place of an old one.
public enum AtomicFile {
  /// Calls `body` with a sink into a temporary file and moves the file into place only if `body` returns.
  public static func write(to path: String, _ body: (ReportSink) throws -> Void) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary.path)
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    do {
      let sink = ReportSink(handle: handle)
      try body(sink)
      sink.flush()
      try handle.synchronize()
      try handle.close()
      if rename(temporary.path, url.path) != 0 {
        throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
      }
    } catch {
      try? handle.close()
      try? FileManager.default.removeItem(at: temporary)
      throw error
    }
  }
}
