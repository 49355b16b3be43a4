/// The columns and cells of a batch report, shared by every format so that each writer only decides layout.
struct ReportTable: Sendable {
  /// How a cell is treated by writers: applicant-supplied text is escaped and kept from running as a formula.
  enum Kind: Sendable { case number, text, applicantText }

  /// What a column shows.
  enum Field: Sendable, Equatable {
    case rank, id, name, employer, idNumber, phone, total, margin, verdict, claimed, claimDifference, reasons, flags,
      source
    /// A first-level category's subtotal, by index.
    case category(Int)
  }

  /// Which part of a range of points a cell shows: the whole (`57.5–61.5`), or one bound as a plain number, for
  /// spreadsheets, which sort and sum only numbers.
  enum Part: Sendable { case whole, min, max }

  struct Column: Sendable {
    var field: Field
    var title: String
    var kind: Kind
    var part: Part = .whole
  }

  /// The columns with every range of points split into its lowest and highest bound, each a number (总分最低,
  /// 总分最高): CSV's columns, so that a spreadsheet sorts and sums the scores.
  var numericColumns: [Column] {
    columns.flatMap { column -> [Column] in
      switch column.field {
      case .total, .margin, .category, .claimDifference:
        return [
          Column(
            field: column.field, title: Message(.reportBoundMin, .text(column.title)).text(options.language),
            kind: .number, part: .min),
          Column(
            field: column.field, title: Message(.reportBoundMax, .text(column.title)).text(options.language),
            kind: .number, part: .max),
        ]
      default: return [column]
      }
    }
  }

  let results: BatchResults
  let options: ReportOptions
  let columns: [Column]
  /// The rank positions a public posting lists, in rank order; nil for every position.
  private let listed: [Int32]?
  /// The most rows this report lists (an HTML report's `htmlRows`); nil for no limit.
  private let rowLimit: Int?
  /// The texts rows share, as bytes.
  let texts: ReportTexts
  /// The summary, for the committee's report; a public posting shows none and does not work it out.
  var summary: BatchSummary { committeeSummary!.result }
  /// Worked out on a thread of its own, when the report may use more than one: CSV and the terminal table show it
  /// after the rows, which render meanwhile; JSON, Markdown and HTML show it first and wait for it.
  private let committeeSummary: BackgroundValue<BatchSummary>?

  init(results: BatchResults, options: ReportOptions, rowLimit: Int? = nil) {
    self.results = results
    self.options = options
    self.rowLimit = rowLimit
    if options.publicPosting {
      committeeSummary = nil
    } else if options.jobs > 1 {
      committeeSummary = BackgroundValue { BatchSummary(results) }
    } else {
      committeeSummary = BackgroundValue(ready: BatchSummary(results))
    }
    texts = ReportTexts(results: results, language: options.language)
    listed = options.publicPosting ? ReportTable.listed(results, scope: options.postingScope) : nil
    var columns: [Column] = [Column(field: .rank, title: Message(.reportRank).text(options.language), kind: .number)]
    if options.publicPosting {
      columns += [
        Column(field: .name, title: Message(.reportName).text(options.language), kind: .applicantText),
        Column(field: .employer, title: Message(.reportEmployer).text(options.language), kind: .applicantText),
        Column(field: .idNumber, title: Message(.reportIdNumber).text(options.language), kind: .applicantText),
        Column(field: .phone, title: Message(.reportPhone).text(options.language), kind: .applicantText),
        Column(field: .total, title: Message(.reportScore).text(options.language), kind: .number),
        Column(field: .verdict, title: Message(.reportVerdict).text(options.language), kind: .text),
      ]
    } else {
      columns += [
        Column(field: .id, title: Message(.reportId).text(options.language), kind: .applicantText),
        Column(field: .name, title: Message(.reportName).text(options.language), kind: .applicantText),
        Column(field: .employer, title: Message(.reportEmployer).text(options.language), kind: .applicantText),
        Column(field: .total, title: Message(.reportTotal).text(options.language), kind: .number),
      ]
      if results.sheet.threshold != nil {
        columns.append(Column(field: .margin, title: Message(.reportMargin).text(options.language), kind: .number))
      }
      columns.append(Column(field: .verdict, title: Message(.reportVerdict).text(options.language), kind: .text))
      for (index, category) in results.sheet.categories.enumerated() {
        columns.append(
          Column(field: .category(index), title: category.title.text(options.language), kind: .number))
      }
      columns += [
        Column(field: .claimed, title: Message(.reportClaimed).text(options.language), kind: .number),
        Column(field: .claimDifference, title: Message(.reportAcceptedClaimed).text(options.language), kind: .number),
        Column(field: .reasons, title: Message(.reportMainDeductions).text(options.language), kind: .text),
        Column(field: .flags, title: Message(.reportFlags).text(options.language), kind: .text),
        Column(field: .source, title: Message(.reportSource).text(options.language), kind: .applicantText),
      ]
    }
    self.columns = columns
  }

  /// How many rows the report lists: every scored applicant, or those the posting's scope takes.
  var rowCount: Int { min(listedCount, rowLimit ?? .max) }

  /// How many rows the report would list without its row limit.
  var listedCount: Int { listed?.count ?? results.scoredCount }

  /// The rank position of the report's `index`-th row.
  func position(_ index: Int) -> Int { listed.map { Int($0[index]) } ?? index }

  /// The rows the report lists, in rank order.
  var listedRows: LazyMapSequence<Range<Int>, BatchRow> {
    (0..<rowCount).lazy.map { self.results.row(ranked: self.position($0)) }
  }

  /// The lines a public posting states at its head: its period and the contact for objections (none when the
  /// office gave no period).
  var postingLines: [String] {
    guard options.publicPosting, let notice = options.postingNotice else { return [] }
    return notice.lines(options.language)
  }

  /// A row's verdict as the report names it: in a public posting, a total below the threshold whose range reaches
  /// it is undecided (待定), not below.
  func verdictCode(_ row: BatchRow) -> String {
    if options.publicPosting, row.verdict == .belowThreshold, let threshold = results.sheet.threshold,
      row.total.max >= threshold
    {
      return "undecided"
    }
    return row.verdict.rawValue
  }

  /// The positions a posting of a scope lists.
  private static func listed(_ results: BatchResults, scope: ReportOptions.PostingScope) -> [Int32]? {
    guard scope != .all else { return nil }
    let pass = UInt8(Verdict.Kind.byIndex.firstIndex(of: .pass)!)
    var positions: [Int32] = []
    for position in 0..<results.scoredCount {
      let index = Int(results.order[position])
      if results.rows[index].verdict == pass || (scope == .undecided && straddles(results, index)) {
        positions.append(Int32(position))
      }
    }
    return positions
  }

  /// Whether a row below the threshold could still reach it: its total is a range reviewers decide that
  /// reaches the threshold (57.5–61.5 against 60). Such a total is 待定 in a posting, not below.
  static func straddles(_ results: BatchResults, _ index: Int) -> Bool {
    guard let threshold = results.sheet.threshold,
      Verdict.Kind.byIndex[Int(results.rows[index].verdict)] == .belowThreshold
    else { return false }
    let total = results.total(index)
    return total.min < threshold && total.max >= threshold
  }

  /// One bound of a cell's range of points, as a plain number (`-4.5`); empty where the cell has none.
  private func appendBound<Output: ByteAppending & ~Copyable>(
    _ field: Field, _ part: Part, row: Int, of rows: RankedRows, to bytes: inout Output
  ) {
    let interval: PointsInterval?
    switch field {
    case .total: interval = rows.total(row)
    case .margin: interval = results.sheet.threshold.map { rows.total(row) - $0 }
    case .category(let index): interval = rows.subtotal(row, category: index)
    case .claimDifference: interval = rows.claimed(row).map { rows.total(row) - $0 }
    default: interval = nil
    }
    guard let interval else { return }
    (part == .min ? interval.min : interval.max).appendDescription(to: &bytes)
  }

  /// The cells of a row, in column order: the row is gathered once and every cell rendered from it.
  func cells(_ row: BatchRow) -> [String] {
    let rows = RankedRows(results, positions: row.position..<(row.position + 1))
    return texts.withView { texts in
      columns.map { column in
        var bytes: [UInt8] = []
        appendCell(column.field, row: 0, of: rows, texts: texts, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
      }
    }
  }

  /// Appends a cell's text as UTF-8, not yet escaped for any format, from a row gathered in `rows` and shared texts
  /// in `texts` (a view of `self.texts`): every format's cells come from here, and CSV writes them without building
  /// a `String` per cell.
  func appendCell<Output: ByteAppending & ~Copyable>(
    _ field: Field, part: Part = .whole, row: Int, of rows: RankedRows, texts: ReportTexts.View,
    to bytes: inout Output
  ) {
    if part != .whole {
      appendBound(field, part, row: row, of: rows, to: &bytes)
      return
    }
    switch field {
    case .rank: Points.appendDigits(of: UInt64(rows.ranks[row]), to: &bytes)
    case .id: bytes.append(utf8: rows.filed[row].id)
    case .name: bytes.append(utf8: rows.filed[row].name)
    case .employer: bytes.append(contentsOf: texts.text(.employer, Int(rows.filed[row].employerIndex)))
    case .idNumber: Masking.appendExpanded(rows.filed[row].idNumber, to: &bytes)
    case .phone: Masking.appendExpanded(rows.filed[row].phone, to: &bytes)
    case .total: rows.total(row).appendDescription(to: &bytes)
    case .margin:
      if let threshold = results.sheet.threshold {
        (rows.total(row) - threshold).appendSignedDescription(to: &bytes)
      }
    case .verdict:
      if options.publicPosting, let threshold = results.sheet.threshold,
        Verdict.Kind.byIndex[Int(rows.filed[row].verdict)] == .belowThreshold, rows.total(row).max >= threshold
      {
        bytes.append(contentsOf: texts.text(.punctuation, ReportTexts.Punctuation.undecided.rawValue))
        return
      }
      bytes.append(contentsOf: texts.text(.verdict, Int(rows.filed[row].verdict)))
      let positions = rows.filed[row].positions
      guard !positions.noGateFailed else { return }
      bytes.append(contentsOf: texts.text(.openParen))
      var first = true
      for gate in positions.gates {
        if !first { bytes.append(contentsOf: texts.text(.listComma)) }
        first = false
        bytes.append(contentsOf: texts.text(.gateTitle, gate))
      }
      bytes.append(contentsOf: texts.text(.closeParen))
    case .claimed: rows.claimed(row)?.appendDescription(to: &bytes)
    case .claimDifference:
      if let claimed = rows.claimed(row) { (rows.total(row) - claimed).appendSignedDescription(to: &bytes) }
    case .reasons:
      for (position, reason) in ReasonPacking.indices(in: rows.filed[row].reasonCodes).enumerated() {
        if position > 0 { bytes.append(contentsOf: texts.text(.semicolon)) }
        bytes.append(contentsOf: texts.text(.reason, reason))
      }
    case .flags:
      // Each flag once, in sheet order, as `raisedFlags` lists them.
      let positions = rows.filed[row].positions
      guard !positions.noFlagRaised else { return }
      var shown: [Int] = []
      for flag in positions.flags {
        guard !shown.contains(where: { texts.same(.flag, $0, flag) }) else { continue }
        if !shown.isEmpty { bytes.append(UInt8(ascii: " ")) }
        shown.append(flag)
        bytes.append(contentsOf: texts.text(.flag, flag))
      }
    case .source:
      bytes.append(contentsOf: texts.text(.file, Int(rows.filed[row].fileIndex)))
      let line = rows.filed[row].line
      if line > 0 {
        bytes.append(UInt8(ascii: ":"))
        Points.appendDigits(of: UInt64(line), to: &bytes)
      }
    case .category(let category): rows.subtotal(row, category: category).appendDescription(to: &bytes)
    }
  }

  /// Summary lines as label and value pairs, for every format.
  func summaryLines() -> [(String, String)] {
    var lines: [(String, String)] = [
      (
        Message(.reportSheet).text(options.language),
        "\(results.sheet.title.text(options.language)) [\(results.sheet.id)]"
      ),
      (
        Message(.reportRecordsRead).text(options.language),
        "\(summary.read) = \(summary.scored) \(Message(.reportScored).text(options.language)) + \(summary.rejected) \(Message(.reportRejected).text(options.language))"
      ),
    ]
    for (kind, count) in summary.verdicts where count > 0 || kind != .criteriaNotMet {
      lines.append((kind.name(options.language), String(count)))
    }
    if let lowest = summary.lowest, let median = summary.median, let highest = summary.highest {
      lines.append((Message(.reportLowestMedianHighest).text(options.language), "\(lowest) / \(median) / \(highest)"))
    }
    if !results.duplicates.isEmpty {
      let shown = results.duplicates.prefix(20).map { duplicate in
        "\(duplicate.id) \(DuplicateApplicant.location(duplicate.first)) \(Message(.reportAnd).text(options.language)) "
          + DuplicateApplicant.location(duplicate.repeated)
      }
      let more = results.duplicates.count > 20 ? (Message(.punctAndMore).text(options.language)) : ""
      lines.append(
        (
          Message(.reportRepeatedIds).text(options.language),
          "\(results.duplicates.count)\(Message(.punctColon).text(options.language))"
            + shown.joined(separator: Message(.punctSemicolon).text(options.language)) + more
        ))
    }
    if let notice = modelledNotice { lines.append((Message(.reportModelledValues).text(options.language), notice)) }
    return lines
  }

  /// The sentence on the sheet's modelled values, if it has any; every report and posting states it.
  var modelledNotice: String? { Explanation.modelledNotice(results.sheet, language: options.language) }

  /// The distribution of totals as label and count pairs.
  func distributionLines() -> [(String, Int)] {
    summary.distribution.map { ("[\($0.from), \($0.from + summary.bandWidth))", $0.count) }
  }

  /// The most common reasons as label and count pairs.
  func reasonLines() -> [(String, Int)] {
    summary.reasons.prefix(10).map { ("\($0.code.shortName(options.language)) [\($0.code.rawValue)]", $0.count) }
  }

  /// Rejected records as cells: source, applicant id, code, path, message.
  func rejectedCells() -> [[String]] {
    results.rejected.map { record in
      [
        record.line > 0 ? "\(record.file):\(record.line)" : record.file, record.applicantID ?? "",
        record.diagnostic.code.rawValue, record.diagnostic.path.description,
        record.diagnostic.message.text(options.language),
      ]
    }
  }

  var rejectedHeaders: [String] {
    [
      Message(.reportHeaderSource).text(options.language), Message(.reportHeaderId).text(options.language),
      Message(.reportHeaderCode).text(options.language), Message(.reportHeaderPath).text(options.language),
      Message(.reportHeaderReason).text(options.language),
    ]
  }
}
