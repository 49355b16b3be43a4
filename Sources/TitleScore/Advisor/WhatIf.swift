/// Scores a portfolio with hypothetical extra records and keeps both results for comparison.
public struct WhatIf: Sendable {
  /// The result without the extra records.
  public let before: ScoreResult
  /// The result with them.
  public let after: ScoreResult
  /// The portfolio with the records added.
  public let changedPortfolio: Portfolio

  /// Scores `portfolio` as it is and with `added` appended to its records.
  public init(sheet: Scoresheet, portfolio: Portfolio, added: [AchievementRecord], materials: MaterialInspection? = nil)
  {
    let evaluator = Evaluator(sheet: sheet)
    before = evaluator.evaluate(portfolio, materials: materials)
    var changed = portfolio
    var used = Set(portfolio.records.map(\.id))
    for var record in added {
      // Keep record ids unique so explanations stay unambiguous.
      var candidate = record.id
      var suffix = 2
      while used.contains(candidate) {
        candidate = "\(record.id)-\(suffix)"
        suffix += 1
      }
      record.id = candidate
      used.insert(candidate)
      changed.records.append(record)
    }
    changedPortfolio = changed
    after = evaluator.evaluate(changed, materials: materials)
  }
}

/// Renders the difference a what-if makes: total, verdict, margin and each category.
public struct WhatIfRenderer: Sendable {
  /// The explanation of the portfolio as it is.
  public let before: Explanation
  /// The explanation with the extra records.
  public let after: Explanation

  /// Prepares a renderer.
  public init(before: Explanation, after: Explanation) {
    self.before = before
    self.after = after
  }

  private func change(_ old: PointsInterval, _ new: PointsInterval) -> String {
    let delta = new.boundwise(minus: old)
    return delta.signedDescription
  }

  /// The difference as text.
  public func renderText() -> String {
    var rows: [[String]] = []
    rows.append([
      Message(.advisorTotal).text(before.language), before.result.total.description, after.result.total.description,
      change(before.result.total, after.result.total),
    ])
    for category in after.result.categories {
      let old = before.result.subtotal(category.categoryID) ?? .zero
      rows.append([
        String(repeating: "  ", count: category.depth) + after.title(category.categoryID), old.description,
        category.subtotal.description, change(old, category.subtotal),
      ])
    }
    var text = Message(.advisorWhatIfHeader).text(before.language)
    text += TableText.render(
      headers: [
        Message(.advisorHeaderItemWhatIf).text(before.language), Message(.advisorHeaderBefore).text(before.language),
        Message(.advisorHeaderAfter).text(before.language), Message(.advisorHeaderChange).text(before.language),
      ], rows: rows, rightAligned: [1, 2, 3])
    text += Message(
      .advisorWhatIfVerdict, .message(before.result.verdict.kind.message), .message(after.result.verdict.kind.message)
    ).text(before.language)
    return text
  }

  /// The difference as JSON: both results in full, and the change in total.
  public func renderJSON() -> String {
    var writer = JSONWriter(pretty: true)
    writer.beginObject()
    writer.key("before")
    ResultJSONRenderer(explanation: before).write(into: &writer)
    writer.key("after")
    ResultJSONRenderer(explanation: after).write(into: &writer)
    writer.key("change")
    writer.beginObject()
    writer.member("min", points: after.result.total.min - before.result.total.min)
    writer.member("max", points: after.result.total.max - before.result.total.max)
    writer.endObject()
    writer.endObject()
    return writer.output + "\n"
  }
}
