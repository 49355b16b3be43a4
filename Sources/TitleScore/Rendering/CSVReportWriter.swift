/// CSV for Excel: UTF-8 with a byte-order mark so Chinese opens correctly, CRLF line ends, every field quoted,
/// and applicant-supplied text kept from running as a formula.
enum CSVReportWriter {
  /// A quoted CSV field; `neutralizeFormula` prefixes text that Excel would run as a formula with an apostrophe.
  static func field(_ text: String, neutralizeFormula: Bool) -> String {
    var value = text
    if neutralizeFormula, let first = value.unicodeScalars.first,
      ["=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠"].contains(first)
    {
      value = "'" + value
    }
    guard value.utf8.contains(UInt8(ascii: "\"")) else { return "\"" + value + "\"" }
    var escaped = "\""
    for character in value {
      if character == "\"" { escaped += "\"\"" } else { escaped.append(character) }
    }
    return escaped + "\""
  }

  static func line(_ cells: [String], kinds: [ReportTable.Kind]) -> String {
    var parts: [String] = []
    parts.reserveCapacity(cells.count)
    for (index, cell) in cells.enumerated() {
      parts.append(field(cell, neutralizeFormula: kinds[index] == .applicantText))
    }
    return parts.joined(separator: ",") + "\r\n"
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
