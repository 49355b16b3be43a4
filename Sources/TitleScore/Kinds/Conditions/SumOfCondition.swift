/// The named numeric facts add up to at least `total` (enterprise years plus years in the current title); a sum
/// of facts none of which the applicant has does not hold.
package struct SumOfCondition: Hashable, Sendable {
  /// The facts added.
  package var facts: [String]
  /// The least sum.
  package var total: Points

  /// Creates the condition.
  package init(_ facts: [String], atLeast total: Points) {
    self.facts = facts
    self.total = total
  }
}

extension SumOfCondition: ConditionKind {
  static let key = "sumOf"

  static func decode(_ fields: inout KindFields) -> SumOfCondition? {
    let reader = fields.reader
    let path = fields.path
    let facts = fields.optional(key).flatMap { reader.strings($0, path.appending(key)) }
    for (index, name) in (facts ?? []).enumerated() where !ApplicantFacts.isKnown(name) {
      reader.report(
        .unknownFact, path.appending(key).appending(index), Message(.diagnosticUnknownFact, .text("\(name)")))
    }
    let total = fields.required("atLeast").flatMap { reader.points($0, path.appending("atLeast")) }
    guard let facts, let total else { return nil }
    return SumOfCondition(facts, atLeast: total)
  }

  /// Decoding checks the facts' names.
  func validate(_ check: inout KindCheck, at path: JSONPath) {}

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    var sum = Points.zero
    var any = false
    for name in facts {
      if case .number(let value)? = context.facts.value(name) {
        sum += value
        any = true
      }
    }
    return (any && sum >= total, recording ? "\(facts.joined(separator: "+"))=\(any ? sum.description : "—")" : "")
  }

  func figure(_ context: EvaluationContext) -> Message? {
    var sum = Points.zero
    var any = false
    for name in facts {
      if case .number(let value)? = context.facts.value(name) {
        sum += value
        any = true
      }
    }
    let years = facts.allSatisfy { $0.hasPrefix("years.") }
    return ConditionFigure.amount(any ? sum : nil, needed: total, unit: years ? .wordYears : nil)
  }

  var defaultLabel: LocalizedText {
    LocalizedText(Message(.conditionSumOf, .text(facts.joined(separator: " + ")), .points(total)))
  }

  var recordSelectors: [RecordSelector] { [] }
}
