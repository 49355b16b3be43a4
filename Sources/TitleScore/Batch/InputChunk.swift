import Foundation

/// A run of raw portfolio records read from one input, in one contiguous buffer, ready for a worker.
struct InputChunk: Sendable {
  /// One record's bytes within the buffer and where it came from.
  struct Span: Sendable {
    var start: Int
    var end: Int
    /// Index into the batch's file table.
    var file: Int
    /// 1-based line (JSON Lines, arrays) or 0 for a whole file.
    var line: Int
  }

  /// The chunk's position in reading order; results are stored by it, so thread timing never reorders them.
  var sequence: Int
  var bytes: [UInt8]
  var spans: [Span]
  /// Problems found while reading that belong to no record, such as a malformed array, in reading order.
  var readFailures: [RejectedRecord] = []
}

/// Reads the inputs of a batch in order and hands out chunks of records, never holding a whole file in memory
/// (JSON Lines and standard input are streamed; an array file is memory-mapped).
final class RecordReader {
  private(set) var files: [String] = []
  private let targetChunkBytes: Int
  private var sequence = 0
  /// What `-` reads.
  private let standardInput: FileHandle

  init(targetChunkBytes: Int = 1 << 20, standardInput: FileHandle = .standardInput) {
    self.targetChunkBytes = targetChunkBytes
    self.standardInput = standardInput
  }

  /// Reads every input and calls `deliver` with each chunk, in order.
  func read(_ inputs: [String], deliver: (InputChunk) -> Void) throws(BatchError) {
    for input in inputs {
      if input == "-" {
        try readStream(standardInput, name: "<stdin>", deliver: deliver)
        continue
      }
      var isDirectory: ObjCBool = false
      guard FileManager.default.fileExists(atPath: input, isDirectory: &isDirectory) else {
        throw BatchError.unreadableInput(input, "no such file or folder")
      }
      if isDirectory.boolValue {
        try readDirectory(input, deliver: deliver)
      } else {
        guard let handle = FileHandle(forReadingAtPath: input) else {
          throw BatchError.unreadableInput(input, "cannot open")
        }
        defer { try? handle.close() }
        try readStream(handle, name: input, deliver: deliver)
      }
    }
  }

  private func register(_ file: String) -> Int {
    files.append(file)
    return files.count - 1
  }

  private func nextSequence() -> Int {
    defer { sequence += 1 }
    return sequence
  }

  /// A JSON Lines stream, or a JSON array if its first non-blank byte is `[`.
  private func readStream(_ handle: FileHandle, name: String, deliver: (InputChunk) -> Void) throws(BatchError) {
    let file = register(name)
    var pending: [UInt8] = []
    var line = 1
    var first = true
    while true {
      let block: Data
      do {
        guard let data = try handle.read(upToCount: targetChunkBytes), !data.isEmpty else { break }
        block = data
      } catch {
        throw BatchError.unreadableInput(name, "\(error)")
      }
      if first, let firstByte = block.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 }) {
        first = false
        if firstByte == UInt8(ascii: "[") {
          // An array is parsed whole; a file is memory-mapped so its pages stay file-backed.
          var whole: Data
          do {
            if name != "<stdin>" {
              whole = try Data(contentsOf: URL(fileURLWithPath: name), options: .alwaysMapped)
            } else {
              whole = block
              if let rest = try handle.readToEnd() { whole.append(rest) }
            }
          } catch {
            throw BatchError.unreadableInput(name, "\(error)")
          }
          whole.withUnsafeBytes { raw in readArray(raw.bindMemory(to: UInt8.self), file: file, deliver: deliver) }
          return
        }
      }
      // The chunk is what was pending plus the block up to its last newline, copied once; the rest waits.
      guard let lastNewline = block.lastIndex(of: 0x0A) else {
        pending.append(contentsOf: block)
        continue
      }
      var complete = pending
      pending = []
      complete.reserveCapacity(complete.count + (lastNewline - block.startIndex) + 1)
      complete.append(contentsOf: block[...lastNewline])
      pending.append(contentsOf: block[block.index(after: lastNewline)...])
      line = deliverLines(complete, file: file, firstLine: line, deliver: deliver)
    }
    if !pending.isEmpty { _ = deliverLines(pending, file: file, firstLine: line, deliver: deliver) }
  }

  /// Splits a buffer of whole lines into spans; returns the next line number.
  private func deliverLines(_ buffer: [UInt8], file: Int, firstLine: Int, deliver: (InputChunk) -> Void) -> Int {
    var spans: [InputChunk.Span] = []
    spans.reserveCapacity(buffer.count / 512)
    var line = firstLine
    buffer.withUnsafeBufferPointer { bytes in
      guard let base = bytes.baseAddress else { return }
      var start = 0
      let count = bytes.count
      while start < count {
        // memchr finds the line end with vector instructions; only the line's first bytes are looked at for blanks.
        let found = memchr(base + start, 0x0A, count - start)
        let end = found.map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? count
        var first = start
        while first < end && (bytes[first] == 0x20 || bytes[first] == 0x0D || bytes[first] == 0x09) { first += 1 }
        if first < end { spans.append(InputChunk.Span(start: start, end: end, file: file, line: line)) }
        line += 1
        start = end + 1
      }
    }
    if !spans.isEmpty { deliver(InputChunk(sequence: nextSequence(), bytes: buffer, spans: spans)) }
    return line
  }

  /// A JSON array of portfolios: each element becomes a span; a syntax error rejects the rest of the file.
  private func readArray(_ buffer: UnsafeBufferPointer<UInt8>, file: Int, deliver: (InputChunk) -> Void) {
    var spans: [InputChunk.Span] = []
    var failure: RejectedRecord?
    do {
      var scanner = JSONScanner(buffer)
      var line = 1
      var counted = 0
      func lineAt(_ offset: Int) -> Int {
        while counted < offset {
          if buffer[counted] == 0x0A { line += 1 }
          counted += 1
        }
        return line
      }
      do {
        try scanner.beginArray()
        var first = true
        while try scanner.nextElement(&first) {
          scanner.skipWhitespace()
          let start = scanner.index
          try scanner.skipValue()
          spans.append(InputChunk.Span(start: start, end: scanner.index, file: file, line: lineAt(start)))
        }
        try scanner.expectEnd()
      } catch {
        failure = RejectedRecord(
          file: files[file], line: error.line, applicantID: nil,
          diagnostic: Diagnostic(
            .jsonSyntax, at: .root.appending(spans.count),
            "malformed JSON array at line \(error.line), column \(error.column): expected \(error.expected); the rest of the file cannot be read"
          ))
      }
    }
    var chunkStart = 0
    while chunkStart < spans.count {
      var chunkEnd = chunkStart
      let limit = spans[chunkStart].start + targetChunkBytes
      while chunkEnd < spans.count && (chunkEnd == chunkStart || spans[chunkEnd].end <= limit) { chunkEnd += 1 }
      let base = spans[chunkStart].start
      let slice = Array(UnsafeBufferPointer(rebasing: buffer[base..<spans[chunkEnd - 1].end]))
      let shifted = spans[chunkStart..<chunkEnd].map {
        InputChunk.Span(start: $0.start - base, end: $0.end - base, file: $0.file, line: $0.line)
      }
      deliver(InputChunk(sequence: nextSequence(), bytes: slice, spans: shifted))
      chunkStart = chunkEnd
    }
    if let failure {
      deliver(InputChunk(sequence: nextSequence(), bytes: [], spans: [], readFailures: [failure]))
    }
  }

  /// Every `*.json` file of a folder, one portfolio a file, in name order.
  private func readDirectory(_ directory: String, deliver: (InputChunk) -> Void) throws(BatchError) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
    } catch {
      throw BatchError.unreadableInput(directory, "\(error)")
    }
    var buffer: [UInt8] = []
    var spans: [InputChunk.Span] = []
    var failures: [RejectedRecord] = []
    func flush() {
      if !spans.isEmpty || !failures.isEmpty {
        deliver(InputChunk(sequence: nextSequence(), bytes: buffer, spans: spans, readFailures: failures))
      }
      buffer = []
      spans = []
      failures = []
    }
    for name in names {
      let path = FilePath.resolve(name, in: directory)
      let file = register(path)
      guard let data = FileManager.default.contents(atPath: path) else {
        failures.append(
          RejectedRecord(
            file: path, line: 0, applicantID: nil,
            diagnostic: Diagnostic(.unreadableFile, at: .root, "cannot read the file")))
        continue
      }
      let start = buffer.count
      buffer.append(contentsOf: data)
      spans.append(InputChunk.Span(start: start, end: buffer.count, file: file, line: 0))
      if buffer.count >= targetChunkBytes { flush() }
    }
    flush()
  }
}

/// A batch that could not run at all.
public enum BatchError: Error, Sendable, CustomStringConvertible {
  /// An input file or folder could not be read.
  case unreadableInput(String, String)

  /// The message, naming the input.
  public var description: String {
    switch self {
    case .unreadableInput(let input, let reason): return "\(input): error[unreadable-file]: \(reason)"
    }
  }
}

/// A record that could not be read or scored, with where it was and why.
public struct RejectedRecord: Hashable, Sendable {
  /// The input file.
  public var file: String
  /// The 1-based line, or 0 for a whole-file portfolio.
  public var line: Int
  /// The applicant id, when it could be read.
  public var applicantID: String?
  /// The reason, with its code and JSON path.
  public var diagnostic: Diagnostic
}
