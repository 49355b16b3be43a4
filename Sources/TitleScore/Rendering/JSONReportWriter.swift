/// The report as one JSON document, or as JSON Lines: one object per applicant, then one per rejected record.
enum JSONReportWriter {
  static func write(_ table: ReportTable, lines: Bool, to sink: ReportSink) {
    // A public posting carries the ranked rows only: no summary of deductions, no rejected records.
    let forCommittee = !table.options.publicPosting
    if lines {
      BatchReport.writeRows(table, to: sink) { object(table, $0, pretty: false) + "\n" }
      if forCommittee {
        for record in table.results.rejected { sink.write(rejected(record, language: table.options.language) + "\n") }
      }
      return
    }
    sink.write("{\n  \"sheet\": \(JSONWriter.quoted(table.results.sheet.id)),")
    let sheet = table.results.sheet
    sink.write(
      "\n  \"modelledValues\": {\"count\": \(sheet.modelledValueCount), \"document\": \(JSONWriter.quoted(sheet.document))"
        + (table.modelledNotice.map { ", \"notice\": \(JSONWriter.quoted($0))" } ?? "") + "},")
    if forCommittee {
      let summary = table.summary
      sink.write("\n  \"summary\": {")
      sink.write(
        "\"read\": \(summary.read), \"scored\": \(summary.scored), \"rejected\": \(summary.rejected), \"verdicts\": {")
      sink.write(summary.verdicts.map { "\(JSONWriter.quoted($0.kind.rawValue)): \($0.count)" }.joined(separator: ", "))
      sink.write("}, \"reasons\": {")
      sink.write(summary.reasons.map { "\(JSONWriter.quoted($0.code.rawValue)): \($0.count)" }.joined(separator: ", "))
      sink.write("}},")
    }
    if table.options.publicPosting {
      var writer = JSONWriter(pretty: false)
      writer.beginObject()
      writer.member("scope", table.options.postingScope.rawValue)
      if let notice = table.options.postingNotice {
        writer.member("from", notice.from.description)
        writer.member("until", notice.until.description)
        writer.member("workingDays", integer: notice.workingDays)
        if let contact = notice.contact { writer.member("contact", contact) }
        writer.member("statement", table.postingLines.joined(separator: " "))
      }
      writer.endObject()
      sink.write("\n  \"posting\": \(writer.output),")
    }
    sink.write("\n  \"rows\": [")
    let first = table.rowCount > 0 ? table.position(0) : -1
    BatchReport.writeRows(table, to: sink) { row in
      (row.position == first ? "\n    " : ",\n    ") + object(table, row, pretty: false)
    }
    sink.write("\n  ]")
    if forCommittee {
      sink.write(",\n  \"duplicates\": [")
      for (index, duplicate) in table.results.duplicates.enumerated() {
        sink.write(index == 0 ? "\n    " : ",\n    ")
        sink.write(
          "{\"id\": \(JSONWriter.quoted(duplicate.id)), \"first\": \(JSONWriter.quoted(DuplicateApplicant.location(duplicate.first))), \"repeated\": \(JSONWriter.quoted(DuplicateApplicant.location(duplicate.repeated)))}"
        )
      }
      sink.write(table.results.duplicates.isEmpty ? "]" : "\n  ]")
      sink.write(",\n  \"rejected\": [")
      var first = true
      for record in table.results.rejected {
        sink.write(first ? "\n    " : ",\n    ")
        first = false
        sink.write(rejected(record, language: table.options.language))
      }
      sink.write("\n  ]")
    }
    sink.write("\n}\n")
  }

  static func object(_ table: ReportTable, _ row: BatchRow, pretty: Bool) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.beginObject()
    writer.member("rank", integer: row.rank)
    if !table.options.publicPosting {
      writer.member("id", row.id)
    }
    writer.member("name", row.name)
    writer.member("employer", row.employer)
    if table.options.publicPosting {
      writer.member("idNumber", row.maskedIDNumber)
      writer.member("phone", row.maskedPhone)
    }
    writer.member("total", interval: row.total)
    writer.member("verdict", table.verdictCode(row))
    if !table.options.publicPosting {
      if let margin = row.margin {
        writer.member("margin", interval: margin)
      }
      if !row.failedGates.isEmpty {
        writer.member("failedGates", strings: row.failedGates)
      }
      writer.key("categories")
      writer.beginObject()
      for (index, id) in table.results.categoryIDs.enumerated() {
        writer.key(id)
        writer.interval(row.subtotals[index])
      }
      writer.endObject()
      if let claimed = row.claimed {
        writer.member("claimed", points: claimed)
      }
      writer.member("reasons", strings: row.reasons.map(\.rawValue))
      if !row.flags.isEmpty {
        writer.member("flags", strings: row.flags)
      }
      writer.member("source", row.line > 0 ? "\(row.file):\(row.line)" : row.file)
    }
    writer.endObject()
    return writer.output
  }

  static func rejected(_ record: RejectedRecord, language: Language) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.member("rejected", bool: true)
    writer.member("file", record.file)
    writer.member("line", integer: record.line)
    // A spreadsheet's record names its cell too (`申报人!AB50`, or `AB50` in a CSV file).
    if let cell = record.diagnostic.cell { writer.member("cell", cell.description) }
    if let id = record.applicantID {
      writer.member("id", id)
    }
    writer.member("code", record.diagnostic.code.rawValue)
    writer.member("path", record.diagnostic.path.description)
    writer.member("message", record.diagnostic.message.text(language))
    writer.endObject()
    return writer.output
  }
}
