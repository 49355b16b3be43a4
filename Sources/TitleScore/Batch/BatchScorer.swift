import Foundation

/// Scores chunks of raw records into compact rows, one chunk at a time, for one worker thread.
///
/// Each worker has its own scorer: its own copy of the sheet (see `Scoresheet.independentCopy()`) and its own
/// decoding state, kept from chunk to chunk, so workers share nothing they write or count references on.
final class BatchScorer: @unchecked Sendable {
  let evaluator: Evaluator
  let checksMaterials: Bool
  /// The ids of the sheet's flag triggers, in sheet order: a raised flag's bit in the row.
  private let flagTriggerIDs: [String]
  /// What scoring reuses from applicant to applicant: one decoder with its pool of repeated texts, one portfolio
  /// and one result, whose lists keep their storage. Taken out while a chunk is scored.
  private struct Workspace {
    var decoder: PortfolioDecoder
    var portfolio = Portfolio(id: "", name: "", specialty: "")
    var result: ScoreResult
  }
  private var workspace: Workspace?
  /// The terms values may be written as, resolved to codes before scoring.
  private let glossary: Glossary

  /// A scorer of its own copies of a sheet and a glossary (see `Scoresheet.independentCopy()`).
  init(sheet: Scoresheet, glossary: Glossary) {
    evaluator = Evaluator(sheet: sheet)
    checksMaterials = sheet.checksMaterials
    flagTriggerIDs = sheet.flags.map(\.id)
    self.glossary = glossary
    workspace = Workspace(
      decoder: PortfolioDecoder(pool: StringPool(limit: 1024), keepsDescriptions: false, glossary: glossary),
      result: ScoreResult(sheetID: sheet.id, threshold: sheet.threshold))
  }

  /// Scores a chunk. Not to be called on two threads at once.
  func score(_ chunk: InputChunk, files: [String]) -> BatchResults {
    guard var workspace = workspace.take() else { preconditionFailure("a scorer scores one chunk at a time") }
    defer { self.workspace = workspace }
    var part = BatchResults(sheet: evaluator.sheet)
    part.rejected = chunk.readFailures
    chunk.bytes.withUnsafeBufferPointer { buffer in
      for span in chunk.spans {
        let slice = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
        do throws(Diagnostic) {
          try workspace.decoder.decode(slice, into: &workspace.portfolio)
        } catch {
          part.rejected.append(
            RejectedRecord(
              file: files[span.file], line: span.line, applicantID: BatchScorer.applicantID(in: slice),
              diagnostic: error.located(file: files[span.file], line: span.line == 0 ? nil : span.line)))
          continue
        }
        var materials: MaterialInspection?
        if checksMaterials && !workspace.portfolio.attachments.isEmpty {
          materials = MaterialInspection.inspect(
            workspace.portfolio, baseDirectory: FilePath.directory(of: files[span.file]))
        }
        evaluator.evaluate(workspace.portfolio, materials: materials, tracing: false, into: &workspace.result)
        guard BatchScorer.append(numbersOf: workspace.result, to: &part.numbers) else {
          part.rejected.append(
            RejectedRecord(
              file: files[span.file], line: span.line, applicantID: workspace.portfolio.id,
              diagnostic: Diagnostic(
                .invalidValue, at: .root,
                Message(.diagnosticPointsTooLarge, .text("\(workspace.result.total)")),
                file: files[span.file], line: span.line == 0 ? nil : span.line)))
          continue
        }
        append(
          workspace.result, of: workspace.portfolio, file: span.file, line: span.line, to: &part)
      }
    }
    return part
  }

  /// Scores portfolios already decoded (built in code, read from a spreadsheet), each filed as its line (a
  /// spreadsheet's row) of the input file numbered 0. Not to be called on two threads at once.
  func score(_ portfolios: ArraySlice<Portfolio>, lines: ArraySlice<Int>, file: String) -> BatchResults {
    guard var workspace = workspace.take() else { preconditionFailure("a scorer scores one chunk at a time") }
    defer { self.workspace = workspace }
    var part = BatchResults(sheet: evaluator.sheet)
    for (given, line) in zip(portfolios, lines) {
      // Built in code or read from another source, a portfolio's values get the check decoded ones get.
      var portfolio = given
      if let problem = PortfolioCheck.firstProblem(in: portfolio) ?? glossary.resolve(&portfolio) {
        part.rejected.append(
          RejectedRecord(
            file: file, line: line, applicantID: portfolio.id.isEmpty ? nil : portfolio.id,
            diagnostic: problem.located(file: file, line: line)))
        continue
      }
      let materials =
        checksMaterials && !portfolio.attachments.isEmpty
        ? MaterialInspection.inspect(portfolio, baseDirectory: ".") : nil
      evaluator.evaluate(portfolio, materials: materials, tracing: false, into: &workspace.result)
      guard BatchScorer.append(numbersOf: workspace.result, to: &part.numbers) else {
        part.rejected.append(
          RejectedRecord(
            file: file, line: line, applicantID: portfolio.id,
            diagnostic: Diagnostic(
              .invalidValue, at: .root, Message(.diagnosticPointsTooLarge, .interval(workspace.result.total)),
              file: file, line: line)))
        continue
      }
      append(workspace.result, of: portfolio, file: 0, line: line, to: &part)
    }
    return part
  }

  /// Appends the row's numbers in the batch's 32-bit layout; false, with nothing appended, when one does not fit.
  static func append(numbersOf result: ScoreResult, to numbers: inout [Int32]) -> Bool {
    let start = numbers.count
    func put(_ units: Int64) -> Bool {
      guard let narrow = Int32(exactly: units), narrow != BatchResults.noClaim else { return false }
      numbers.append(narrow)
      return true
    }
    var fits = put(result.total.min.units) && put(result.total.max.units)
    for category in result.categories where fits && category.depth == 0 {
      fits = put(category.subtotal.min.units) && put(category.subtotal.max.units)
    }
    for value in result.tieBreakValues where fits { fits = put(value.units) }
    if fits {
      if let claimed = result.claimedTotal {
        fits = put(claimed.units)
      } else {
        numbers.append(BatchResults.noClaim)
      }
    }
    if !fits { numbers.removeSubrange(start...) }
    return fits
  }

  /// Files everything but the numbers (already appended) of a scored applicant.
  private func append(
    _ result: ScoreResult, of portfolio: Portfolio, file: Int, line: Int, to part: inout BatchResults
  ) {
    var positions = RowPositions()
    for (position, gate) in result.gates.enumerated() where !gate.passed { positions.insertGate(position) }
    for flag in result.flags {
      // From the ids kept aside: `evaluator.sheet` hands out a copy of the whole sheet.
      if let position = flagTriggerIDs.firstIndex(of: flag.triggerID) { positions.insertFlag(position) }
    }
    part.rows.append(
      FiledRow(
        id: portfolio.id, name: portfolio.name,
        idNumber: Masking.compact(portfolio.idNumber, keepFirst: 4, keepLast: 4),
        phone: Masking.compact(portfolio.phone, keepFirst: 3, keepLast: 4), positions: positions,
        employerIndex: part.employers.number(of: portfolio.employer.name),
        reasonCodes: BatchScorer.packedMainReasons(result.deductions), fileIndex: Int32(file), line: Int32(line),
        verdict: UInt8(Verdict.Kind.byIndex.firstIndex(of: result.verdict.kind)!)))
    var seen: UInt64 = 0
    for deduction in result.deductions {
      let index = ReasonPacking.index(of: deduction.code)
      if seen & (1 << UInt64(index)) == 0 {
        seen |= 1 << UInt64(index)
        part.reasonTally[index] += 1
      }
    }
  }

  /// The three codes that cost the most points (failed gates first, then by points lost, then by code), packed as
  /// the batch stores them, worked out without allocating.
  static func packedMainReasons(_ deductions: [Deduction]) -> UInt32 {
    guard !deductions.isEmpty else { return 0 }
    let codes = ReasonPacking.codes
    let nameOrder = ReasonPacking.nameOrder
    return withUnsafeTemporaryAllocation(of: Int64.self, capacity: codes.count) { lost in
      lost.initialize(repeating: -1)
      for deduction in deductions {
        let index = ReasonPacking.index(of: deduction.code)
        let weight = deduction.code == .gateFailed ? Int64.max / 4 : (deduction.lost?.max.units ?? 0)
        lost[index] = max(lost[index], 0) + weight
      }
      // Three passes of "the largest left": more points lost first, then the code's name.
      var word: UInt32 = 0
      for slot in 0..<ReasonPacking.slots {
        var best = -1
        for index in 0..<codes.count where lost[index] >= 0 {
          if best < 0 || lost[index] > lost[best] || (lost[index] == lost[best] && nameOrder[index] < nameOrder[best]) {
            best = index
          }
        }
        guard best >= 0 else { break }
        word |= ReasonPacking.packing(index: best, inSlot: slot)
        lost[best] = -1
      }
      return word
    }
  }

  /// The applicant id of a record that failed to decode, if its text has a readable top-level `id`.
  static func applicantID(in bytes: UnsafeBufferPointer<UInt8>) -> String? {
    var scanner = JSONScanner(bytes)
    do {
      try scanner.beginObject()
      var first = true
      while let key = try scanner.nextKey(&first) {
        if key == "id", try scanner.peekKind() == .string { return try scanner.readString() }
        try scanner.skipValue()
      }
    } catch {}
    return nil
  }
}
