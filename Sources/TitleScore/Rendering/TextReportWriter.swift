import Foundation

/// An aligned table for a terminal, Chinese text included, followed by the summary.
enum TextReportWriter {
  /// The columns a narrow table keeps, each with the display width its text is cut to (nil: never cut).
  static let narrowColumns: [(field: ReportTable.Field, limit: Int?)] = [
    (.rank, nil), (.id, nil), (.name, nil), (.employer, 14), (.idNumber, nil), (.phone, nil), (.total, nil),
    (.verdict, 20), (.reasons, 20),
  ]

  static func write(_ table: ReportTable, to sink: ReportSink) {
    // The columns shown, by position in the table's, with the width each is cut to.
    let shown: [(index: Int, limit: Int?)] = table.columns.enumerated().compactMap { index, column in
      if table.options.wide { return (index, nil) }
      guard let kept = narrowColumns.first(where: { $0.field == column.field }) else { return nil }
      return (index, kept.limit)
    }
    let columns = shown.map { table.columns[$0.index] }
    let numeric = Set(columns.enumerated().filter { $0.element.kind == .number }.map(\.offset))
    var widths = columns.map { DisplayWidth.of($0.title) }
    // Applicant text is shown escaped where it could act on the terminal (`TerminalText`).
    func cells(_ row: BatchRow) -> [String] {
      let all = table.cells(row)
      return shown.map { column in
        let text = TerminalText.escaped(all[column.index], keepingLineBreaks: false)
        return column.limit.map { DisplayWidth.truncated(text, to: $0) } ?? text
      }
    }
    for row in table.listedRows {
      for (index, cell) in cells(row).enumerated() { widths[index] = max(widths[index], DisplayWidth.of(cell)) }
    }
    func line(_ cells: [String]) -> String {
      cells.enumerated().map { DisplayWidth.pad($0.element, to: widths[$0.offset], right: numeric.contains($0.offset)) }
        .joined(separator: "  ").trimmingTrailingSpaces() + "\n"
    }
    for posting in table.postingLines { sink.write(DisplayWidth.wrapped(posting, to: 100) + "\n") }
    if !table.postingLines.isEmpty { sink.write("\n") }
    sink.write(line(columns.map(\.title)))
    sink.write(widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n")
    for row in table.listedRows { sink.write(line(cells(row))) }
    let width = table.options.wide ? Int.max : 100
    guard !table.options.publicPosting else {
      if let notice = table.modelledNotice { sink.write("\n" + DisplayWidth.wrapped(notice, to: width) + "\n") }
      return
    }
    sink.write("\n")
    for (label, value) in table.summaryLines() {
      let line = Message(.textLabelValue, .text(label), .text(value)).text(table.options.language)
      sink.write(DisplayWidth.wrapped(line, to: width, indent: "  ") + "\n")
    }
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
        let line = Message(
          .reportRejectedLine, .text(shown[0]), .text(shown[1]), .text(shown[2]), .text(shown[3]), .text(shown[4])
        ).text(table.options.language)
        sink.write("  " + DisplayWidth.wrapped(line, to: width - 2, indent: "    ") + "\n")
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
