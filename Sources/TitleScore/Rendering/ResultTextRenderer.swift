/// Renders one explained result as a readable item-by-item report for a terminal.
public struct ResultTextRenderer: Sendable {
  /// The explanation to render.
  public let explanation: Explanation

  /// Prepares a renderer.
  public init(explanation: Explanation) {
    self.explanation = explanation
  }

  /// The report text.
  public func render() -> String {
    let sheet = explanation.sheet
    let result = explanation.result
    let portfolio = explanation.portfolio
    let language = explanation.language
    var out = ""
    out += "\(sheet.title.text(language))  [\(sheet.id)]\n"
    out +=
      "\(sheet.issuer.text(language)) · \(sheet.document) · \(Message(.resultReviewYear).text(explanation.language)) \(sheet.reviewYear)\n"
    if let notice = Explanation.modelledNotice(sheet, language: language) { out += notice + "\n" }
    out +=
      "\(Message(.resultApplicant).text(explanation.language)): \(portfolio.name) (\(portfolio.id)) · \(portfolio.employer.name)\n\n"

    var summary = "\(Message(.resultVerdict).text(explanation.language)): \(result.verdict.kind.name(language))"
    if result.threshold != nil || !result.lines.isEmpty {
      summary += "   \(Message(.resultTotal).text(explanation.language)): \(result.total)"
    }
    if let threshold = result.threshold {
      summary += "   \(Message(.resultThreshold).text(explanation.language)): \(threshold)"
    }
    if let margin = result.margin {
      summary += "   \(Message(.resultMargin).text(explanation.language)): \(margin.signedDescription)"
    }
    out += summary + "\n"
    if let claimed = result.claimedTotal {
      out +=
        "\(Message(.resultClaimedTotal).text(explanation.language)): \(claimed)   \(Message(.resultAccepted).text(explanation.language)): \(result.total)\n"
    }

    if !result.gates.isEmpty {
      out += "\n\(Message(.resultControlItems).text(explanation.language))\n"
      for gate in result.gates {
        out += "  \(gate.passed ? "✓" : "✗") \(explanation.title(gate.gateID))\n"
        for finding in gate.findings { out += "      \(finding.text(language))\n" }
      }
    }

    if !result.conditions.isEmpty {
      out += "\n\(Message(.resultConditions).text(explanation.language))\n"
      for condition in result.conditions {
        let indent = String(repeating: "  ", count: condition.depth + 1)
        let observed = condition.observed.isEmpty ? "" : "  (\(condition.observed))"
        out += "\(indent)\(condition.met ? "✓" : "✗") \(condition.label.text(language))\(observed)\n"
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
      let linesByItem = Dictionary(grouping: result.lines, by: \.itemID)
      func visit(_ category: Category, depth: Int) {
        let outcome = result.categories.first { $0.categoryID == category.id }
        var name = String(repeating: "  ", count: depth) + category.title.text(language)
        if let cap = category.cap { name += Message(.resultCap, .text("\(cap)")).text(explanation.language) }
        table.rows.append([name, "", "", outcome.map { $0.subtotal.description } ?? ""])
        func item(_ item: Item, depth: Int) {
          let lines = linesByItem[item.id] ?? []
          let name = String(repeating: "  ", count: depth) + item.title.text(language)
          let alternatives = item.rule.alternatives
          if !alternatives.isEmpty {
            let kept = alternatives.flatMap { linesByItem[$0.id] ?? [] }.reduce(PointsInterval.zero) { $0 + $1.points }
            table.rows.append([name, "", "", kept.description])
          } else if lines.isEmpty {
            table.rows.append([name, "—", "", "0"])
          }
          for (index, line) in lines.enumerated() {
            table.rows.append([
              index == 0 ? name : "", line.recordIndex.map(explanation.recordLabel) ?? "—",
              explanation.matchDescription(line), line.points.description,
            ])
          }
          do {
            for alternative in alternatives where linesByItem[alternative.id] != nil {
              for line in linesByItem[alternative.id] ?? [] {
                table.rows.append([
                  String(repeating: "  ", count: depth + 1) + alternative.title.text(language),
                  line.recordIndex.map(explanation.recordLabel) ?? "—", explanation.matchDescription(line),
                  line.points.description,
                ])
              }
            }
          }
        }
        for entry in category.items { item(entry, depth: depth + 1) }
        for child in category.categories { visit(child, depth: depth + 1) }
      }
      for category in sheet.categories { visit(category, depth: 0) }
      out += table.render()
    }

    let deductions = result.deductions.filter { $0.code != .gateFailed }
    if !deductions.isEmpty {
      out += "\n\(Message(.resultDeductionsAndRecordsNotCounted).text(explanation.language))\n"
      for deduction in deductions {
        let lost = deduction.lost.map { "  −\($0)" } ?? ""
        out += "  [\(deduction.code.rawValue)] \(explanation.message(deduction))\(lost)\n"
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
      for claim in result.claims {
        let claimed = claim.claimed ?? .zero
        let difference = claim.accepted - claimed
        table.rows.append([
          explanation.title(claim.itemID), claimed.description, claim.accepted.description,
          difference.signedDescription,
          claim.reasons.map(\.rawValue).joined(separator: ", "),
        ])
      }
      out += table.render()
    }

    if !result.flags.isEmpty {
      out += "\n\(Message(.resultFlags).text(explanation.language))\n"
      for flag in result.flags { out += "  ⚑ \(flag.flag): \(explanation.title(flag.triggerID))\n" }
    }
    if let gap = explanation.gapSentence() { out += "\n" + gap + "\n" }
    return out
  }

}
