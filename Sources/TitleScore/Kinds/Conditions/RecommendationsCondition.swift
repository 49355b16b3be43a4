/// At least `count` expert recommendations of the given level.
package struct RecommendationsCondition: Hashable, Sendable {
  /// The experts' level.
  package var level: String
  /// The least number.
  package var count: Int

  /// Creates the condition.
  package init(level: String, atLeast count: Int) {
    self.level = level
    self.count = count
  }
}

extension RecommendationsCondition: ConditionKind {
  static let key = "recommendations"

  static func decode(_ fields: inout KindFields) -> RecommendationsCondition? {
    let reader = fields.reader
    let path = fields.path
    let level = fields.optional(key).flatMap { reader.string($0, path.appending(key)) }
    let count = fields.required("atLeastCount").flatMap {
      reader.integer($0, path.appending("atLeastCount"), minimum: 1)
    }
    guard let level, let count else { return nil }
    return RecommendationsCondition(level: level, atLeast: count)
  }

  /// The level is an open text.
  func validate(_ check: inout KindCheck, at path: JSONPath) {}

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    let have = context.facts.portfolio.recommendations.filter { $0.level == level }.count
    return (have >= count, recording ? "\(have)" : "")
  }

  func figure(_ context: EvaluationContext) -> Message? {
    ConditionFigure.count(
      context.facts.portfolio.recommendations.filter { $0.level == level }.count, needed: count, unit: .wordExperts)
  }

  var defaultLabel: LocalizedText {
    LocalizedText(Message(.conditionRecommendations, .text(level), .integer(count)))
  }

  var recordSelectors: [RecordSelector] { [] }
}
