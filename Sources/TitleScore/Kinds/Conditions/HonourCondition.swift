/// The applicant holds one of the listed honours; with `sinceCurrentTitle`, received on or after the date of the
/// current title (任现职以来), which an honour without a date cannot show.
package struct HonourCondition: Hashable, Sendable {
  /// The honours that count.
  package var honours: [String]
  /// Whether the honour must date from the current title on.
  package var sinceCurrentTitle: Bool

  /// Creates the condition.
  package init(_ honours: [String], sinceCurrentTitle: Bool) {
    self.honours = honours
    self.sinceCurrentTitle = sinceCurrentTitle
  }
}

extension HonourCondition: ConditionKind {
  static let key = "honour"

  static func decode(_ fields: inout KindFields) -> HonourCondition? {
    let reader = fields.reader
    let path = fields.path
    let honours = fields.optional(key).flatMap { reader.strings($0, path.appending(key)) }
    let since =
      fields.optional("sinceCurrentTitle").flatMap { reader.bool($0, path.appending("sinceCurrentTitle")) } ?? false
    return honours.map { HonourCondition($0, sinceCurrentTitle: since) }
  }

  /// Honour codes are open texts.
  func validate(_ check: inout KindCheck, at path: JSONPath) {}

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    let facts = context.facts
    let titleDate = facts.portfolio.currentTitle?.date
    let held = facts.portfolio.honours.filter { honour in
      guard honours.contains(honour.code) else { return false }
      guard sinceCurrentTitle else { return true }
      guard let titleDate, let date = honour.date else { return false }
      return date >= titleDate && date <= facts.countsUntil
    }
    return (!held.isEmpty, recording ? held.map(\.code).joined(separator: ", ") : "")
  }

  func figure(_ context: EvaluationContext) -> Message? { nil }

  var defaultLabel: LocalizedText {
    LocalizedText(
      Message(
        sinceCurrentTitle ? .conditionHonourSinceTitle : .conditionHonour, .list(honours.map(MessageArgument.text))))
  }

  var recordSelectors: [RecordSelector] { [] }
}
