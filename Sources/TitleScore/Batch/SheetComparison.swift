/// The impact of a rule change: the same applicants scored under two sheets (say the 2021 and the 2022 rules),
/// and whose verdict or rank changes, and why.
package struct SheetComparison: Sendable {
  /// One applicant whose verdict or rank differs.
  package struct Change: Sendable {
    /// The row under the first sheet.
    package var before: BatchRow
    /// The row under the second sheet.
    package var after: BatchRow
    /// Why, in the chosen language: gates that newly fail or pass, the threshold, totals and subtotals.
    package var reasons: [String]
  }

  /// The results under the first sheet.
  package let before: BatchResults
  /// The results under the second sheet.
  package let after: BatchResults
  /// Every applicant whose verdict or rank changes, in the second sheet's rank order.
  package let changes: [Change]
  /// How many applicants went from one verdict to another, unchanged ones included.
  package let transitions: [(from: Verdict.Kind, to: Verdict.Kind, count: Int)]
  /// The language of the reasons.
  package let language: Language

  /// Compares two runs over the same inputs; rows correspond by input position.
  package init(before: BatchResults, after: BatchResults, language: Language) {
    precondition(before.scoredCount == after.scoredCount, "both runs read the same inputs")
    self.before = before
    self.after = after
    self.language = language
    var positionsAfter = [Int](repeating: 0, count: after.scoredCount)
    for position in 0..<after.scoredCount { positionsAfter[Int(after.order[position])] = position }
    var changes: [(Int, Change)] = []
    var counts: [Verdict.Kind: [Verdict.Kind: Int]] = [:]
    for index in 0..<before.scoredCount {
      let old = before.row(index)
      var new = after.row(index)
      new.position = positionsAfter[index]
      counts[old.verdict, default: [:]][new.verdict, default: 0] += 1
      guard old.verdict != new.verdict || old.rank != new.rank else { continue }
      changes.append(
        (
          new.position,
          Change(before: old, after: new, reasons: SheetComparison.reasons(old, new, before, after, language))
        ))
    }
    self.changes = changes.sorted { $0.0 < $1.0 }.map(\.1)
    var transitions: [(Verdict.Kind, Verdict.Kind, Int)] = []
    for from in Verdict.Kind.allCases {
      for to in Verdict.Kind.allCases {
        if let count = counts[from]?[to], count > 0 { transitions.append((from, to, count)) }
      }
    }
    self.transitions = transitions
  }

  private static func reasons(
    _ old: BatchRow, _ new: BatchRow, _ before: BatchResults, _ after: BatchResults, _ language: Language
  ) -> [String] {
    var reasons: [String] = []
    func gateTitle(_ id: String, _ sheet: Scoresheet) -> String {
      sheet.gates.first { $0.id == id }?.title.text(language) ?? id
    }
    for gate in new.failedGates where !old.failedGates.contains(gate) {
      reasons.append(Message(.compareNowFails, .text("\(gateTitle(gate, after.sheet))")).text(language))
    }
    for gate in old.failedGates where !new.failedGates.contains(gate) {
      reasons.append(Message(.compareNoLongerFails, .text("\(gateTitle(gate, before.sheet))")).text(language))
    }
    if before.sheet.threshold != after.sheet.threshold {
      let from = before.sheet.threshold?.description ?? "—"
      let to = after.sheet.threshold?.description ?? "—"
      reasons.append(Message(.compareThreshold, .text("\(from)"), .text("\(to)")).text(language))
    }
    if old.total != new.total {
      let delta = new.total.boundwise(minus: old.total).signedDescription
      reasons.append(
        Message(.compareTotal, .text("\(old.total)"), .text("\(new.total)"), .text("\(delta)")).text(language))
    }
    for (index, id) in after.categoryIDs.enumerated() {
      guard let oldIndex = before.categoryIDs.firstIndex(of: id) else { continue }
      let from = old.subtotals[oldIndex]
      let to = new.subtotals[index]
      if from != to {
        let title = after.sheet.categories[index].title.text(language)
        reasons.append("\(title) \(from) → \(to)")
      }
    }
    if old.verdict == new.verdict && old.total == new.total && old.rank != new.rank {
      reasons.append(Message(.compareOthersMoved).text(language))
    }
    return reasons
  }

  /// The comparison as text.
  package func renderText() -> String {
    var text =
      Message(.compareImpact, .text("\(before.sheet.id)"), .text("\(after.sheet.id)")).text(language)
    text += Message(.compareVerdictTransitions).text(language)
    for transition in transitions {
      text += "  \(transition.from.name(language)) → \(transition.to.name(language)): \(transition.count)\n"
    }
    text += Message(.compareChangedApplicants, .text("\(changes.count)")).text(language)
    let rows = changes.map { change in
      [
        change.after.id, change.after.name, "\(change.before.rank) → \(change.after.rank)",
        "\(change.before.verdict.name(language)) → \(change.after.verdict.name(language))",
        change.reasons.joined(separator: Message(.punctSemicolon).text(language)),
      ]
    }
    text += TableText.render(
      headers: [
        Message(.compareHeaderId).text(language), Message(.compareHeaderName).text(language),
        Message(.compareHeaderRank).text(language), Message(.compareHeaderVerdict).text(language),
        Message(.compareHeaderWhy).text(language),
      ], rows: rows)
    return text
  }

  /// The comparison as JSON.
  package func renderJSON() -> String {
    var writer = JSONWriter(pretty: true)
    writer.beginObject()
    writer.member("before", before.sheet.id)
    writer.member("after", after.sheet.id)
    writer.key("transitions")
    writer.beginArray()
    for transition in transitions {
      writer.beginObject()
      writer.member("from", transition.from.rawValue)
      writer.member("to", transition.to.rawValue)
      writer.member("count", integer: transition.count)
      writer.endObject()
    }
    writer.endArray()
    writer.key("changes")
    writer.beginArray()
    for change in changes {
      writer.beginObject()
      writer.member("id", change.after.id)
      writer.member("name", change.after.name)
      writer.member("rankBefore", integer: change.before.rank)
      writer.member("rankAfter", integer: change.after.rank)
      writer.member("verdictBefore", change.before.verdict.rawValue)
      writer.member("verdictAfter", change.after.verdict.rawValue)
      writer.member("totalBefore", change.before.total.description)
      writer.member("totalAfter", change.after.total.description)
      writer.member("reasons", strings: change.reasons)
      writer.endObject()
    }
    writer.endArray()
    writer.endObject()
    return writer.output + "\n"
  }
}
