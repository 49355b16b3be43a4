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
