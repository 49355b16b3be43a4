/// CSV for Excel: UTF-8 with a byte-order mark so Chinese opens correctly, CRLF line ends, every field quoted,
/// and applicant-supplied text kept from running as a formula.
enum CSVReportWriter {
  /// Characters that make Excel read a cell as a formula.
  private static let formulaStarts: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"]

  /// A quoted CSV field; `neutralizeFormula` prefixes text that Excel would run as a formula with an apostrophe.
  static func field(_ text: String, neutralizeFormula: Bool) -> String {
    var result = ""
    append(text, neutralizeFormula: neutralizeFormula, to: &result)
    return result
  }

  /// Appends a quoted field: doubled quotes inside, an apostrophe before a formula.
  static func append(_ text: String, neutralizeFormula: Bool, to line: inout String) {
    line.append("\"")
    if neutralizeFormula, let first = text.unicodeScalars.first, formulaStarts.contains(first) { line.append("'") }
    if text.utf8.contains(UInt8(ascii: "\"")) {
      for character in text {
        if character == "\"" { line.append("\"\"") } else { line.append(character) }
      }
    } else {
      line.append(text)
    }
    line.append("\"")
  }

  static func line(_ cells: [String], kinds: [ReportTable.Kind]) -> String {
    var line = ""
    line.reserveCapacity(cells.reduce(8) { $0 + $1.utf8.count + 4 })
    for (index, cell) in cells.enumerated() {
      if index > 0 { line.append(",") }
      append(cell, neutralizeFormula: kinds[index] == .applicantText, to: &line)
    }
    line.append("\r\n")
    return line
  }

  static func write(_ table: ReportTable, to sink: ReportSink) {
    sink.write(bytes: [0xEF, 0xBB, 0xBF])
    let kinds = table.columns.map(\.kind)
    let texts = [ReportTable.Kind](repeating: .text, count: table.columns.count)
    sink.write(line(table.columns.map(\.title), kinds: texts))
    BatchReport.writeRows(table, to: sink) { line(table.cells($0), kinds: kinds) }
    guard !table.options.publicPosting else { return }
    let zh = table.options.language == .zh
    sink.write("\r\n" + line([zh ? "汇总" : "Summary", ""], kinds: [.text, .text]))
    for (label, value) in table.summaryLines() { sink.write(line([label, value], kinds: [.text, .text])) }
    sink.write("\r\n" + line([zh ? "分数段" : "Band", zh ? "人数" : "Applicants"], kinds: [.text, .text]))
    for (band, count) in table.distributionLines() { sink.write(line([band, String(count)], kinds: [.text, .text])) }
    sink.write("\r\n" + line([zh ? "扣分原因" : "Reason", zh ? "人数" : "Applicants"], kinds: [.text, .text]))
    for (reason, count) in table.reasonLines() { sink.write(line([reason, String(count)], kinds: [.text, .text])) }
    if !table.results.rejected.isEmpty {
      sink.write("\r\n" + line([zh ? "被拒记录" : "Rejected records"], kinds: [.text]))
      sink.write(line(table.rejectedHeaders, kinds: [.text, .text, .text, .text, .text]))
      for cells in table.rejectedCells() {
        sink.write(line(cells, kinds: [.applicantText, .applicantText, .text, .applicantText, .applicantText]))
      }
    }
  }
}
