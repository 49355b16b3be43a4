/// Renders one explained result as JSON: every field of the result, with messages in the chosen language.
public struct ResultJSONRenderer: Sendable {
  /// The explanation to render.
  public let explanation: Explanation

  /// Prepares a renderer.
  public init(explanation: Explanation) {
    self.explanation = explanation
  }

  /// The JSON text, pretty-printed.
  public func render() -> String {
    var writer = JSONWriter(pretty: true)
    write(into: &writer)
    return writer.output + "\n"
  }

  /// Writes the result as one JSON object.
  public func write(into writer: inout JSONWriter) {
    let result = explanation.result
    let language = explanation.language
    writer.beginObject()
    writer.key("sheet")
    writer.string(result.sheetID)
    writer.key("applicant")
    writer.string(result.portfolioID)
    writer.key("name")
    writer.string(explanation.portfolio.name)
    writer.key("verdict")
    writer.string(result.verdict.kind.rawValue)
    if !result.verdict.failedGates.isEmpty {
      writer.key("failedGates")
      writer.beginArray()
      for gate in result.verdict.failedGates { writer.string(gate) }
      writer.endArray()
    }
    writer.key("total")
    writer.interval(result.total)
    if let threshold = result.threshold {
      writer.key("threshold")
      writer.points(threshold)
    }
    if let margin = result.margin {
      writer.key("margin")
      writer.interval(margin)
    }
    if let claimed = result.claimedTotal {
      writer.key("claimedTotal")
      writer.points(claimed)
    }
    writer.key("categories")
    writer.beginArray()
    for category in result.categories {
      writer.beginObject()
      writer.key("id")
      writer.string(category.categoryID)
      writer.key("title")
      writer.string(explanation.title(category.categoryID))
      writer.key("depth")
      writer.integer(category.depth)
      writer.key("raw")
      writer.interval(category.raw)
      writer.key("subtotal")
      writer.interval(category.subtotal)
      writer.endObject()
    }
    writer.endArray()
    writer.key("lines")
    writer.beginArray()
    for line in result.lines {
      writer.beginObject()
      writer.key("item")
      writer.string(line.itemID)
      writer.key("title")
      writer.string(explanation.title(line.itemID))
      if let record = line.recordIndex {
        writer.key("record")
        writer.string(explanation.portfolio.records[record].id)
      }
      if let row = line.rowIndex {
        writer.key("row")
        writer.integer(row)
      }
      writer.key("inputs")
      writer.beginArray()
      for input in line.inputs { writer.string(input) }
      writer.endArray()
      writer.key("points")
      writer.interval(line.points)
      if let cap = line.sharedCap {
        writer.key("sharedCap")
        writer.string(cap)
      }
      writer.endObject()
    }
    writer.endArray()
    writer.key("deductions")
    writer.beginArray()
    for deduction in result.deductions {
      writer.beginObject()
      writer.key("code")
      writer.string(deduction.code.rawValue)
      if let item = deduction.itemID {
        writer.key("item")
        writer.string(item)
      }
      if let record = deduction.recordIndex {
        writer.key("record")
        writer.string(explanation.portfolio.records[record].id)
      }
      if let gate = deduction.gateID {
        writer.key("gate")
        writer.string(gate)
      }
      if let lost = deduction.lost {
        writer.key("lost")
        writer.interval(lost)
      }
      writer.key("message")
      writer.string(explanation.message(deduction))
      writer.endObject()
    }
    writer.endArray()
    writer.key("gates")
    writer.beginArray()
    for gate in result.gates {
      writer.beginObject()
      writer.key("id")
      writer.string(gate.gateID)
      writer.key("passed")
      writer.bool(gate.passed)
      writer.key("findings")
      writer.beginArray()
      for finding in gate.findings { writer.string(finding.text(language)) }
      writer.endArray()
      writer.endObject()
    }
    writer.endArray()
    if !result.conditions.isEmpty {
      writer.key("conditions")
      writer.beginArray()
      for condition in result.conditions {
        writer.beginObject()
        writer.key("depth")
        writer.integer(condition.depth)
        writer.key("label")
        writer.string(condition.label.text(language))
        writer.key("met")
        writer.bool(condition.met)
        writer.key("observed")
        writer.string(condition.observed)
        writer.endObject()
      }
      writer.endArray()
    }
    writer.key("flags")
    writer.beginArray()
    for flag in result.flags {
      writer.beginObject()
      writer.key("flag")
      writer.string(flag.flag)
      writer.key("trigger")
      writer.string(flag.triggerID)
      writer.key("reason")
      writer.string(explanation.title(flag.triggerID))
      writer.endObject()
    }
    writer.endArray()
    if !result.claims.isEmpty {
      writer.key("claims")
      writer.beginArray()
      for claim in result.claims {
        writer.beginObject()
        writer.key("item")
        writer.string(claim.itemID)
        if let claimed = claim.claimed {
          writer.key("claimed")
          writer.points(claimed)
        }
        writer.key("accepted")
        writer.interval(claim.accepted)
        writer.key("reasons")
        writer.beginArray()
        for reason in claim.reasons { writer.string(reason.rawValue) }
        writer.endArray()
        writer.endObject()
      }
      writer.endArray()
    }
    writer.endObject()
  }
}
