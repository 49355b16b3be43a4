import Dispatch
import Foundation

/// Writes a batch's results in a chosen format. Each format has its own writer; adding a format does not compile
/// until it is handled here.
public enum BatchReport {
  /// Writes the report.
  public static func write(_ results: BatchResults, format: ReportFormat, options: ReportOptions, to sink: ReportSink) {
    let table = ReportTable(results: results, options: options, rowLimit: format == .html ? options.htmlRows : nil)
    switch format {
    case .table: TextReportWriter.write(table, to: sink)
    case .csv: CSVReportWriter.write(table, to: sink)
    case .json: JSONReportWriter.write(table, lines: false, to: sink)
    case .jsonl: JSONReportWriter.write(table, lines: true, to: sink)
    case .md: MarkdownReportWriter.write(table, to: sink)
    case .html: HTMLReportWriter.write(table, to: sink)
    case .xlsx: XLSXReportWriter.write(table, to: sink)
    }
  }

  /// Writes the summary that goes with a CSV list, as CSV: counts, distribution, deductions, rejected records.
  public static func writeSummaryCSV(_ results: BatchResults, options: ReportOptions, to sink: ReportSink) {
    CSVReportWriter.writeSummary(ReportTable(results: results, options: options), to: sink)
  }

  /// Renders every ranked row with `render` and writes the texts in rank order. Blocks of rows are rendered on
  /// `jobs` threads at a time; each block's text has its own slot, so the output never depends on thread timing.
  static func writeRows(_ table: ReportTable, to sink: ReportSink, render: @escaping @Sendable (BatchRow) -> String) {
    writeRows(table, to: sink) { positions, bytes in
      for index in positions {
        bytes.append(contentsOf: render(table.results.row(ranked: table.position(index))).utf8)
      }
    }
  }

  /// Like `writeRows(_:to:render:)`, for writers that append the bytes of a block of rank positions to the
  /// block's buffer themselves.
  static func writeRows(
    _ table: ReportTable, to sink: ReportSink, renderBytes: @escaping @Sendable (Range<Int>, inout [UInt8]) -> Void
  ) {
    let count = table.rowCount
    let blockSize = 4096
    let blocks = (count + blockSize - 1) / blockSize
    let wave = table.options.jobs * 4
    // Waves of blocks are rendered in turns into two sets of slots, and a wave is written out on a queue of its
    // own while the next one renders: writing 200 MB (the kernel copying it into the page cache) took half a
    // second during which every renderer waited. (A report file now goes past the page cache, `DirectFileOutput`,
    // and the writer mostly waits on the device; standard output still goes through the cache.) Each slot's
    // buffer is kept from wave to wave: a fresh megabyte per block would be new memory for the kernel to fault in
    // and zero on every block, on every thread.
    let sets = [RenderedBlocks(count: wave), RenderedBlocks(count: wave)]
    let setIsFree = [DispatchSemaphore(value: 1), DispatchSemaphore(value: 1)]
    let writer = DispatchQueue(label: "titlescore.report-writer")
    let output = WriterSink(sink)
    var first = 0
    var turn = 0
    while first < blocks {
      let last = min(blocks, first + wave)
      let start = first
      let slots = sets[turn]
      setIsFree[turn].wait()
      // `jobs` threads at most, each rendering every `jobs`-th block of the wave: `concurrentPerform` would
      // otherwise spread the blocks over every core, whatever `--jobs` says.
      let inWave = last - first
      let lanes = min(table.options.jobs, inWave)
      DispatchQueue.concurrentPerform(iterations: lanes) { lane in
        for offset in stride(from: lane, to: inWave, by: lanes) {
          let block = start + offset
          var bytes = slots.take(offset)
          bytes.removeAll(keepingCapacity: true)
          bytes.reserveCapacity(blockSize * 256)
          renderBytes((block * blockSize)..<min(count, (block + 1) * blockSize), &bytes)
          slots.put(offset, bytes)
        }
      }
      let written = inWave
      let free = setIsFree[turn]
      writer.async {
        for offset in 0..<written {
          let bytes = slots.take(offset)
          output.sink.write(bytes: bytes)
          slots.put(offset, bytes)
        }
        free.signal()
      }
      first = last
      turn ^= 1
    }
    // Every wave is out before the caller writes anything after the rows.
    writer.sync {}
  }
}

/// The report's sink, handed to the writer queue. Only that queue writes to it while rows are written, and the
/// caller waits for the queue before writing again.
private final class WriterSink: @unchecked Sendable {
  let sink: ReportSink

  init(_ sink: ReportSink) {
    self.sink = sink
  }
}

/// One buffer per block of a wave, handed to the thread rendering that block and back.
private final class RenderedBlocks: @unchecked Sendable {
  private var blocks: [[UInt8]]
  private let lock = NSLock()

  init(count: Int) {
    blocks = Array(repeating: [], count: count)
  }

  /// Takes a slot's buffer out, leaving the slot empty, so that the taker holds the only reference.
  func take(_ index: Int) -> [UInt8] {
    lock.lock()
    defer { lock.unlock() }
    var bytes: [UInt8] = []
    swap(&bytes, &blocks[index])
    return bytes
  }

  /// Puts a buffer back in its slot.
  func put(_ index: Int, _ bytes: [UInt8]) {
    lock.lock()
    blocks[index] = bytes
    lock.unlock()
  }
}
