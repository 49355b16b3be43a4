import Foundation

/// A report asked to go somewhere that is not a regular file (a device, a FIFO, a folder).
public struct NotARegularFile: Error, CustomStringConvertible {
  /// The path given.
  public var path: String
  /// What went wrong.
  public var message: Message { Message(.reportNotARegularFile, .text(path)) }

  /// The message in English.
  public var description: String { message.text(.en) }
}

/// Writes a file atomically: into a temporary file beside it, then renamed over it, so an interrupted run never
/// leaves a half-written report in place of an old one.
package enum AtomicFile {
  /// Removes temporary files a killed run left for the same report (`.NAME.PID.tmp` whose process is gone), so that
  /// none accumulates beside the report.
  static func removeStaleTemporaries(of name: String, in directory: URL) {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory.path) else { return }
    let prefix = ".\(name)."
    for entry in entries where entry.hasPrefix(prefix) && entry.hasSuffix(".tmp") {
      let middle = entry.dropFirst(prefix.count).dropLast(4)
      guard let pid = Int32(middle), pid != ProcessInfo.processInfo.processIdentifier else { continue }
      if kill(pid, 0) != 0 && errno == ESRCH {
        try? FileManager.default.removeItem(at: directory.appendingPathComponent(entry))
      }
    }
  }

  /// Calls `body` with a sink into a temporary file and moves the file into place only if `body` returns.
  /// `bypassingPageCache` writes a large file past the page cache (`DirectFileOutput`): for a report, which this
  /// process never reads back; not for a file about to be read, such as generated portfolios.
  package static func write(
    to path: String, bypassingPageCache: Bool = false, _ body: (ReportSink) throws -> Void
  ) throws {
    let url = URL(fileURLWithPath: path)
    let directory = url.deletingLastPathComponent()
    var status = stat()
    if stat(path, &status) == 0 && (status.st_mode & S_IFMT) != S_IFREG {
      // A device, a FIFO or a folder is never replaced by a report (as root, rename would replace /dev/full).
      throw NotARegularFile(path: path)
    }
    removeStaleTemporaries(of: url.lastPathComponent, in: directory)
    let temporary = directory.appendingPathComponent(
      ".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).tmp")
    guard FileManager.default.createFile(atPath: temporary.path, contents: nil),
      let handle = FileHandle(forWritingAtPath: temporary.path)
    else {
      throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: temporary.path])
    }
    do {
      let sink = bypassingPageCache ? ReportSink(newFile: handle) : ReportSink(handle: handle)
      try body(sink)
      sink.finish()
      if let failure = sink.failure { throw failure }
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
