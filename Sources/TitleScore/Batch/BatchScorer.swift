import Foundation

/// Scores one chunk of raw records into compact rows; runs on a worker thread and shares nothing mutable.
struct BatchScorer: Sendable {
  let evaluator: Evaluator
  let checksMaterials: Bool

  init(sheet: Scoresheet) {
    evaluator = Evaluator(sheet: sheet)
    checksMaterials = sheet.gates.contains { if case .materials = $0.kind { return true } else { return false } }
  }

  func score(_ chunk: InputChunk, files: [String]) -> BatchResults {
    var part = BatchResults(sheet: evaluator.sheet)
    part.rejected = chunk.readFailures
    var employerIndex: [String: Int32] = [:]
    // One decoder and one portfolio for the whole chunk: records reuse their storage and share repeated texts.
    var decoder = PortfolioDecoder(pool: StringPool(limit: 1024), keepsDescriptions: false)
    var portfolio = Portfolio(id: "", name: "", specialty: "")
    chunk.bytes.withUnsafeBufferPointer { buffer in
      for span in chunk.spans {
        let slice = UnsafeBufferPointer(rebasing: buffer[span.start..<span.end])
        do throws(Diagnostic) {
          try decoder.decode(slice, into: &portfolio)
        } catch {
          part.rejected.append(
            RejectedRecord(
              file: files[span.file], line: span.line, applicantID: BatchScorer.applicantID(in: slice),
              diagnostic: error.located(file: files[span.file], line: span.line == 0 ? nil : span.line)))
          continue
        }
        var materials: MaterialInspection?
        if checksMaterials && !portfolio.attachments.isEmpty {
          materials = MaterialInspection.inspect(portfolio, baseDirectory: FilePath.directory(of: files[span.file]))
        }
        let result = evaluator.evaluate(portfolio, materials: materials, tracing: false)
        guard let numbers = BatchScorer.numbers(of: result) else {
          part.rejected.append(
            RejectedRecord(
              file: files[span.file], line: span.line, applicantID: portfolio.id,
              diagnostic: Diagnostic(
                .invalidValue, at: .root,
                "the points (\(result.total)) are beyond what a batch report holds (±214,748)",
                file: files[span.file], line: span.line == 0 ? nil : span.line)))
          continue
        }
        append(
          result, numbers: numbers, of: portfolio, file: span.file, line: span.line, to: &part,
          employers: &employerIndex)
      }
    }
    return part
  }

  /// The row's numbers in the batch's 32-bit layout, or nil when one does not fit.
  static func numbers(of result: ScoreResult) -> [Int32]? {
    var units: [Int64] = [result.total.min.units, result.total.max.units]
    for category in result.categories where category.depth == 0 {
      units.append(category.subtotal.min.units)
      units.append(category.subtotal.max.units)
    }
    for value in result.tieBreakValues { units.append(value.units) }
    var numbers: [Int32] = []
    numbers.reserveCapacity(units.count + 1)
    for value in units {
      guard let narrow = Int32(exactly: value), narrow != BatchResults.noClaim else { return nil }
      numbers.append(narrow)
    }
    if let claimed = result.claimedTotal {
      guard let narrow = Int32(exactly: claimed.units), narrow != BatchResults.noClaim else { return nil }
      numbers.append(narrow)
    } else {
      numbers.append(BatchResults.noClaim)
    }
    return numbers
  }

  private func append(
    _ result: ScoreResult, numbers: [Int32], of portfolio: Portfolio, file: Int, line: Int, to part: inout BatchResults,
    employers: inout [String: Int32]
  ) {
    part.ids.append(portfolio.id)
    part.names.append(portfolio.name)
    if let index = employers[portfolio.employer.name] {
      part.employerIndex.append(index)
    } else {
      let index = Int32(part.employers.count)
      part.employers.append(portfolio.employer.name)
      employers[portfolio.employer.name] = index
      part.employerIndex.append(index)
    }
    part.idNumbers.append(Masking.compact(portfolio.idNumber, keepFirst: 4, keepLast: 4))
    part.phones.append(Masking.compact(portfolio.phone, keepFirst: 3, keepLast: 4))
    part.verdicts.append(UInt8(Verdict.Kind.byIndex.firstIndex(of: result.verdict.kind)!))
    var gateBits: UInt64 = 0
    for (bit, gate) in result.gates.enumerated() where !gate.passed && bit < 64 { gateBits |= 1 << UInt64(bit) }
    part.failedGateBits.append(gateBits)
    var flagBits: UInt64 = 0
    for flag in result.flags {
      if let bit = evaluator.sheet.flags.firstIndex(where: { $0.id == flag.triggerID }), bit < 64 {
        flagBits |= 1 << UInt64(bit)
      }
    }
    part.flagBits.append(flagBits)
    part.numbers.append(contentsOf: numbers)
    let reasons = BatchScorer.mainReasons(result.deductions)
    part.reasonCodes.append(ReasonPacking.pack(reasons))
    var seen: UInt64 = 0
    for deduction in result.deductions {
      let index = ReasonPacking.index(of: deduction.code)
      if seen & (1 << UInt64(index)) == 0 {
        seen |= 1 << UInt64(index)
        part.reasonTally[index] += 1
      }
    }
    part.fileIndex.append(Int32(file))
    part.lines.append(Int32(line))
  }

  /// The codes that cost the most points: failed gates first, then by points lost, then by code.
  static func mainReasons(_ deductions: [Deduction]) -> [ReasonCode] {
    guard !deductions.isEmpty else { return [] }
    let codes = ReasonPacking.codes
    var lost = [Int64](repeating: -1, count: codes.count)
    for deduction in deductions {
      let index = ReasonPacking.index(of: deduction.code)
      let weight = deduction.code == .gateFailed ? Int64.max / 4 : (deduction.lost?.max.units ?? 0)
      lost[index] = max(lost[index], 0) + weight
    }
    let present = (0..<codes.count).filter { lost[$0] >= 0 }
    return present.sorted { (lost[$1], codes[$0]) < (lost[$0], codes[$1]) }.prefix(3).map { codes[$0] }
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
