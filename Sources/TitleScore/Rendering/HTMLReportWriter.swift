/// One self-contained HTML page a committee reads on screen and signs on paper: a header with the sheet, its
/// document, the review year, the run's date and the counts; the summary beside a histogram of totals with the
/// threshold marked; the list, whose columns sort on a click and whose rows a filter box narrows; the distribution,
/// the commonest deductions and the rejected records; lines for signatures; and, with `--detail`, one section per
/// applicant, each on a page of its own. It prints on A4 landscape, names a CJK font stack (Noto CJK on Debian,
/// YaHei or SimSun on Windows, PingFang on macOS), and holds every style and script inline: no network.
/// Every applicant-supplied text is escaped.
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

  /// The page's styles: compact on screen, A4 landscape on paper with the list's header on every page.
  static let style = """
    :root { --line: #9aa5b1; --head: #e7edf3; }
    body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "Source Han Sans SC", "Microsoft YaHei", "微软雅黑",
      "PingFang SC", "SimSun", "宋体", "WenQuanYi Micro Hei", sans-serif; margin: 1.2em; color: #1f2933;
      font-size: 13px; }
    h1 { font-size: 1.35em; margin: 0 0 0.2em; } h2 { font-size: 1.05em; margin: 1em 0 0.35em; }
    p.meta { margin: 0.1em 0; color: #3e4c59; }
    table { border-collapse: collapse; font-size: 0.92em; }
    th, td { border: 1px solid var(--line); padding: 0.15em 0.35em; text-align: left; vertical-align: top; }
    th { background: var(--head); font-weight: 600; }
    td.number { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    td.nowrap, th { white-space: nowrap; }
    td.reasons { min-width: 14em; } td.source { font-size: 0.85em; color: #52606d; white-space: nowrap; }
    table.list { width: 100%; } table.list th { cursor: pointer; position: sticky; top: 0; }
    table.list th.sorted-up::after { content: " ▲"; } table.list th.sorted-down::after { content: " ▼"; }
    tr.ineligible td { color: #7b8794; } tr.undecided td { background: #fff8e1; }
    .overview { display: flex; gap: 1.5em; align-items: flex-start; }
    .overview > div:first-child { flex: 1 1 55%; } .overview > div:last-child { flex: 0 0 auto; }
    .tables { display: flex; gap: 1.5em; align-items: flex-start; flex-wrap: wrap; }
    .controls { margin: 0.6em 0; } .controls input { width: 24em; padding: 0.2em 0.4em; font: inherit; }
    .hint { color: #7b8794; margin-left: 1em; }
    svg.histogram text { font-size: 10px; fill: #3e4c59; } svg.histogram rect.bar { fill: #5b8def; }
    svg.histogram line.threshold { stroke: #d64545; stroke-width: 1.5; stroke-dasharray: 4 3; }
    .signatures { display: flex; gap: 4em; margin-top: 2.2em; font-size: 1.05em; }
    .signatures span { display: inline-block; min-width: 11em; border-bottom: 1px solid #1f2933; }
    section.detail { margin-top: 2em; } section.detail h2 { border-bottom: 2px solid var(--line); }
    section.detail table { margin-bottom: 0.6em; } .passed { color: #207544; } .failed { color: #b42318; }
    @page { size: A4 landscape; margin: 9mm 8mm; }
    @media print {
      body { margin: 0; font-size: 9.5px; } .controls, .hint { display: none; }
      table.list th { position: static; cursor: auto; } thead { display: table-header-group; }
      tr { break-inside: avoid; } h2 { break-after: avoid; }
      section.detail { break-before: page; margin-top: 0; } .signatures { break-inside: avoid; }
    }
    """

  /// Sorting on a click (numbers by value, a range by its lowest bound) and the filter box.
  static let script = """
    (function () {
      var table = document.querySelector("table.list"); if (!table) return;
      var body = table.tBodies[0], heads = table.tHead.rows[0].cells, count = document.getElementById("shown");
      function value(cell, numeric) {
        var text = cell.textContent.trim();
        if (!numeric) return text;
        var number = parseFloat(text.replace(/\\u2212/g, "-"));
        return isNaN(number) ? -Infinity : number;
      }
      Array.prototype.forEach.call(heads, function (head, index) {
        head.addEventListener("click", function () {
          var numeric = head.classList.contains("number"), up = !head.classList.contains("sorted-up");
          Array.prototype.forEach.call(heads, function (h) { h.classList.remove("sorted-up", "sorted-down"); });
          head.classList.add(up ? "sorted-up" : "sorted-down");
          var rows = Array.prototype.slice.call(body.rows);
          rows.sort(function (a, b) {
            var x = value(a.cells[index], numeric), y = value(b.cells[index], numeric);
            var order = numeric ? x - y : x.localeCompare(y, "zh-CN");
            return (up ? order : -order) || (a.dataset.position - b.dataset.position);
          });
          rows.forEach(function (row) { body.appendChild(row); });
        });
      });
      var filter = document.getElementById("filter");
      if (filter) filter.addEventListener("input", function () {
        var words = filter.value.trim().toLowerCase().split(/\\s+/).filter(Boolean), shown = 0;
        Array.prototype.forEach.call(body.rows, function (row) {
          var text = row.textContent.toLowerCase();
          var keep = words.every(function (word) { return text.indexOf(word) >= 0; });
          row.hidden = !keep; if (keep) shown++;
        });
        if (count) count.textContent = count.dataset.template.replace("{0}", shown);
      });
    })();
    """

  static func write(_ table: ReportTable, to sink: ReportSink) {
    let sheet = table.results.sheet
    let language = table.options.language
    func text(_ key: MessageKey, _ arguments: MessageArgument...) -> String {
      escape(Message(key, arguments: arguments).text(language))
    }
    let title =
      escape(sheet.title.text(language)) + (table.options.publicPosting ? text(.reportPublicList) : "")
    sink.write(
      """
      <!DOCTYPE html>
      <html lang="\(text(.reportHtmlLang))">
      <head>
      <meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>\(title)</title>
      <style>
      \(style)
      </style>
      </head>
      <body>
      <header>
      <h1>\(title)</h1>
      <p class="meta">\(escape(sheet.issuer.text(language))) · \(escape(sheet.document)) · \(text(.reportReviewYear)) \(sheet.reviewYear)\(table.options.runDate.map { " · \(text(.reportGeneratedOn)) \($0)" } ?? "")</p>

      """)
    if !table.options.publicPosting { sink.write("<p class=\"meta\">\(escape(counts(table)))</p>\n") }
    if table.options.publicPosting, let notice = table.modelledNotice {
      sink.write("<p class=\"meta modelled\">\(escape(notice))</p>\n")
    }
    for posting in table.postingLines { sink.write("<p class=\"meta posting\">\(escape(posting))</p>\n") }
    sink.write("</header>\n")
    if !table.options.publicPosting {
      sink.write("<div class=\"overview\">\n<div>\n<h2>\(text(.reportSummary))</h2>\n<table>\n")
      for (label, value) in table.summaryLines() {
        sink.write("<tr><th>\(escape(label))</th><td>\(escape(value))</td></tr>\n")
      }
      sink.write("</table>\n</div>\n")
      if let chart = histogram(table) { sink.write("<div>\n\(chart)</div>\n") }
      sink.write("</div>\n")
    }
    writeList(table, to: sink)
    if !table.options.publicPosting {
      sink.write("<div class=\"tables\">\n<div>\n<h2>\(text(.reportDistributionOfTotals))</h2>\n<table>\n")
      for (band, count) in table.distributionLines() {
        sink.write("<tr><th>\(escape(band))</th><td class=\"number\">\(count)</td></tr>\n")
      }
      sink.write("</table>\n</div>\n<div>\n<h2>\(text(.reportMostCommonDeductions))</h2>\n<table>\n")
      for (reason, count) in table.reasonLines() {
        sink.write("<tr><th>\(escape(reason))</th><td class=\"number\">\(count)</td></tr>\n")
      }
      sink.write("</table>\n</div>\n</div>\n")
      if !table.results.rejected.isEmpty {
        sink.write("<h2>\(text(.reportRejectedRecords))</h2>\n<table>\n<thead><tr>")
        for header in table.rejectedHeaders { sink.write("<th>\(escape(header))</th>") }
        sink.write("</tr></thead>\n")
        for cells in table.rejectedCells() {
          sink.write("<tr>" + cells.map { "<td>\(escape($0))</td>" }.joined() + "</tr>\n")
        }
        sink.write("</table>\n")
      }
      sink.write(
        """
        <div class="signatures"><div>\(text(.reportReviewer))\(text(.punctColon))<span></span></div>\
        <div>\(text(.reportSecondReviewer))\(text(.punctColon))<span></span></div>\
        <div>\(text(.reportSignDate))\(text(.punctColon))<span></span></div></div>

        """)
      writeDetails(table, to: sink)
    }
    sink.write("<script>\n\(script)\n</script>\n</body>\n</html>\n")
  }

  /// `已评分 48 人：达到申报条件 3、未达分数线 40、不符合申报条件 5；被拒 2 条`.
  private static func counts(_ table: ReportTable) -> String {
    let language = table.options.language
    let verdicts = table.summary.verdicts.filter { $0.count > 0 }.map { "\($0.kind.name(language)) \($0.count)" }
    return Message(
      .reportCounts, .integer(table.summary.scored),
      .text(verdicts.joined(separator: Message(.punctListComma).text(language))), .integer(table.summary.rejected)
    ).text(language)
  }

  /// The list: a filter box, then the table, each row knowing its rank position so a sort can be undone.
  private static func writeList(_ table: ReportTable, to sink: ReportSink) {
    let language = table.options.language
    let shown = Message(.reportRowsShownFilter, .text("{0}"), .integer(table.rowCount)).text(language)
    sink.write(
      """
      <h2>\(escape(Message(.reportRanking).text(language)))</h2>
      <div class="controls"><label>\(escape(Message(.reportFilter).text(language))) <input id="filter" type="search" \
      placeholder="\(escape(Message(.reportFilterPlaceholder).text(language)))"></label>\
      <span class="hint" id="shown" data-template="\(escape(shown))">\(escape(shown.replacingOccurrences(of: "{0}", with: String(table.rowCount))))</span>\
      <span class="hint">\(escape(Message(.reportSortHint).text(language)))</span></div>
      <table class="list">
      <thead><tr>
      """)
    for column in table.columns {
      sink.write("<th\(column.kind == .number ? " class=\"number\"" : "")>\(escape(column.title))</th>")
    }
    sink.write("</tr></thead>\n<tbody>\n")
    let classes = table.columns.map { cellClass($0) }
    BatchReport.writeRows(table, to: sink) { row in
      let kind: String
      if row.verdict == .ineligible {
        kind = " class=\"ineligible\""
      } else if table.verdictCode(row) == "undecided" {
        kind = " class=\"undecided\""
      } else {
        kind = ""
      }
      var html = "<tr data-position=\"\(row.position)\"\(kind)>"
      for (index, cell) in table.cells(row).enumerated() {
        html += classes[index].isEmpty ? "<td>" : "<td class=\"\(classes[index])\">"
        // The source's file by name alone (its folder is the same for every row), with the full path on hover.
        if table.columns[index].field == .source, let slash = cell.lastIndex(of: "/") {
          html += "<span title=\"\(escape(cell))\">\(escape(String(cell[cell.index(after: slash)...])))</span></td>"
        } else {
          html += escape(cell) + "</td>"
        }
      }
      return html + "</tr>\n"
    }
    sink.write("</tbody>\n</table>\n")
    if table.rowCount < table.listedCount {
      let note = Message(.reportHtmlRowsShown, .integer(table.rowCount), .integer(table.listedCount))
      sink.write("<p class=\"truncated\">\(escape(note.text(language)))</p>\n")
    }
  }

  /// How a column's cells are set: numbers right-aligned, names and employers on one line.
  private static func cellClass(_ column: ReportTable.Column) -> String {
    if column.kind == .number { return "number" }
    switch column.field {
    case .id, .name, .employer, .verdict, .idNumber, .phone: return "nowrap"
    case .reasons: return "reasons"
    case .source: return "source"
    default: return ""
    }
  }

  /// An inline SVG histogram of the totals in the summary's bands, the threshold marked; nil when nothing has a
  /// total (a route with conditions only).
  static func histogram(_ table: ReportTable) -> String? {
    let summary = table.summary
    guard !summary.distribution.isEmpty, let maxCount = summary.distribution.map(\.count).max(), maxCount > 0 else {
      return nil
    }
    let language = table.options.language
    let band = summary.bandWidth
    var low = summary.distribution.map(\.from).min()!
    var high = summary.distribution.map(\.from).max()! + band
    if let threshold = table.results.sheet.threshold {
      low = min(low, threshold)
      high = max(high, threshold + band)
    }
    let bands = Int(((high - low).units + band.units - 1) / band.units)
    let width = 470
    let height = 165
    let left = 34
    let bottom = 28
    let top = 16
    let plotWidth = width - left - 10
    let plotHeight = height - bottom - top
    let step = Double(plotWidth) / Double(max(1, bands))
    func x(_ points: Points) -> Double {
      Double(left) + Double((points - low).units) / Double(band.units) * step
    }
    func number(_ value: Double) -> String { String(Int((value * 10).rounded())).withDecimal }
    var svg =
      "<h2>\(escape(Message(.reportHistogram, .points(band)).text(language)))</h2>\n"
      + "<svg class=\"histogram\" xmlns=\"http://www.w3.org/2000/svg\" width=\"\(width)\" height=\"\(height)\" "
      + "viewBox=\"0 0 \(width) \(height)\" role=\"img\">\n"
    svg +=
      "<line x1=\"\(left)\" y1=\"\(height - bottom)\" x2=\"\(width - 10)\" y2=\"\(height - bottom)\" stroke=\"#52606d\"/>\n"
    for entry in summary.distribution {
      let barHeight = Double(plotHeight) * Double(entry.count) / Double(maxCount)
      let barX = x(entry.from) + 1
      let barY = Double(height - bottom) - barHeight
      let label = Message(.reportHistogramLabel, .points(entry.from), .points(entry.from + band), .integer(entry.count))
      svg +=
        "<rect class=\"bar\" x=\"\(number(barX))\" y=\"\(number(barY))\" width=\"\(number(max(1, step - 2)))\" "
        + "height=\"\(number(barHeight))\"><title>\(escape(label.text(language)))</title></rect>\n"
        + "<text x=\"\(number(barX + step / 2 - 1))\" y=\"\(number(barY - 3))\" text-anchor=\"middle\">\(entry.count)</text>\n"
    }
    // A label at each band's lower bound, thinned so that they do not run into one another.
    let every = max(1, Int((28 / step).rounded(.up)))
    for index in stride(from: 0, through: bands, by: every) {
      let value = low + Points(units: band.units * Int64(index))
      svg +=
        "<text x=\"\(number(x(value)))\" y=\"\(height - bottom + 14)\" text-anchor=\"middle\">\(value)</text>\n"
    }
    if let threshold = table.results.sheet.threshold {
      let lineX = number(x(threshold))
      svg +=
        "<line class=\"threshold\" x1=\"\(lineX)\" y1=\"\(top - 4)\" x2=\"\(lineX)\" y2=\"\(height - bottom)\"/>\n"
        + "<text x=\"\(lineX)\" y=\"\(top - 6 + 10)\" dx=\"4\" fill=\"#d64545\">"
        + "\(escape(Message(.reportHistogramThreshold, .points(threshold)).text(language)))</text>\n"
    }
    return svg + "</svg>\n"
  }

  /// One section per listed applicant with an explanation, each starting a printed page.
  private static func writeDetails(_ table: ReportTable, to sink: ReportSink) {
    guard !table.options.details.isEmpty else { return }
    for row in table.listedRows {
      guard let explanation = table.options.details[row.position] else { continue }
      sink.write(ResultHTMLRenderer(explanation: explanation, rank: row.rank).render())
    }
  }
}

extension String {
  /// Tenths written as a decimal: `123` → `12.3`, `120` → `12`.
  fileprivate var withDecimal: String {
    guard let value = Int(self) else { return self }
    let sign = value < 0 ? "-" : ""
    let magnitude = abs(value)
    return magnitude % 10 == 0 ? "\(sign)\(magnitude / 10)" : "\(sign)\(magnitude / 10).\(magnitude % 10)"
  }
}
