import Foundation

/// An aligned table for a terminal, Chinese text included, followed by the summary.
enum TextReportWriter {
  static func write(_ table: ReportTable, to sink: ReportSink) {
    let numeric = Set(table.columns.enumerated().filter { $0.element.kind == .number }.map(\.offset))
    var widths = table.columns.map { DisplayWidth.of($0.title) }
    // Applicant text is shown escaped where it could act on the terminal (`TerminalText`).
    func cells(_ row: BatchRow) -> [String] {
      table.cells(row).map { TerminalText.escaped($0, keepingLineBreaks: false) }
    }
    for row in table.results.rankedRows {
      for (index, cell) in cells(row).enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { DisplayWidth.pad($0.element, to: widths[$0.offset], right: numeric.contains($0.offset)) }
        .joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }
    sink.write(line(table.columns.map(\.title)))
    sink.write(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n")
    for row in table.results.rankedRows { sink.write(line(cells(row))) }
    guard !table.options.publicPosting else {
      if let notice = table.modelledNotice { sink.write("\n\(notice)\n") }
      return
    }
    sink.write("\n")
    for (label, value) in table.summaryLines() { sink.write("\(label): \(value)\n") }
    sink.write("\n\(Message(.reportDistributionOfTotals).text(table.options.language))\n")
    let largest = max(1, table.distributionLines().map(\.1).max() ?? 1)
    for (band, count) in table.distributionLines() {
      let bar = String(repeating: "█", count: max(count > 0 ? 1 : 0, count * 40 / largest))
      sink.write("  \(DisplayWidth.pad(band, to: 12)) \(DisplayWidth.pad(String(count), to: 8, right: true)) \(bar)\n")
    }
    sink.write("\n\(Message(.reportMostCommonDeductions).text(table.options.language))\n")
    for (reason, count) in table.reasonLines() { sink.write("  \(count)\t\(reason)\n") }
    if !table.results.rejected.isEmpty {
      sink.write("\n\(Message(.reportRejectedRecords).text(table.options.language))\n")
      for cells in table.rejectedCells() {
        let shown = cells.map { TerminalText.escaped($0, keepingLineBreaks: false) }
        sink.write("  \(shown[0]) \(shown[1]) [\(shown[2])] at \(shown[3]): \(shown[4])\n")
      }
    }
  }
}

extension String {
  func trimmingTrailingSpaces() -> String {
    var end = endIndex
    while end > startIndex, self[index(before: end)] == " " { end = index(before: end) }
    return String(self[..<end])
  }
}
