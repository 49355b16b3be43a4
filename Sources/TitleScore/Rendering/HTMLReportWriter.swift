/// One self-contained, printable HTML page; every applicant-supplied text is escaped.
enum HTMLReportWriter {
  static func escape(_ text: String) -> String {
    var result = ""
    result.reserveCapacity(text.utf8.count)
    for character in text {
      switch character {
      case "&": result += "&amp;"
      case "<": result += "&lt;"
      case ">": result += "&gt;"
      case "\"": result += "&quot;"
      case "'": result += "&#39;"
      default: result.append(character)
      }
    }
    return result
  }

  static func write(_ table: ReportTable, to sink: ReportSink) {
    let sheet = table.results.sheet
    let title =
      escape(sheet.title.text(table.options.language))
      + (table.options.publicPosting ? (Message(.reportPublicList).text(table.options.language)) : "")
    sink.write(
      """
      <!DOCTYPE html>
      <html lang="\(Message(.reportHtmlLang).text(table.options.language))">
      <head>
      <meta charset="utf-8">
      <title>\(title)</title>
      <style>
      body { font-family: "Noto Sans CJK SC", "PingFang SC", "Microsoft YaHei", sans-serif; margin: 1.5em; color: #222; }
      h1 { font-size: 1.3em; } h2 { font-size: 1.1em; margin-top: 1.5em; }
      table { border-collapse: collapse; width: 100%; font-size: 0.85em; }
      th, td { border: 1px solid #999; padding: 0.25em 0.4em; text-align: left; vertical-align: top; }
      th { background: #eee; } td.number { text-align: right; font-variant-numeric: tabular-nums; }
      tr.ineligible td { color: #777; }
      @media print { body { margin: 0; } thead { display: table-header-group; } tr { page-break-inside: avoid; } }
      </style>
      </head>
      <body>
      <h1>\(title)</h1>
      <p>\(escape(sheet.issuer.text(table.options.language))) · \(escape(sheet.document)) · \(Message(.reportReviewYear).text(table.options.language)) \(sheet.reviewYear)</p>

      """)
    if table.options.publicPosting, let notice = table.modelledNotice {
      sink.write("<p class=\"modelled\">\(escape(notice))</p>\n")
    }
    for posting in table.postingLines { sink.write("<p class=\"posting\">\(escape(posting))</p>\n") }
    if !table.options.publicPosting {
      sink.write("<h2>\(Message(.reportSummary).text(table.options.language))</h2>\n<table>\n")
      for (label, value) in table.summaryLines() {
        sink.write("<tr><th>\(escape(label))</th><td>\(escape(value))</td></tr>\n")
      }
      sink.write("</table>\n")
    }
    sink.write("<h2>\(Message(.reportRanking).text(table.options.language))</h2>\n<table>\n<thead><tr>")
    for column in table.columns { sink.write("<th>\(escape(column.title))</th>") }
    sink.write("</tr></thead>\n<tbody>\n")
    BatchReport.writeRows(table, to: sink) { row in
      var html = row.verdict == .ineligible ? "<tr class=\"ineligible\">" : "<tr>"
      for (index, cell) in table.cells(row).enumerated() {
        html += table.columns[index].kind == .number ? "<td class=\"number\">" : "<td>"
        html += escape(cell) + "</td>"
      }
      return html + "</tr>\n"
    }
    sink.write("</tbody>\n</table>\n")
    if table.rowCount < table.listedCount {
      let note = Message(.reportHtmlRowsShown, .integer(table.rowCount), .integer(table.listedCount))
      sink.write("<p class=\"truncated\">\(escape(note.text(table.options.language)))</p>\n")
    }
    if !table.options.publicPosting {
      sink.write("<h2>\(Message(.reportDistributionOfTotals).text(table.options.language))</h2>\n<table>\n")
      for (band, count) in table.distributionLines() {
        sink.write("<tr><th>\(escape(band))</th><td class=\"number\">\(count)</td></tr>\n")
      }
      sink.write("</table>\n<h2>\(Message(.reportMostCommonDeductions).text(table.options.language))</h2>\n<table>\n")
      for (reason, count) in table.reasonLines() {
        sink.write("<tr><th>\(escape(reason))</th><td class=\"number\">\(count)</td></tr>\n")
      }
      sink.write("</table>\n")
      if !table.results.rejected.isEmpty {
        sink.write("<h2>\(Message(.reportRejectedRecords).text(table.options.language))</h2>\n<table>\n<thead><tr>")
        for header in table.rejectedHeaders { sink.write("<th>\(escape(header))</th>") }
        sink.write("</tr></thead>\n")
        for cells in table.rejectedCells() {
          sink.write("<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n")
        }
        sink.write("</table>\n")
      }
    }
    sink.write("</body>\n</html>\n")
  }
}
