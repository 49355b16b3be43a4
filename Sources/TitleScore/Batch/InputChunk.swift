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
  var bytes: ChunkBytes
  var spans: [Span]
  /// Problems found while reading that belong to no record, such as a malformed array, in reading order.
  var readFailures: [RejectedRecord] = []
}

/// Reads the inputs of a batch in order and hands out chunks of records, never holding a whole file in memory:
/// a file is memory-mapped and its chunks are stretches of the mapping, released once scored; standard input and
/// other streams are read block by block.
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
      // Told apart without opening the file: a FIFO is opened once, as a stream, and read to its end.
      var status = stat()
      guard stat(input, &status) == 0 else {
        throw BatchError.unreadableInput(input, reason: Message(.batchNoSuchInput))
      }
      let type = status.st_mode & S_IFMT
      if type == S_IFDIR {
        try readDirectory(input, deliver: deliver)
      } else {
        if type == S_IFREG, let mapped = MappedFile(path: input) {
          readMapped(mapped, name: input, deliver: deliver)
          continue
        }
        guard let handle = FileHandle(forReadingAtPath: input) else {
          throw BatchError.unreadableInput(input, reason: Message(.batchCannotOpen))
        }
        defer { try? handle.close() }
        try readStream(handle, name: input, deliver: deliver)
      }
    }
  }

  /// Reads a JSON Lines text or JSON array held in memory, named `name`, as a file of it is read: copied into a
  /// mapping of its own and cut into chunks; an empty text is a file without records.
  func read(text: [UInt8], name: String, deliver: (InputChunk) -> Void) {
    if let mapped = MappedFile(copying: text) {
      readMapped(mapped, name: name, deliver: deliver)
      return
    }
    let file = register(name)
    guard !text.isEmpty else { return }
    // No mapping to be had: the text as it is, in one chunk.
    text.withUnsafeBufferPointer { bytes in
      if RecordReader.isArrayFile(bytes) {
        readArray(bytes, file: file, deliver: deliver) { .owned(Array(bytes[$0])) }
      } else {
        _ = deliverLines(.owned(text), file: file, firstLine: 1, deliver: deliver)
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

  /// Whether a whole input is one JSON array of portfolios rather than JSON Lines, decided by the whole text: it
  /// starts with `[` and either is one JSON value to its end, or its first line is not a value by itself (an array
  /// written over many lines, perhaps malformed further on, whose error is then reported where it is). A file of
  /// lines whose first line happens to be an array is JSON Lines: each line is read, or rejected, on its own, so the
  /// summary counts every line.
  static func isArrayFile(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    var start = JSONScanner.byteOrderMarkLength(bytes)
    while start < bytes.count, [0x20, 0x0A, 0x0D, 0x09].contains(bytes[start]) { start += 1 }
    guard start < bytes.count, bytes[start] == UInt8(ascii: "[") else { return false }
    var whole = JSONScanner(bytes)
    if (try? whole.skipValue()) != nil, (try? whole.expectEnd()) != nil { return true }
    let lineEnd = bytes[start...].firstIndex(of: 0x0A) ?? bytes.count
    var firstLine = JSONScanner(UnsafeBufferPointer(rebasing: bytes[start..<lineEnd]))
    let firstLineIsAValue = (try? firstLine.skipValue()) != nil && (try? firstLine.expectEnd()) != nil
    return !firstLineIsAValue
  }

  /// A mapped file: JSON Lines cut into chunks at line ends, or a JSON array (`isArrayFile`).
  private func readMapped(_ mapped: MappedFile, name: String, deliver: (InputChunk) -> Void) {
    let file = register(name)
    let bytes = mapped.bytes
    if RecordReader.isArrayFile(bytes) {
      readArray(bytes, file: file, deliver: deliver) { mapped.chunk($0) }
      return
    }
    guard let base = bytes.baseAddress else { return }
    var line = 1
    var start = 0
    while start < bytes.count {
      // A chunk ends after the last line end before the target size, or after the first one past it for a line
      // longer than the target.
      var end = min(bytes.count, start + targetChunkBytes)
      if end < bytes.count {
        var last = end - 1
        while last >= start && bytes[last] != 0x0A { last -= 1 }
        if last >= start {
          end = last + 1
        } else if let found = memchr(base + end, 0x0A, bytes.count - end) {
          end = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        } else {
          end = bytes.count
        }
      }
      line = deliverLines(mapped.chunk(start..<end), file: file, firstLine: line, deliver: deliver)
      start = end
    }
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
        throw BatchError.unreadableInput(name, reason: Message(.cliSystemError, .text("\(error)")))
      }
      if first,
        let firstByte = block.dropFirst(block.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0).first(where: {
          $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09
        })
      {
        first = false
        if firstByte == UInt8(ascii: "[") {
          // A stream that may be an array is read whole, once, and decided on the whole text (`isArrayFile`).
          var whole = pending + [UInt8](block)
          do {
            if let rest = try handle.readToEnd() { whole.append(contentsOf: rest) }
          } catch {
            throw BatchError.unreadableInput(name, reason: Message(.cliSystemError, .text("\(error)")))
          }
          let isArray = whole.withUnsafeBufferPointer { RecordReader.isArrayFile($0) }
          if isArray {
            whole.withUnsafeBufferPointer { buffer in
              readArray(buffer, file: file, deliver: deliver) {
                .owned(Array(UnsafeBufferPointer(rebasing: buffer[$0])))
              }
            }
          } else {
            _ = deliverLines(.owned(whole), file: file, firstLine: line, deliver: deliver)
          }
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
      line = deliverLines(.owned(complete), file: file, firstLine: line, deliver: deliver)
    }
    if !pending.isEmpty { _ = deliverLines(.owned(pending), file: file, firstLine: line, deliver: deliver) }
  }

  /// Splits a buffer of whole lines into spans and delivers it as one chunk; returns the next line number.
  private func deliverLines(_ buffer: ChunkBytes, file: Int, firstLine: Int, deliver: (InputChunk) -> Void) -> Int {
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
    if spans.isEmpty {
      // Nothing to score: the chunk is done with at once (a mapped stretch must not hold back dropping pages).
      buffer.release()
    } else {
      deliver(InputChunk(sequence: nextSequence(), bytes: buffer, spans: spans))
    }
    return line
  }

  /// A JSON array of portfolios: each element becomes a span; a syntax error rejects the rest of the file.
  /// `storage` gives the bytes of a chunk, a range of `buffer`.
  private func readArray(
    _ buffer: UnsafeBufferPointer<UInt8>, file: Int, deliver: (InputChunk) -> Void,
    storage: (Range<Int>) -> ChunkBytes
  ) {
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
            error.code, at: .root.appending(spans.count),
            Message(.diagnosticArrayUnreadable, .message(error.message))))
      }
    }
    var chunkStart = 0
    while chunkStart < spans.count {
      var chunkEnd = chunkStart
      let limit = spans[chunkStart].start + targetChunkBytes
      while chunkEnd < spans.count && (chunkEnd == chunkStart || spans[chunkEnd].end <= limit) { chunkEnd += 1 }
      let base = spans[chunkStart].start
      let shifted = spans[chunkStart..<chunkEnd].map {
        InputChunk.Span(start: $0.start - base, end: $0.end - base, file: $0.file, line: $0.line)
      }
      deliver(InputChunk(sequence: nextSequence(), bytes: storage(base..<spans[chunkEnd - 1].end), spans: shifted))
      chunkStart = chunkEnd
    }
    if let failure {
      deliver(InputChunk(sequence: nextSequence(), bytes: .owned([]), spans: [], readFailures: [failure]))
    }
  }

  /// Every `*.json` file of a folder, one portfolio a file, in name order.
  private func readDirectory(_ directory: String, deliver: (InputChunk) -> Void) throws(BatchError) {
    let names: [String]
    do {
      names = try FileManager.default.contentsOfDirectory(atPath: directory).filter { $0.hasSuffix(".json") }.sorted()
    } catch {
      throw BatchError.unreadableInput(directory, reason: Message(.cliSystemError, .text("\(error)")))
    }
    var buffer: [UInt8] = []
    var spans: [InputChunk.Span] = []
    var failures: [RejectedRecord] = []
    func flush() {
      if !spans.isEmpty || !failures.isEmpty {
        deliver(InputChunk(sequence: nextSequence(), bytes: .owned(buffer), spans: spans, readFailures: failures))
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
            diagnostic: Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile))))
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
  /// An input file or folder could not be read, and why.
  case unreadableInput(String, reason: Message)

  /// What went wrong, naming the input.
  public var message: Message {
    switch self {
    case .unreadableInput(let input, let reason):
      return Diagnostic(.unreadableFile, at: .root, reason, file: input).located
    }
  }

  /// The message in English.
  public var description: String { message.text(.en) }
}
