/// The report as one JSON document, or as JSON Lines: one object per applicant, then one per rejected record.
enum JSONReportWriter {
  static func write(_ table: ReportTable, lines: Bool, to sink: ReportSink) {
    // A public posting carries the ranked rows only: no summary of deductions, no rejected records.
    let forCommittee = !table.options.publicPosting
    if lines {
      BatchReport.writeRows(table, to: sink) { object(table, $0, pretty: false) + "\n" }
      if forCommittee { for record in table.results.rejected { sink.write(rejected(record) + "\n") } }
      return
    }
    sink.write("{\n  \"sheet\": \(JSONWriter.quoted(table.results.sheet.id)),")
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
    sink.write("\n  \"rows\": [")
    BatchReport.writeRows(table, to: sink) { row in
      (isFirst(row) ? "\n    " : ",\n    ") + object(table, row, pretty: false)
    }
    sink.write("\n  ]")
    if forCommittee {
      sink.write(",\n  \"rejected\": [")
      var first = true
      for record in table.results.rejected {
        sink.write(first ? "\n    " : ",\n    ")
        first = false
        sink.write(rejected(record))
      }
      sink.write("\n  ]")
    }
    sink.write("\n}\n")
  }

  /// Whether a row is the first in rank order (the only one not preceded by a comma).
  private static func isFirst(_ row: BatchRow) -> Bool { row.position == 0 }

  static func object(_ table: ReportTable, _ row: BatchRow, pretty: Bool) -> String {
    var writer = JSONWriter(pretty: pretty)
    writer.beginObject()
    writer.key("rank")
    writer.integer(row.rank)
    if !table.options.publicPosting {
      writer.key("id")
      writer.string(row.id)
    }
    writer.key("name")
    writer.string(row.name)
    writer.key("employer")
    writer.string(row.employer)
    if table.options.publicPosting {
      writer.key("idNumber")
      writer.string(row.maskedIDNumber)
      writer.key("phone")
      writer.string(row.maskedPhone)
    }
    writer.key("total")
    writer.interval(row.total)
    writer.key("verdict")
    writer.string(row.verdict.rawValue)
    if !table.options.publicPosting {
      if let margin = row.margin {
        writer.key("margin")
        writer.interval(margin)
      }
      if !row.failedGates.isEmpty {
        writer.key("failedGates")
        writer.beginArray()
        for gate in row.failedGates { writer.string(gate) }
        writer.endArray()
      }
      writer.key("categories")
      writer.beginObject()
      for (index, id) in table.results.categoryIDs.enumerated() {
        writer.key(id)
        writer.interval(row.subtotals[index])
      }
      writer.endObject()
      if let claimed = row.claimed {
        writer.key("claimed")
        writer.points(claimed)
      }
      writer.key("reasons")
      writer.beginArray()
      for reason in row.reasons { writer.string(reason.rawValue) }
      writer.endArray()
      if !row.flags.isEmpty {
        writer.key("flags")
        writer.beginArray()
        for flag in row.flags { writer.string(flag) }
        writer.endArray()
      }
      writer.key("source")
      writer.string(row.line > 0 ? "\(row.file):\(row.line)" : row.file)
    }
    writer.endObject()
    return writer.output
  }

  static func rejected(_ record: RejectedRecord) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("rejected")
    writer.bool(true)
    writer.key("file")
    writer.string(record.file)
    writer.key("line")
    writer.integer(record.line)
    if let id = record.applicantID {
      writer.key("id")
      writer.string(id)
    }
    writer.key("code")
    writer.string(record.diagnostic.code.rawValue)
    writer.key("path")
    writer.string(record.diagnostic.path.description)
    writer.key("message")
    writer.string(record.diagnostic.message)
    writer.endObject()
    return writer.output
  }
}
