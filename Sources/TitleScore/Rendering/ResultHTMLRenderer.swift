/// One applicant's explained result as a section of the HTML report (`batch --detail`): the verdict and total
/// against the threshold, the control items with their findings, the conditions, the points item by item with the
/// records counted, every deduction with its reason and the points it cost, claimed versus accepted, and flags.
/// Every applicant-supplied text is escaped.
struct ResultHTMLRenderer {
  let explanation: Explanation
  /// The applicant's rank in the list.
  let rank: Int

  private func text(_ key: MessageKey, _ arguments: MessageArgument...) -> String {
    HTMLReportWriter.escape(Message(key, arguments: arguments).text(explanation.language))
  }

  private func escape(_ text: String) -> String { HTMLReportWriter.escape(text) }

  private func labelled(_ label: MessageKey, _ value: String) -> String {
    escape(Message(.textLabelValue, .word(label), .text(value)).text(explanation.language))
  }

  func render() -> String {
    let result = explanation.result
    let portfolio = explanation.portfolio
    let language = explanation.language
    var html = "<section class=\"detail\">\n"
    let applicant = Message(.textNameWithId, .text(portfolio.name), .text(portfolio.id)).text(language)
    html += "<h2>\(text(.reportRank)) \(rank) · \(escape(applicant)) · \(escape(portfolio.employer.name))</h2>\n"
    var summary = [labelled(.resultVerdict, result.verdict.kind.name(language))]
    if result.threshold != nil || !result.lines.isEmpty { summary.append(labelled(.resultTotal, "\(result.total)")) }
    if let threshold = result.threshold { summary.append(labelled(.resultThreshold, "\(threshold)")) }
    if let margin = result.margin { summary.append(labelled(.resultMargin, margin.signedDescription)) }
    if let claimed = result.claimedTotal { summary.append(labelled(.resultClaimedTotal, "\(claimed)")) }
    html += "<p>\(summary.joined(separator: " · "))</p>\n"
    if !result.gates.isEmpty {
      html += "<h3>\(text(.resultControlItems))</h3>\n<ul>\n"
      for gate in result.gates {
        html += "<li class=\"\(gate.passed ? "passed" : "failed")\">\(gate.passed ? "✓" : "✗") "
        html += escape(explanation.title(gate.gateID))
        if !gate.findings.isEmpty {
          html +=
            text(.punctColon) + gate.findings.map { escape($0.text(language)) }.joined(separator: text(.punctSemicolon))
        }
        html += "</li>\n"
      }
      html += "</ul>\n"
    }
    if !result.conditions.isEmpty {
      html += "<h3>\(text(.resultConditions))</h3>\n<ul>\n"
      for condition in result.conditions {
        let figure =
          condition.figure.map {
            Message(.punctOpenParen).text(language) + $0.text(language) + Message(.punctCloseParen).text(language)
          } ?? ""
        html +=
          "<li class=\"\(condition.met ? "passed" : "failed")\" style=\"margin-left: \(Double(condition.depth) * 1.2)em\">"
          + "\(condition.met ? "✓" : "✗") \(escape(condition.label.text(language) + figure))</li>\n"
      }
      html += "</ul>\n"
    }
    let rows = explanation.pointsRows()
    if !rows.isEmpty {
      html += "<h3>\(text(.resultPoints))</h3>\n<table>\n<thead><tr>"
      html += "<th>\(text(.resultHeaderIndicator))</th><th>\(text(.resultHeaderRecord))</th>"
      html += "<th>\(text(.resultHeaderMatched))</th><th class=\"number\">\(text(.resultHeaderPoints))</th>"
      html += "</tr></thead>\n<tbody>\n"
      for row in rows {
        let name = "<td style=\"padding-left: \(0.35 + Double(row.depth) * 1.2)em\">\(escape(row.name))</td>"
        html +=
          row.isCategory
          ? "<tr><th colspan=\"3\" style=\"padding-left: \(0.35 + Double(row.depth) * 1.2)em\">\(escape(row.name))</th>"
          : "<tr>\(name)<td>\(escape(row.record))</td><td>\(escape(row.matched))</td>"
        html += "<td class=\"number\">\(escape(row.points))</td></tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }
    let deductions = result.deductions.filter { $0.code != .gateFailed }
    if !deductions.isEmpty {
      html += "<h3>\(text(.resultDeductionsAndRecordsNotCounted))</h3>\n<ul>\n"
      for deduction in deductions {
        let lost = deduction.lost.map { " <b>−\($0)</b>" } ?? ""
        html += "<li>[\(deduction.code.rawValue)] \(escape(explanation.message(deduction)))\(lost)</li>\n"
      }
      html += "</ul>\n"
    }
    let claims = explanation.claimRows()
    if !claims.isEmpty {
      html += "<h3>\(text(.resultClaimedVersusAccepted))</h3>\n<table>\n<thead><tr>"
      html += "<th>\(text(.resultHeaderItem))</th><th class=\"number\">\(text(.resultHeaderClaimed))</th>"
      html += "<th class=\"number\">\(text(.resultHeaderAccepted))</th>"
      html += "<th class=\"number\">\(text(.resultHeaderDifference))</th><th>\(text(.resultHeaderReasons))</th>"
      html += "</tr></thead>\n<tbody>\n"
      for claim in claims {
        html += "<tr><td>\(escape(claim.item))</td><td class=\"number\">\(claim.claimed)</td>"
        html += "<td class=\"number\">\(claim.accepted)</td><td class=\"number\">\(claim.difference)</td>"
        html += "<td>\(escape(claim.reasons))</td></tr>\n"
      }
      html += "</tbody>\n</table>\n"
    }
    if !result.flags.isEmpty {
      html += "<h3>\(text(.resultFlags))</h3>\n<ul>\n"
      for flag in result.flags {
        html += "<li>⚑ \(labelledText(flag.flag, explanation.title(flag.triggerID)))</li>\n"
      }
      html += "</ul>\n"
    }
    if let gap = explanation.gapSentence() { html += "<p>\(escape(gap))</p>\n" }
    return html + "</section>\n"
  }

  private func labelledText(_ label: String, _ value: String) -> String {
    escape(Message(.textLabelValue, .text(label), .text(value)).text(explanation.language))
  }
}
