import Dispatch
import Foundation

/// Scores many applicants against one sheet concurrently and ranks them.
///
/// Inputs are read in order on the calling thread and handed out in chunks to at most `jobs` Dispatch workers.
/// Each chunk's results land in the slot of its sequence number, so the report is byte-identical whatever the
/// number of jobs and however the threads are scheduled.
public struct BatchRunner: Sendable {
  /// The sheet applied.
  public let sheet: Scoresheet
  /// How many chunks are scored at once.
  public let jobs: Int
  /// The terms values may be written as (`本科` for `bachelor`), resolved to codes before scoring.
  public let glossary: Glossary

  /// Prepares a runner; `glossary` is the bundled shared vocabulary unless told otherwise (`.empty` takes values
  /// as written).
  public init(sheet: Scoresheet, jobs: Int, glossary: Glossary = .bundled) {
    self.sheet = sheet
    self.jobs = max(1, jobs)
    self.glossary = glossary
  }

  /// Reads, scores and ranks every record of the inputs (JSON Lines files, JSON array files, folders of portfolio
  /// files, or `-` for `standardInput`). `progress` is called on the reading thread with the records read so far.
  ///
  /// - Complexity: O(n · (r + i) + n log n) for n records of r achievements each on a sheet of i items, in
  ///   memory of about 160 bytes per applicant (the input is mapped, not held); reading overlaps scoring.
  public func run(
    _ inputs: [String], standardInput: FileHandle = .standardInput, progress: ((Int) -> Void)? = nil
  ) throws(BatchError) -> BatchResults {
    let reader = RecordReader(standardInput: standardInput)
    return try run(reader, inputBytes: BatchRunner.totalSize(of: inputs), progress: progress) {
      (deliver) throws(BatchError) in try reader.read(inputs, deliver: deliver)
    }
  }

  /// Reads, scores and ranks the records of a JSON Lines text or JSON array held in memory (an upload), as
  /// `run(_:)` reads a file of it; results name it `name`, its records by line.
  public func run(text: [UInt8], name: String) -> BatchResults {
    let reader = RecordReader()
    return run(reader, inputBytes: text.count, progress: nil) { reader.read(text: text, name: name, deliver: $0) }
  }

  /// Scores and ranks what `read` delivers from `reader`.
  private func run<Failure: Error>(
    _ reader: RecordReader, inputBytes: Int?, progress: ((Int) -> Void)?,
    read readInputs: ((InputChunk) -> Void) throws(Failure) -> Void
  ) throws(Failure) -> BatchResults {
    let started = DispatchTime.now()
    // One scorer for each worker, each with its own copy of the sheet.
    let scorers = ScorerPool(
      (0..<jobs).map { _ in BatchScorer(sheet: sheet.independentCopy(), glossary: glossary.independentCopy()) })
    let slots = ChunkSlots()
    let group = DispatchGroup()
    let inFlight = DispatchSemaphore(value: jobs * 2)
    let workers = DispatchSemaphore(value: jobs)
    var read = 0
    try readInputs { chunk in
      if chunk.sequence == 0, !chunk.spans.isEmpty, let inputBytes {
        // Size the rows once from the first chunk's bytes per record, instead of letting them double, with a
        // quarter to spare: an estimate a little short (the benchmark's file: 997,354 for 1,000,000) had every
        // list copied into twice the room near the end. Room never written takes address space, not memory.
        let estimate = inputBytes / max(1, chunk.bytes.count / chunk.spans.count) + 1
        slots.reserve(sheet: sheet, applicants: estimate + estimate / 4)
      }
      inFlight.wait()
      let files = reader.files
      group.enter()
      DispatchQueue.global().async {
        workers.wait()
        let scorer = scorers.take()
        let part = scorer.score(chunk, files: files)
        scorers.put(scorer)
        chunk.bytes.release()
        workers.signal()
        slots.store(part, at: chunk.sequence)
        inFlight.signal()
        group.leave()
      }
      read += chunk.spans.count + chunk.readFailures.count
      progress?(read)
    }
    group.wait()
    var results = slots.merged(into: BatchResults(sheet: sheet))
    results.files = reader.files
    results.findDuplicateApplicants()
    let scored = DispatchTime.now()
    // Sorting in parts pays off only for large batches.
    Ranking.rank(&results, parts: results.scoredCount >= 100_000 ? jobs : 1)
    let ranked = DispatchTime.now()
    results.timings = BatchResults.Timings(
      scoringSeconds: BatchRunner.seconds(from: started, to: scored),
      rankingSeconds: BatchRunner.seconds(from: scored, to: ranked))
    return results
  }
}

extension BatchRunner {
  /// Scores and ranks portfolios from any source (built in code, decoded from a spreadsheet or a form). Reports
  /// name them as lines 1, 2 … of `source`. The results are the same whatever `jobs` is.
  ///
  /// - Complexity: O(n · (r + i) + n log n) for n portfolios of r achievements each on a sheet of i items; the
  ///   portfolios are held in memory while they are scored.
  public func run(portfolios: some Sequence<Portfolio>, source: String = "portfolios") -> BatchResults {
    let all = Array(portfolios)
    return run(all, lines: Array(1...max(1, all.count)).prefix(all.count), source: source, refused: [])
  }

  /// Scores and ranks the rows of a spreadsheet (`SpreadsheetImport.read`): each portfolio filed as its row of
  /// `source`, each row refused on reading as a rejected record at its cell, so every row is accounted for.
  public func run(spreadsheet rows: [SpreadsheetImport.Row], source: String) -> BatchResults {
    var portfolios: [Portfolio] = []
    var lines: [Int] = []
    var refused: [RejectedRecord] = []
    for row in rows {
      switch row.portfolio {
      case .success(let portfolio):
        portfolios.append(portfolio)
        lines.append(row.row)
      case .failure(let diagnostic):
        refused.append(
          RejectedRecord(file: row.file, line: row.row, applicantID: row.applicantID, diagnostic: diagnostic))
      }
    }
    return run(portfolios, lines: lines[...], source: source, refused: refused)
  }

  private func run(_ all: [Portfolio], lines: ArraySlice<Int>, source: String, refused: [RejectedRecord])
    -> BatchResults
  {
    let started = DispatchTime.now()
    let parts = max(1, min(jobs, all.count / 1_000 + 1))
    let scorers = (0..<parts).map { _ in
      BatchScorer(sheet: sheet.independentCopy(), glossary: glossary.independentCopy())
    }
    let bounds = (0...parts).map { all.count * $0 / parts }
    let slots = ChunkSlots()
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      let range = bounds[part]..<bounds[part + 1]
      slots.store(
        scorers[part].score(
          all[range], lines: lines[(lines.startIndex + range.lowerBound)..<(lines.startIndex + range.upperBound)],
          file: source), at: part)
    }
    var results = slots.merged(into: BatchResults(sheet: sheet))
    // In the order of the rows: the source's own first, then rows of other files (achievements for no applicant).
    results.rejected = (refused + results.rejected).sorted {
      ($0.file == source ? 0 : 1, $0.file, $0.line) < ($1.file == source ? 0 : 1, $1.file, $1.line)
    }
    results.files = [source]
    results.findDuplicateApplicants()
    let scored = DispatchTime.now()
    Ranking.rank(&results, parts: results.scoredCount >= 100_000 ? jobs : 1)
    results.timings = BatchResults.Timings(
      scoringSeconds: BatchRunner.seconds(from: started, to: scored),
      rankingSeconds: BatchRunner.seconds(from: scored, to: DispatchTime.now()))
    return results
  }

  static func seconds(from start: DispatchTime, to end: DispatchTime) -> Double {
    Double(end.uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
  }

  /// The total size of the input files, or nil when an input is standard input or a folder.
  static func totalSize(of inputs: [String]) -> Int? {
    var total = 0
    for input in inputs {
      guard input != "-", let attributes = try? FileManager.default.attributesOfItem(atPath: input),
        attributes[.type] as? FileAttributeType == .typeRegular, let size = attributes[.size] as? Int
      else { return nil }
      total += size
    }
    return total
  }
}

/// The idle scorers. A chunk takes one once it is let through as one of the `jobs` running at a time, so one is
/// always there, and gives it back when it is scored.
private final class ScorerPool: @unchecked Sendable {
  private var idle: [BatchScorer]
  private let lock = NSLock()

  init(_ scorers: [BatchScorer]) {
    idle = scorers
  }

  func take() -> BatchScorer {
    lock.lock()
    defer { lock.unlock() }
    return idle.removeLast()
  }

  func put(_ scorer: BatchScorer) {
    lock.lock()
    idle.append(scorer)
    lock.unlock()
  }
}

/// Where workers leave their chunks' results. Parts are merged in sequence order as soon as every earlier part
/// is in, so finished parts do not pile up beside the merged result.
private final class ChunkSlots: @unchecked Sendable {
  private var waiting: [Int: BatchResults] = [:]
  private var merged: BatchResults?
  private var next = 0
  private let lock = NSLock()

  func store(_ part: BatchResults, at sequence: Int) {
    lock.lock()
    defer { lock.unlock() }
    waiting[sequence] = part
    // Take the merged result out first so appending to it does not copy it.
    var result = merged ?? BatchResults(sheet: part.sheet)
    merged = nil
    while let ready = waiting.removeValue(forKey: next) {
      result.append(ready)
      next += 1
    }
    merged = result
  }

  /// Reserves room for an expected number of applicants before any part is merged.
  func reserve(sheet: Scoresheet, applicants: Int) {
    lock.lock()
    defer { lock.unlock() }
    var result = merged ?? BatchResults(sheet: sheet)
    merged = nil
    result.reserveCapacity(applicants)
    merged = result
  }

  /// Everything merged, in sequence order.
  func merged(into empty: BatchResults) -> BatchResults {
    lock.lock()
    defer { lock.unlock() }
    precondition(waiting.isEmpty, "every chunk is merged once all workers are done")
    return merged ?? empty
  }
}
