/// Renders one explained result as a readable item-by-item report for a terminal.
public struct ResultTextRenderer: Sendable {
  /// The explanation to render.
  public let explanation: Explanation
  /// Whether each scored line shows what it matched (the row, the record's type, level and rank): wide.
  public let trace: Bool
  /// The display width free text is wrapped to (the tables are kept to it without `trace`).
  public let width: Int

  /// Prepares a renderer; by default it fits a terminal of 100 columns and leaves out the matched rows.
  public init(explanation: Explanation, trace: Bool = false, width: Int = 100) {
    self.explanation = explanation
    self.trace = trace
    self.width = width
  }

  /// A line of free text wrapped to the width, continuation lines indented under it.
  private func wrap(_ text: String, indent: String) -> String {
    indent + DisplayWidth.wrapped(text, to: width - DisplayWidth.of(indent), indent: "  ") + "\n"
  }

  /// The report text.
  public func render() -> String {
    let sheet = explanation.sheet
    let result = explanation.result
    let portfolio = explanation.portfolio
    let language = explanation.language
    var out = ""
    out += wrap("\(sheet.title.text(language))  [\(sheet.id)]", indent: "")
    out += wrap(
      "\(sheet.issuer.text(language)) · \(sheet.document) · \(Message(.resultReviewYear).text(language)) \(sheet.reviewYear)",
      indent: "")
    if let notice = Explanation.modelledNotice(sheet, language: language) { out += wrap(notice, indent: "") }
    func labelled(_ label: MessageKey, _ value: String) -> String {
      Message(.textLabelValue, .word(label), .text(value)).text(language)
    }
    let applicant = Message(.textNameWithId, .text(portfolio.name), .text(portfolio.id)).text(language)
    out += labelled(.resultApplicant, applicant + " · " + portfolio.employer.name) + "\n\n"

    var summary = labelled(.resultVerdict, result.verdict.kind.name(language))
    if result.threshold != nil || !result.lines.isEmpty { summary += "   " + labelled(.resultTotal, "\(result.total)") }
    if let threshold = result.threshold { summary += "   " + labelled(.resultThreshold, "\(threshold)") }
    if let margin = result.margin { summary += "   " + labelled(.resultMargin, margin.signedDescription) }
    out += summary + "\n"
    if let claimed = result.claimedTotal {
      out += labelled(.resultClaimedTotal, "\(claimed)") + "   " + labelled(.resultAccepted, "\(result.total)") + "\n"
    }

    if !result.gates.isEmpty {
      out += "\n\(Message(.resultControlItems).text(explanation.language))\n"
      for gate in result.gates {
        out += "  \(gate.passed ? "✓" : "✗") \(explanation.title(gate.gateID))\n"
        for finding in gate.findings { out += wrap(finding.text(language), indent: "      ") }
      }
    }

    if !result.conditions.isEmpty {
      out += "\n\(Message(.resultConditions).text(explanation.language))\n"
      for condition in result.conditions {
        let indent = String(repeating: "  ", count: condition.depth + 1)
        // The applicant's own figure beside what is needed, where the condition compares one quantity.
        let observed =
          condition.figure.map { "  (\($0.text(language)))" }
          ?? (condition.observed.isEmpty ? "" : "  (\(condition.observed))")
        out += wrap("\(condition.met ? "✓" : "✗") \(condition.label.text(language))\(observed)", indent: indent)
      }
    }

    if !sheet.categories.isEmpty {
      out += "\n\(Message(.resultPoints).text(explanation.language))\n"
      var table = TextTable(headers: [
        Message(.resultHeaderIndicator).text(explanation.language),
        Message(.resultHeaderRecord).text(explanation.language),
        Message(.resultHeaderMatched).text(explanation.language),
        Message(.resultHeaderPoints).text(explanation.language),
      ])
      table.rightAligned = [3]
      for row in explanation.pointsRows() {
        table.rows.append([
          String(repeating: "  ", count: row.depth) + row.name, row.record, row.matched, row.points,
        ])
      }
      if !trace {
        // Without the trace the matched rows stay out, and long record titles are cut to keep the width.
        table.headers.remove(at: 2)
        table.rows = table.rows.map { row in
          var row = row
          row.remove(at: 2)
          return row
        }
        table.rightAligned = [2]
        let fixed = ([table.headers] + table.rows).reduce((0, 0)) { widths, row in
          (max(widths.0, DisplayWidth.of(row[0])), max(widths.1, DisplayWidth.of(row[2])))
        }
        let room = max(12, width - 2 - fixed.0 - fixed.1 - 4)
        table.rows = table.rows.map { [$0[0], DisplayWidth.truncated($0[1], to: room), $0[2]] }
      }
      out += table.render()
    }

    let deductions = result.deductions.filter { $0.code != .gateFailed }
    if !deductions.isEmpty {
      out += "\n\(Message(.resultDeductionsAndRecordsNotCounted).text(explanation.language))\n"
      for deduction in deductions {
        let lost = deduction.lost.map { "  −\($0)" } ?? ""
        out += wrap("[\(deduction.code.rawValue)] \(explanation.message(deduction))\(lost)", indent: "  ")
      }
    }

    if !result.claims.isEmpty {
      out += "\n\(Message(.resultClaimedVersusAccepted).text(explanation.language))\n"
      var table = TextTable(
        headers: [
          Message(.resultHeaderItem).text(explanation.language),
          Message(.resultHeaderClaimed).text(explanation.language),
          Message(.resultHeaderAccepted).text(explanation.language),
          Message(.resultHeaderDifference).text(explanation.language),
          Message(.resultHeaderReasons).text(explanation.language),
        ])
      table.rightAligned = [1, 2, 3]
      for claim in explanation.claimRows() {
        table.rows.append([claim.item, claim.claimed, claim.accepted, claim.difference, claim.reasons])
      }
      // The reasons are codes, cut to keep the width (the deductions above give them in full).
      let used = ([table.headers] + table.rows).reduce([0, 0, 0, 0]) { widths, row in
        (0..<4).map { max(widths[$0], DisplayWidth.of(row[$0])) }
      }
      let room = max(12, width - 2 - used.reduce(0, +) - 8)
      table.rows = table.rows.map { Array($0.prefix(4)) + [DisplayWidth.truncated($0[4], to: room)] }
      out += table.render()
    }

    if !result.flags.isEmpty {
      out += "\n\(Message(.resultFlags).text(explanation.language))\n"
      for flag in result.flags {
        out +=
          "  ⚑ " + Message(.textLabelValue, .text(flag.flag), .text(explanation.title(flag.triggerID))).text(language)
          + "\n"
      }
    }
    if let gap = explanation.gapSentence() { out += "\n" + wrap(gap, indent: "") }
    return out
  }

}
