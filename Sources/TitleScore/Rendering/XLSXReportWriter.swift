/// The report as an Excel workbook: a 名单 sheet (the list, every range of points in two numeric columns, 最低 and
/// 最高, so that the scores sort, filter and sum), then for the committee a 汇总 sheet (counts and the distribution
/// of totals), 扣分原因 (every deduction reason with its count) and 被拒记录 (each rejected record with its location
/// and reason). A public posting has its list and a sheet with its period, contact and the modelled-values notice.
/// Applicant text is stored as text cells, never as formulas.
enum XLSXReportWriter {
  static func write(_ table: ReportTable, to sink: ReportSink) {
    let language = table.options.language
    var workbook = XLSXWriter()
    let listName = Message(table.options.publicPosting ? .workbookSheetPosting : .workbookSheetList).text(language)
    let list = workbook.add(XLSXWriter.Sheet(name: listName))
    let columns = table.numericColumns
    workbook.append(columns.map { .text($0.title) }, to: list)
    let blockSize = 4096
    var start = 0
    while start < table.rowCount {
      let end = min(table.rowCount, start + blockSize)
      let rows = RankedRows(table.results, positions: (start..<end).map(table.position))
      table.texts.withView { texts in
        for row in 0..<rows.count {
          var cells: [XLSXWriter.Cell] = []
          cells.reserveCapacity(columns.count)
          for column in columns {
            var bytes: [UInt8] = []
            table.appendCell(column.field, part: column.part, row: row, of: rows, texts: texts, to: &bytes)
            if bytes.isEmpty {
              cells.append(.empty)
            } else if column.kind == .number {
              cells.append(.number(String(decoding: bytes, as: UTF8.self)))
            } else {
              cells.append(.text(String(decoding: bytes, as: UTF8.self)))
            }
          }
          workbook.append(cells, to: list)
        }
      }
      start = end
    }
    var notes: [String] = []
    if let notice = table.modelledNotice { notes.append(notice) }
    notes += table.postingLines
    if table.options.publicPosting {
      var about = XLSXWriter.Sheet(name: Message(.reportSummary).text(language))
      about.header = false
      about.fixedWidths = [0: 100]
      let sheet = workbook.add(about)
      let title = table.results.sheet.title.text(language) + Message(.reportPublicList).text(language)
      workbook.append([.text(title)], to: sheet, style: .header)
      for note in notes { workbook.append([.text(note)], to: sheet, style: .wrapped) }
    } else {
      writeSummary(table, notes: notes, into: &workbook)
    }
    sink.write(bytes: workbook.finished())
  }

  /// The committee's 汇总, 扣分原因 and 被拒记录 sheets.
  private static func writeSummary(_ table: ReportTable, notes: [String], into workbook: inout XLSXWriter) {
    let language = table.options.language
    var summarySheet = XLSXWriter.Sheet(name: Message(.reportSummary).text(language))
    summarySheet.header = false
    summarySheet.landscape = false
    let summary = workbook.add(summarySheet)
    workbook.append([.text(Message(.reportSummary).text(language)), .empty, .empty], to: summary, style: .header)
    for (label, value) in table.summaryLines() { workbook.append([.text(label), .text(value)], to: summary) }
    for note in notes { workbook.append([.text(note)], to: summary) }
    workbook.append([], to: summary)
    workbook.append(
      [
        .text(Message(.reportBandFrom).text(language)), .text(Message(.reportBandTo).text(language)),
        .text(Message(.reportApplicants).text(language)),
      ], to: summary, style: .header)
    let figures = table.summary
    for band in figures.distribution {
      workbook.append(
        [
          .number(band.from.description), .number((band.from + figures.bandWidth).description),
          .number(String(band.count)),
        ], to: summary)
    }
    let reasons = workbook.add(XLSXWriter.Sheet(name: Message(.reportReason).text(language)))
    workbook.append(
      [
        .text(Message(.reportReason).text(language)), .text(Message(.reportReasonCode).text(language)),
        .text(Message(.reportApplicants).text(language)),
      ], to: reasons)
    for reason in figures.reasons {
      workbook.append(
        [.text(reason.code.shortName(language)), .text(reason.code.rawValue), .number(String(reason.count))],
        to: reasons)
    }
    let rejected = workbook.add(XLSXWriter.Sheet(name: Message(.reportRejectedRecords).text(language)))
    workbook.append(table.rejectedHeaders.map { .text($0) }, to: rejected)
    for cells in table.rejectedCells() { workbook.append(cells.map { .text($0) }, to: rejected) }
  }
}
