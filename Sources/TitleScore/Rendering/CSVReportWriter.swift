import Foundation

/// CSV for Excel: UTF-8 with a byte-order mark so Chinese opens correctly, CRLF line ends, text fields quoted and
/// applicant-supplied text kept from running as a formula, numbers as plain numbers — a range of points in two
/// columns, its lowest and highest bound — so that the score columns sort and sum. The report is the list alone;
/// its summary is a second CSV (`writeSummary`).
enum CSVReportWriter {
  /// Whether Excel would read a cell starting with this character as a formula.
  private static func startsFormula(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar {
    case "=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠": return true
    default: return false
    }
  }

  /// A quoted CSV field; `neutralizeFormula` prefixes text that Excel would run as a formula with an apostrophe.
  static func field(_ text: String, neutralizeFormula: Bool) -> String {
    var bytes: [UInt8] = []
    append(text, neutralizeFormula: neutralizeFormula, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the lines of gathered rows, each CRLF-terminated.
  static func appendRows(
    _ table: ReportTable, _ rows: RankedRows, layout: RowLayout, texts: ReportTexts.View, to bytes: inout [UInt8]
  ) {
    // Each row is rendered on its own and then added to the block in one piece (see `RowBytes`).
    var line = RowBytes()
    for row in 0..<rows.count {
      line.removeAll()
      for column in 0..<layout.fields.count {
        if column > 0 { line.append(UInt8(ascii: ",")) }
        guard layout.holdsText[column] else {
          // A number, written bare: digits, a sign and a point only, nothing to quote.
          table.appendCell(
            layout.fields[column], part: layout.parts[column], row: row, of: rows, texts: texts, to: &line)
          continue
        }
        line.append(UInt8(ascii: "\""))
        let start = line.count
        table.appendCell(layout.fields[column], part: layout.parts[column], row: row, of: rows, texts: texts, to: &line)
        quoteInPlace(&line, from: start, neutralizeFormula: layout.neutralize[column])
        line.append(UInt8(ascii: "\""))
      }
      line.append(0x0D)
      line.append(0x0A)
      bytes.append(contentsOf: line.bytes)
    }
  }

  /// What each column is and whether it is guarded against formulas, held apart from the column titles so that
  /// rendering a row copies no shared text.
  struct RowLayout: Sendable {
    let fields: [ReportTable.Field]
    let parts: [ReportTable.Part]
    let neutralize: [Bool]
    /// Whether a column holds text, which is quoted and may have quotes to double; number columns hold a plain
    /// number (digits, a sign, a point) and are written bare.
    let holdsText: [Bool]

    init(_ columns: [ReportTable.Column]) {
      fields = columns.map(\.field)
      parts = columns.map(\.part)
      neutralize = columns.map { $0.kind == .applicantText }
      holdsText = columns.map { $0.kind != .number }
    }
  }

  /// Escapes the text just appended from `start`: doubles its quotes and puts an apostrophe before a formula.
  private static func quoteInPlace(_ bytes: inout RowBytes, from start: Int, neutralizeFormula: Bool) {
    guard start < bytes.count else { return }
    let cell = UnsafeBufferPointer(rebasing: bytes.bytes[start...])
    if memchr(cell.baseAddress!, 0x22, cell.count) != nil {
      let doubled = cell.flatMap { $0 == 0x22 ? [$0, $0] : [$0] }
      bytes.truncate(to: start)
      doubled.withUnsafeBufferPointer { bytes.append(contentsOf: $0) }
    }
    if neutralizeFormula && startsFormula(UnsafeBufferPointer(rebasing: bytes.bytes[start...])) {
      bytes.insert(UInt8(ascii: "'"), at: start)
    }
  }

  /// Whether UTF-8 text starts with a character that makes Excel read it as a formula (`startsFormula`), judged
  /// from its first bytes.
  private static func startsFormula(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
    guard let first = text.first else { return false }
    // The ASCII starters, and the fullwidth ＋ － ＝ ＠ (U+FF0B, U+FF0D, U+FF1D, U+FF20), which are EF BC xx.
    if first < 0x80 { return startsFormula(Unicode.Scalar(first)) }
    guard first == 0xEF, text.count >= 3 else { return false }
    return text[1] == 0xBC && (text[2] == 0x8B || text[2] == 0x8D || text[2] == 0x9D || text[2] == 0xA0)
  }

  /// Appends a quoted field as UTF-8: doubled quotes inside, an apostrophe before a formula.
  static func append(_ text: String, neutralizeFormula: Bool, to bytes: inout [UInt8]) {
    var cell = RowBytes(capacity: text.utf8.count + 8)
    cell.append(UInt8(ascii: "\""))
    cell.append(utf8: text)
    quoteInPlace(&cell, from: 1, neutralizeFormula: neutralizeFormula)
    cell.append(UInt8(ascii: "\""))
    bytes.append(contentsOf: cell.bytes)
  }

  /// Appends one CSV line, CRLF-terminated.
  static func appendLine(_ cells: [String], kinds: [ReportTable.Kind], to bytes: inout [UInt8]) {
    for (index, cell) in cells.enumerated() {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      append(cell, neutralizeFormula: kinds[index] == .applicantText, to: &bytes)
    }
    bytes.append(0x0D)
    bytes.append(0x0A)
  }

  static func line(_ cells: [String], kinds: [ReportTable.Kind]) -> String {
    var bytes: [UInt8] = []
    appendLine(cells, kinds: kinds, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  static func write(_ table: ReportTable, to sink: ReportSink) {
    sink.write(bytes: [0xEF, 0xBB, 0xBF])
    let columns = table.numericColumns
    sink.write(line(columns.map(\.title), kinds: [ReportTable.Kind](repeating: .text, count: columns.count)))
    let layout = RowLayout(columns)
    BatchReport.writeRows(table, to: sink) { positions, bytes in
      let rows = RankedRows(table.results, positions: positions.map(table.position))
      table.texts.withView { appendRows(table, rows, layout: layout, texts: $0, to: &bytes) }
    }
  }

  /// The summary that goes with a CSV list (`batch --summary FILE`): the modelled-values notice and a posting's
  /// period; for the committee, the counts, the distribution of totals, the commonest deductions and the rejected
  /// records with their locations.
  static func writeSummary(_ table: ReportTable, to sink: ReportSink) {
    sink.write(bytes: [0xEF, 0xBB, 0xBF])
    if let notice = table.modelledNotice { sink.write(line([notice], kinds: [.text])) }
    for posting in table.postingLines { sink.write(line([posting], kinds: [.text])) }
    guard !table.options.publicPosting else { return }
    sink.write("\r\n" + line([Message(.reportSummary).text(table.options.language), ""], kinds: [.text, .text]))
    for (label, value) in table.summaryLines() { sink.write(line([label, value], kinds: [.text, .text])) }
    sink.write(
      "\r\n"
        + line(
          [Message(.reportBand).text(table.options.language), Message(.reportApplicants).text(table.options.language)],
          kinds: [.text, .text]))
    for (band, count) in table.distributionLines() { sink.write(line([band, String(count)], kinds: [.text, .text])) }
    sink.write(
      "\r\n"
        + line(
          [
            Message(.reportReason).text(table.options.language),
            Message(.reportApplicants).text(table.options.language),
          ], kinds: [.text, .text]))
    for (reason, count) in table.reasonLines() { sink.write(line([reason, String(count)], kinds: [.text, .text])) }
    if !table.results.rejected.isEmpty {
      sink.write("\r\n" + line([Message(.reportRejectedRecords).text(table.options.language)], kinds: [.text]))
      sink.write(line(table.rejectedHeaders, kinds: [.text, .text, .text, .text, .text]))
      for cells in table.rejectedCells() {
        sink.write(line(cells, kinds: [.applicantText, .applicantText, .text, .applicantText, .applicantText]))
      }
    }
  }
}
