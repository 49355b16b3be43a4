/// A Markdown report: a summary list and a pipe table, with table syntax in applicant text escaped.
enum MarkdownReportWriter {
  static func escape(_ text: String) -> String {
    // By scalar: a "\r\n" inside a name is one Character, which a match on "\n" or "\r" misses.
    var result = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "|", "\\", "`", "*", "_", "[", "]", "#": result += "\\" + String(scalar)
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": result += " "
      default: result.unicodeScalars.append(scalar)
      }
    }
    return TerminalText.escaped(result, keepingLineBreaks: false)
  }

  static func write(_ table: ReportTable, to sink: ReportSink) {
    sink.write("# \(escape(table.results.sheet.title.text(table.options.language)))\n\n")
    if !table.options.publicPosting {
      for (label, value) in table.summaryLines() { sink.write("- \(escape(label)): \(escape(value))\n") }
      sink.write("\n")
    } else if let notice = table.modelledNotice {
      sink.write("> \(escape(notice))\n\n")
    }
    for posting in table.postingLines { sink.write("\(escape(posting))\n\n") }
    sink.write("| " + table.columns.map { escape($0.title) }.joined(separator: " | ") + " |\n")
    sink.write("|" + table.columns.map { $0.kind == .number ? " ---: " : " --- " }.joined(separator: "|") + "|\n")
    BatchReport.writeRows(table, to: sink) { "| " + table.cells($0).map(escape).joined(separator: " | ") + " |\n" }
    guard !table.options.publicPosting else { return }
    sink.write("\n## \(Message(.reportDistributionOfTotals).text(table.options.language))\n\n")
    for (band, count) in table.distributionLines() { sink.write("- \(band): \(count)\n") }
    sink.write("\n## \(Message(.reportMostCommonDeductions).text(table.options.language))\n\n")
    for (reason, count) in table.reasonLines() { sink.write("- \(escape(reason)): \(count)\n") }
    if !table.results.rejected.isEmpty {
      sink.write("\n## \(Message(.reportRejectedRecords).text(table.options.language))\n\n")
      sink.write(
        "| " + table.rejectedHeaders.joined(separator: " | ") + " |\n|" + String(repeating: " --- |", count: 5) + "\n")
      for cells in table.rejectedCells() { sink.write("| " + cells.map(escape).joined(separator: " | ") + " |\n") }
    }
  }
}
