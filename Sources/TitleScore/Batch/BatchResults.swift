/// The scored applicants of a batch, each as a compact row (`FiledRow`) and a run of 32-bit numbers, so that memory
/// grows by about 160 bytes per applicant whatever the size of the input, plus the rejected records and the ranking.
public struct BatchResults: Sendable {
  /// The sheet applied.
  public let sheet: Scoresheet
  /// The first-level categories whose subtotals each row carries.
  public let categoryIDs: [String]
  /// Every input file, by index.
  public internal(set) var files: [String] = []
  /// Records that could not be read or scored, in input order.
  public internal(set) var rejected: [RejectedRecord] = []
  /// Applicant ids given to more than one scored record (both scored; see `DuplicateApplicant`).
  public internal(set) var duplicates: [DuplicateApplicant] = []
  /// How many applicants lost points for each reason.
  public var reasonCounts: [ReasonCode: Int] {
    var counts: [ReasonCode: Int] = [:]
    for (index, count) in reasonTally.enumerated() where count > 0 { counts[ReasonPacking.codes[index]] = count }
    return counts
  }

  /// How long the stages of the run took, for benchmarks.
  public struct Timings: Sendable {
    /// Reading, decoding, scoring and filing every record.
    public var scoringSeconds: Double = 0
    /// Ranking the scored applicants.
    public var rankingSeconds: Double = 0
  }

  /// How long the stages of the run took.
  public internal(set) var timings = Timings()

  /// Applicants per reason, indexed like `ReasonCode.allCases` (a fixed array is cheaper than a dictionary per row).
  var reasonTally = [Int](repeating: 0, count: ReasonCode.allCases.count)

  /// Each scored applicant's row, but for its numbers.
  var rows: [FiledRow] = []
  /// The employers' names, numbered (`FiledRow.employerIndex`).
  var employers = TextNumbering()
  /// Per row: total min/max, then each category's min/max, then tie-break values, then the claim (or `noClaim`),
  /// in ten-thousandths of a point. 32 bits hold ±214,748 points; a record whose points do not fit is rejected.
  var numbers: [Int32] = []
  /// Row indices in rank order, and each row's rank.
  var order: [Int32] = []
  var ranks: [Int32] = []

  static let noClaim = Int32.min
  let stride: Int

  init(sheet: Scoresheet) {
    self.sheet = sheet
    categoryIDs = sheet.categories.map(\.id)
    stride = 2 + 2 * sheet.categories.count + sheet.tieBreakers.count + 1
  }

  /// The number of applicants scored.
  public var scoredCount: Int { rows.count }

  /// Records read: scored plus rejected.
  public var readCount: Int { rows.count + rejected.count }

  /// The row at a position in rank order.
  public func row(ranked position: Int) -> BatchRow {
    var row = row(Int(order[position]))
    row.position = position
    return row
  }

  /// The rows in rank order.
  public var rankedRows: LazyMapSequence<Range<Int>, BatchRow> {
    (0..<scoredCount).lazy.map { self.row(ranked: $0) }
  }

  func row(_ index: Int) -> BatchRow {
    let total = self.total(index)
    let filed = rows[index]
    return BatchRow(
      rank: rank(index), position: 0, id: filed.id, name: filed.name,
      employer: employers.texts[Int(filed.employerIndex)], maskedIDNumber: Masking.expand(filed.idNumber),
      maskedPhone: Masking.expand(filed.phone), verdict: verdict(index),
      failedGates: failedGates(index).map { sheet.gates[$0].id },
      total: total, margin: sheet.threshold.map { total - $0 },
      subtotals: (0..<categoryIDs.count).map { subtotal(index, category: $0) }, claimed: claimed(index),
      reasons: ReasonPacking.unpack(filed.reasonCodes), flags: raisedFlags(index), file: files[Int(filed.fileIndex)],
      line: Int(filed.line))
  }

  /// A row's rank (0 before ranking).
  func rank(_ index: Int) -> Int { ranks.isEmpty ? 0 : Int(ranks[index]) }

  /// A row's verdict.
  func verdict(_ index: Int) -> Verdict.Kind { Verdict.Kind.byIndex[Int(rows[index].verdict)] }

  /// A row's total.
  func total(_ index: Int) -> PointsInterval { RowNumbers.total(numbers, row: index, stride: stride) }

  /// A row's subtotal of a first-level category, by the category's position.
  func subtotal(_ index: Int, category: Int) -> PointsInterval {
    RowNumbers.subtotal(numbers, row: index, stride: stride, category: category)
  }

  /// A row's claimed total, if the portfolio claims one.
  func claimed(_ index: Int) -> Points? { RowNumbers.claimed(numbers, row: index, stride: stride) }

  /// The positions in `sheet.gates` of the gates a row failed. Walks the set, not the gates: copying each gate
  /// to read its id would cost more than the row.
  func failedGates(_ index: Int) -> [Int] {
    rows[index].positions.gates
  }

  /// The flags a row raised, each once, in sheet order.
  func raisedFlags(_ index: Int) -> [String] {
    var raised: [String] = []
    for position in rows[index].positions.flags where !raised.contains(sheet.flags[position].flag) {
      raised.append(sheet.flags[position].flag)
    }
    return raised
  }

  /// The tie-break values of a row.
  func tieBreakValue(_ index: Int, _ which: Int) -> Int32 {
    numbers[index * stride + 2 + 2 * categoryIDs.count + which]
  }

  /// Makes room for a number of applicants: their rows and their numbers.
  mutating func reserveCapacity(_ applicants: Int) {
    rows.reserveCapacity(applicants)
    numbers.reserveCapacity(applicants * stride)
  }

  /// Appends another part's rows, re-basing its employer and file indices.
  mutating func append(_ part: BatchResults, fileOffset: Int32 = 0) {
    let employerMap = part.employers.texts.map { employers.number(of: $0) }
    for var row in part.rows {
      row.employerIndex = employerMap[Int(row.employerIndex)]
      row.fileIndex += fileOffset
      rows.append(row)
    }
    numbers += part.numbers
    rejected += part.rejected
    for index in reasonTally.indices { reasonTally[index] += part.reasonTally[index] }
  }
}

/// How a row's numbers lie in a column of `stride` numbers per row: total min/max, each first-level category's
/// min/max, the tie-break values, then the claim (or `BatchResults.noClaim`), in ten-thousandths of a point.
enum RowNumbers {
  static func interval(_ numbers: [Int32], row: Int, stride: Int, offset: Int) -> PointsInterval {
    let base = row * stride + offset
    return PointsInterval(min: Points(units: Int64(numbers[base])), max: Points(units: Int64(numbers[base + 1])))
  }

  /// A row's total.
  static func total(_ numbers: [Int32], row: Int, stride: Int) -> PointsInterval {
    interval(numbers, row: row, stride: stride, offset: 0)
  }

  /// A row's subtotal of a first-level category, by the category's position.
  static func subtotal(_ numbers: [Int32], row: Int, stride: Int, category: Int) -> PointsInterval {
    interval(numbers, row: row, stride: stride, offset: 2 + 2 * category)
  }

  /// A row's claimed total, if the portfolio claims one.
  static func claimed(_ numbers: [Int32], row: Int, stride: Int) -> Points? {
    let units = numbers[row * stride + stride - 1]
    return units == BatchResults.noClaim ? nil : Points(units: Int64(units))
  }
}

/// Packs up to three reason codes into one word: each as its index in `ReasonCode.allCases` plus one.
enum ReasonPacking {
  static let codes = ReasonCode.allCases
  /// Each code's place when the codes are sorted by name, by index: ties are broken by name without comparing
  /// texts.
  static let nameOrder: [Int] = {
    let sorted = codes.sorted()
    return codes.map { code in sorted.firstIndex(of: code)! }
  }()

  /// A code's position in `ReasonCode.allCases`, by a switch (a test checks it against `allCases`).
  static func index(of code: ReasonCode) -> Int {
    switch code {
    case .outsideWindow: return 0
    case .noEvidence: return 1
    case .notMainContributor: return 2
    case .patentTransferred: return 3
    case .notPublished: return 4
    case .capReached: return 5
    case .sharedCapReached: return 6
    case .unrelatedMajor: return 7
    case .gateFailed: return 8
    case .missingField: return 9
    case .noMatchingRow: return 10
    case .notHigherItem: return 11
    case .assessedOutOfRange: return 12
    case .conditionNotMet: return 13
    case .unknownClaimedItem: return 14
    case .claimAboveTable: return 15
    case .authorshipNotAccepted: return 16
    case .tooFewCharacters: return 17
    case .notMainWinner: return 18
    case .materialDeficient: return 19
    case .valueOutsideVocabulary: return 20
    }
  }

  /// How many codes a word holds at most.
  static let slots = 3

  /// The word bits that put a code (by its index) in a slot.
  static func packing(index: Int, inSlot slot: Int) -> UInt32 {
    UInt32(index + 1) << (8 * UInt32(slot))
  }

  /// The indices of the codes in a word, in slot order, read lazily (report rows read them without allocating).
  static func indices(in word: UInt32) -> some Sequence<Int> {
    (0..<slots).lazy.map { Int((word >> (8 * UInt32($0))) & 0xFF) - 1 }.filter { $0 >= 0 }
  }

  /// The codes in a word, in slot order.
  static func unpack(_ word: UInt32) -> [ReasonCode] {
    indices(in: word).map { codes[$0] }
  }
}

extension BatchResults {
  /// The same results with every file named relative to `folder` (an upload's temporary folder): the report then
  /// names `applicants.xlsx:12`, not where the server happened to keep it.
  package func relabelled(from folder: String) -> BatchResults {
    let prefix = folder.hasSuffix("/") ? folder : folder + "/"
    func name(_ file: String) -> String { file.hasPrefix(prefix) ? String(file.dropFirst(prefix.count)) : file }
    var copy = self
    copy.files = files.map(name)
    copy.rejected = rejected.map { record in
      var record = record
      record.file = name(record.file)
      if let file = record.diagnostic.file { record.diagnostic.file = name(file) }
      return record
    }
    copy.duplicates = duplicates.map { duplicate in
      var duplicate = duplicate
      duplicate.first.file = name(duplicate.first.file)
      duplicate.repeated.file = name(duplicate.repeated.file)
      return duplicate
    }
    return copy
  }
}
