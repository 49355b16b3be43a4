/// Renders one explained result as JSON: every field of the result, with messages in the chosen language.
public struct ResultJSONRenderer: Sendable {
  /// The explanation to render.
  public let explanation: Explanation

  /// Prepares a renderer.
  public init(explanation: Explanation) {
    self.explanation = explanation
  }

  /// The JSON text, pretty-printed.
  public func render() -> String { String(decoding: renderUTF8(), as: UTF8.self) }

  /// The JSON text as `render()` gives it, as UTF-8 bytes.
  public func renderUTF8() -> [UInt8] {
    var writer = JSONWriter(pretty: true)
    write(into: &writer)
    var bytes = writer.bytes
    bytes.append(0x0A)
    return bytes
  }

  /// Writes the result as one JSON object.
  package func write(into writer: inout JSONWriter) {
    let result = explanation.result
    let language = explanation.language
    writer.beginObject()
    writer.member("sheet", result.sheetID)
    writer.key("modelledValues")
    writer.beginObject()
    writer.member("count", integer: explanation.explainedSheet.modelledValueCount)
    writer.member("document", explanation.sheet.document)
    if let notice = explanation.explainedSheet.modelledNotice(language) {
      writer.member("notice", notice)
    }
    writer.endObject()
    writer.member("applicant", result.portfolioID)
    writer.member("name", explanation.portfolio.name)
    writer.member("verdict", result.verdict.kind.rawValue)
    if !result.verdict.failedGates.isEmpty {
      writer.member("failedGates", strings: result.verdict.failedGates)
    }
    writer.member("total", interval: result.total)
    if let threshold = result.threshold {
      writer.member("threshold", points: threshold)
    }
    if let margin = result.margin {
      writer.member("margin", interval: margin)
    }
    if let claimed = result.claimedTotal {
      writer.member("claimedTotal", points: claimed)
    }
    writer.key("categories")
    writer.beginArray()
    for category in result.categories {
      writer.beginObject()
      writer.member("id", category.categoryID)
      writer.member("title", explanation.title(category.categoryID))
      writer.member("depth", integer: category.depth)
      writer.member("raw", interval: category.raw)
      writer.member("subtotal", interval: category.subtotal)
      writer.endObject()
    }
    writer.endArray()
    writer.key("lines")
    writer.beginArray()
    for line in result.lines {
      writer.beginObject()
      writer.member("item", line.itemID)
      writer.member("title", explanation.title(line.itemID))
      if let record = line.recordIndex {
        writer.member("record", explanation.portfolio.records[record].id)
      }
      if let row = line.rowIndex {
        writer.member("row", integer: row)
      }
      writer.member("inputs", strings: line.inputs)
      writer.member("points", interval: line.points)
      if let cap = line.sharedCap {
        writer.member("sharedCap", cap)
      }
      writer.endObject()
    }
    writer.endArray()
    writer.key("deductions")
    writer.beginArray()
    for deduction in result.deductions {
      writer.beginObject()
      writer.member("code", deduction.code.rawValue)
      if let item = deduction.itemID {
        writer.member("item", item)
      }
      if let record = deduction.recordIndex {
        writer.member("record", explanation.portfolio.records[record].id)
      }
      if let gate = deduction.gateID {
        writer.member("gate", gate)
      }
      if let lost = deduction.lost {
        writer.member("lost", interval: lost)
      }
      writer.member("message", explanation.message(deduction))
      writer.endObject()
    }
    writer.endArray()
    writer.key("gates")
    writer.beginArray()
    for gate in result.gates {
      writer.beginObject()
      writer.member("id", gate.gateID)
      writer.member("passed", bool: gate.passed)
      writer.member("findings", strings: gate.findings.map { $0.text(language) })
      writer.member("findingCodes", strings: gate.findings.map(\.code))
      writer.endObject()
    }
    writer.endArray()
    if !result.conditions.isEmpty {
      writer.key("conditions")
      writer.beginArray()
      for condition in result.conditions {
        writer.beginObject()
        writer.member("depth", integer: condition.depth)
        writer.member("label", condition.label.text(language))
        writer.member("met", bool: condition.met)
        writer.member("observed", condition.observed)
        if let figure = condition.figure { writer.member("figure", figure.text(language)) }
        writer.endObject()
      }
      writer.endArray()
    }
    writer.key("flags")
    writer.beginArray()
    for flag in result.flags {
      writer.beginObject()
      writer.member("flag", flag.flag)
      writer.member("trigger", flag.triggerID)
      writer.member("reason", explanation.title(flag.triggerID))
      writer.endObject()
    }
    writer.endArray()
    if !result.claims.isEmpty {
      writer.key("claims")
      writer.beginArray()
      for claim in result.claims {
        writer.beginObject()
        writer.member("item", claim.itemID)
        if let claimed = claim.claimed {
          writer.member("claimed", points: claimed)
        }
        writer.member("accepted", interval: claim.accepted)
        writer.member("reasons", strings: claim.reasons.map(\.rawValue))
        writer.endObject()
      }
      writer.endArray()
    }
    writer.endObject()
  }
}
