/// A named fact about the applicant compares as stated (`{"fact": "years.skill", "atLeast": 3}`).
package struct FactCondition: Hashable, Sendable {
  /// The fact, e.g. `years.professional`.
  package var name: String
  /// How it must compare.
  package var comparison: FactComparison

  /// Creates the condition.
  package init(name: String, comparison: FactComparison) {
    self.name = name
    self.comparison = comparison
  }
}

extension FactCondition: ConditionKind {
  static let key = "fact"

  static func decode(_ fields: inout KindFields) -> FactCondition? {
    let reader = fields.reader
    let path = fields.path
    guard let name = fields.optional(key).flatMap({ reader.string($0, path.appending(key)) }) else { return nil }
    if !ApplicantFacts.isKnown(name) {
      reader.report(.unknownFact, path.appending(key), Message(.diagnosticUnknownFact, .text("\(name)")))
    }
    var comparison: FactComparison?
    if let value = fields.optional("atLeast") {
      if case .string(let level) = value {
        comparison = .atLeastLevel(level)
      } else {
        comparison = reader.points(value, path.appending("atLeast"), nonNegative: false).map(FactComparison.atLeast)
      }
    } else if let value = fields.optional("below") {
      comparison = reader.points(value, path.appending("below"), nonNegative: false).map(FactComparison.below)
    } else if let value = fields.optional("equals") {
      comparison = reader.factValue(value, path.appending("equals")).map(FactComparison.equals)
    } else if let value = fields.optional("in") {
      comparison = reader.strings(value, path.appending("in")).map(FactComparison.oneOf)
    } else {
      reader.report(.missingField, path, Message(.diagnosticFactNeedsComparison))
    }
    return comparison.map { FactCondition(name: name, comparison: $0) }
  }

  func validate(_ check: inout KindCheck, at path: JSONPath) {
    guard case .atLeastLevel(let level) = comparison else { return }
    guard let order = ApplicantFacts.order(of: name, in: check.sheet.vocabulary) else {
      check.report(
        .invalidValue, path.appending("atLeast"), Message(.diagnosticNotOrderedFact, .text("\(name)")))
      return
    }
    if !order.contains(level) {
      check.report(
        .rowNeverMatches, path.appending("atLeast"),
        Message(.diagnosticNotInOrdering, .text("\(level)"), .text("\(name)")))
    }
  }

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    let value = context.facts.value(name)
    let met = value.map { comparison.accepts($0, fact: name, vocabulary: context.sheet.vocabulary) } ?? false
    return (met, recording ? "\(name)=\(value?.description ?? "—")" : "")
  }

  func figure(_ context: EvaluationContext) -> Message? {
    let value = context.facts.value(name)
    switch comparison {
    case .atLeast(let needed):
      guard case .number(let have)? = value else { return ConditionFigure.amount(nil, needed: needed, unit: unit) }
      return ConditionFigure.amount(have, needed: needed, unit: unit)
    case .below(let limit):
      guard case .number(let have)? = value else { return nil }
      return Message(.conditionFigureBelow, .points(have), .points(limit), unit.map { .word($0) } ?? .text(""))
    case .atLeastLevel(let level):
      let needed = named(level)
      guard case .text(let have)? = value else { return Message(.conditionFigureLevel, .word(.wordNotStated), needed) }
      return Message(.conditionFigureLevel, named(have), needed)
    case .equals, .oneOf:
      guard let value else { return Message(.conditionFigureValue, .word(.wordNotStated)) }
      guard case .text(let text) = value else { return Message(.conditionFigureValue, .text(value.description)) }
      return Message(.conditionFigureValue, named(text))
    }
  }

  /// A text value of the fact, named by its list where the fact has one (`bachelor` → 本科).
  private func named(_ code: String) -> MessageArgument {
    FactKey(name).list.map { .term($0, code) } ?? .text(code)
  }

  /// The unit of a fact's number: years for `years.*`, none for the others.
  private var unit: MessageKey? { name.hasPrefix("years.") ? .wordYears : nil }

  var defaultLabel: LocalizedText { LocalizedText(Message(.conditionFact, .text(name), .text(comparison.description))) }

  var recordSelectors: [RecordSelector] { [] }
}
