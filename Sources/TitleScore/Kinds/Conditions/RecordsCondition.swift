/// At least `count` valid achievement records match the selector (each record's count adds up).
package struct RecordsCondition: Hashable, Sendable {
  /// The records counted.
  package var selector: RecordSelector
  /// How many items they must stand for.
  package var count: Int

  /// Creates the condition.
  package init(_ selector: RecordSelector, atLeast count: Int) {
    self.selector = selector
    self.count = count
  }
}

extension RecordsCondition: ConditionKind {
  static let key = "records"

  static func decode(_ fields: inout KindFields) -> RecordsCondition? {
    let decoder = fields.decoder
    let reader = fields.reader
    let path = fields.path
    let selector = fields.optional(key).flatMap { decoder.recordSelector($0, path.appending(key)) }
    let count = fields.required("atLeastCount").flatMap {
      reader.integer($0, path.appending("atLeastCount"), minimum: 1)
    }
    guard let selector, let count else { return nil }
    return RecordsCondition(selector, atLeast: count)
  }

  /// The selector's types and levels are open texts.
  func validate(_ check: inout KindCheck, at path: JSONPath) {}

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    let have = context.countOfItems(selector, position: nil)
    return (have >= count, recording ? "\(have)" : "")
  }

  func figure(_ context: EvaluationContext) -> Message? {
    ConditionFigure.count(context.countOfItems(selector, position: nil), needed: count, unit: .wordItems)
  }

  var defaultLabel: LocalizedText {
    LocalizedText(Message(.conditionRecords, .text(selector.types.joined(separator: "/")), .integer(count)))
  }

  var recordSelectors: [RecordSelector] { [selector] }
}
