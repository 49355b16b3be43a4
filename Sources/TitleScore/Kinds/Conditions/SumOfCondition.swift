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
    let sum = self.sum(context)
    return (
      sum.map { $0 >= total } ?? false,
      recording ? "\(facts.joined(separator: "+"))=\(sum?.description ?? "—")" : ""
    )
  }

  func figure(_ context: EvaluationContext) -> Message? {
    let years = facts.allSatisfy { $0.hasPrefix("years.") }
    return ConditionFigure.amount(sum(context), needed: total, unit: years ? .wordYears : nil)
  }

  /// The facts' sum, or nil when the portfolio gives none of them.
  private func sum(_ context: EvaluationContext) -> Points? {
    var sum = Points.zero
    var any = false
    for name in facts {
      if case .number(let value)? = context.facts.value(name) {
        sum += value
        any = true
      }
    }
    return any ? sum : nil
  }

  var defaultLabel: LocalizedText {
    LocalizedText(Message(.conditionSumOf, .text(facts.joined(separator: " + ")), .points(total)))
  }

  var recordSelectors: [RecordSelector] { [] }
}
