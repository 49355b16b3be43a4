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
    let zh = explanation.language == .zh
    let language = explanation.language
    var out = ""
    out += "\(sheet.title.text(language))  [\(sheet.id)]\n"
    out += "\(sheet.issuer.text(language)) · \(sheet.document) · \(zh ? "评审年度" : "review year") \(sheet.reviewYear)\n"
    if let notice = Explanation.modelledNotice(sheet, language: language) { out += notice + "\n" }
    out += "\(zh ? "申报人" : "Applicant"): \(portfolio.name) (\(portfolio.id)) · \(portfolio.employer.name)\n\n"

    var summary = "\(zh ? "结论" : "Verdict"): \(result.verdict.kind.name(language))"
    if result.threshold != nil || !result.lines.isEmpty { summary += "   \(zh ? "总分" : "Total"): \(result.total)" }
    if let threshold = result.threshold { summary += "   \(zh ? "分数线" : "Threshold"): \(threshold)" }
    if let margin = result.margin { summary += "   \(zh ? "差额" : "Margin"): \(margin.signedDescription)" }
    out += summary + "\n"
    if let claimed = result.claimedTotal {
      out += "\(zh ? "自评总分" : "Claimed total"): \(claimed)   \(zh ? "核定" : "accepted"): \(result.total)\n"
    }

    if !result.gates.isEmpty {
      out += "\n\(zh ? "控制项" : "Control items")\n"
      for gate in result.gates {
        out += "  \(gate.passed ? "✓" : "✗") \(explanation.title(gate.gateID))\n"
        for finding in gate.findings { out += "      \(finding.text(language))\n" }
      }
    }

    if !result.conditions.isEmpty {
      out += "\n\(zh ? "申报条件" : "Conditions")\n"
      for condition in result.conditions {
        let indent = String(repeating: "  ", count: condition.depth + 1)
        let observed = condition.observed.isEmpty ? "" : "  (\(condition.observed))"
        out += "\(indent)\(condition.met ? "✓" : "✗") \(condition.label.text(language))\(observed)\n"
      }
    }

    if !sheet.categories.isEmpty {
      out += "\n\(zh ? "得分明细" : "Points")\n"
      var table = TextTable(headers: zh ? ["指标", "业绩/依据", "匹配", "得分"] : ["Indicator", "Record", "Matched", "Points"])
      table.rightAligned = [3]
      let linesByItem = Dictionary(grouping: result.lines, by: \.itemID)
      func visit(_ category: Category, depth: Int) {
        let outcome = result.categories.first { $0.categoryID == category.id }
        var name = String(repeating: "  ", count: depth) + category.title.text(language)
        if let cap = category.cap { name += zh ? "（上限\(cap)）" : " (cap \(cap))" }
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
      out += "\n\(zh ? "扣分与未计分" : "Deductions and records not counted")\n"
      for deduction in deductions {
        let lost = deduction.lost.map { "  −\($0)" } ?? ""
        out += "  [\(deduction.code.rawValue)] \(explanation.message(deduction))\(lost)\n"
      }
    }

    if !result.claims.isEmpty {
      out += "\n\(zh ? "自评与核定对照" : "Claimed versus accepted")\n"
      var table = TextTable(
        headers: zh ? ["项目", "自评", "核定", "差额", "原因"] : ["Item", "Claimed", "Accepted", "Difference", "Reasons"])
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
      out += "\n\(zh ? "标记" : "Flags")\n"
      for flag in result.flags { out += "  ⚑ \(flag.flag): \(explanation.title(flag.triggerID))\n" }
    }
    if let gap = explanation.gapSentence() { out += "\n" + gap + "\n" }
    return out
  }

}
