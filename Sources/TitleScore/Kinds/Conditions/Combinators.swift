/// Every condition holds.
package struct AllCondition: Hashable, Sendable {
  /// The conditions.
  package var conditions: [Condition]

  /// Creates the condition.
  package init(_ conditions: [Condition]) {
    self.conditions = conditions
  }
}

extension AllCondition: ConditionKind {
  static let key = "all"

  static func decode(_ fields: inout KindFields) -> AllCondition? { fields.conditions(key).map(AllCondition.init) }

  func validate(_ check: inout KindCheck, at path: JSONPath) {
    for (index, child) in conditions.enumerated() {
      child.validate(&check, at: path.appending(Self.key).appending(index))
    }
  }

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    var allMet = true
    for condition in conditions where !condition.holds(context, depth: depth + 1, outcomes: &outcomes) {
      allMet = false
      if outcomes == nil { break }
    }
    return (allMet, "")
  }

  func figure(_ context: EvaluationContext) -> Message? { nil }

  var defaultLabel: LocalizedText { LocalizedText(Message(.conditionAll)) }

  var recordSelectors: [RecordSelector] { conditions.flatMap(\.recordSelectors) }
}

/// At least one condition holds.
package struct AnyCondition: Hashable, Sendable {
  /// The conditions.
  package var conditions: [Condition]

  /// Creates the condition.
  package init(_ conditions: [Condition]) {
    self.conditions = conditions
  }
}

extension AnyCondition: ConditionKind {
  static let key = "any"

  static func decode(_ fields: inout KindFields) -> AnyCondition? { fields.conditions(key).map(AnyCondition.init) }

  func validate(_ check: inout KindCheck, at path: JSONPath) {
    for (index, child) in conditions.enumerated() {
      child.validate(&check, at: path.appending(Self.key).appending(index))
    }
  }

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    var anyMet = false
    for condition in conditions where condition.holds(context, depth: depth + 1, outcomes: &outcomes) {
      anyMet = true
      if outcomes == nil { break }
    }
    return (anyMet, "")
  }

  func figure(_ context: EvaluationContext) -> Message? { nil }

  var defaultLabel: LocalizedText { LocalizedText(Message(.conditionAny)) }

  var recordSelectors: [RecordSelector] { conditions.flatMap(\.recordSelectors) }
}

/// At least `count` of the conditions hold (the exceptional-promotion shape: 2 of 4 achievements).
package struct AtLeastOfCondition: Hashable, Sendable {
  /// How many must hold.
  package var count: Int
  /// The conditions.
  package var conditions: [Condition]

  /// Creates the condition.
  package init(count: Int, of conditions: [Condition]) {
    self.count = count
    self.conditions = conditions
  }
}

extension AtLeastOfCondition: ConditionKind {
  static let key = "of"

  static func decode(_ fields: inout KindFields) -> AtLeastOfCondition? {
    let reader = fields.reader
    let path = fields.path
    let count = fields.required("atLeast").flatMap { reader.integer($0, path.appending("atLeast"), minimum: 1) }
    guard let count, let of = fields.conditions("of") else { return nil }
    if count > of.count {
      fields.report(
        .rowNeverMatches, path.appending("atLeast"),
        Message(.diagnosticAtLeastTooMany, .text("\(count)"), .text("\(of.count)")))
    }
    return AtLeastOfCondition(count: count, of: of)
  }

  func validate(_ check: inout KindCheck, at path: JSONPath) {
    for (index, child) in conditions.enumerated() {
      child.validate(&check, at: path.appending(Self.key).appending(index))
    }
  }

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    var metCount = 0
    for condition in conditions where condition.holds(context, depth: depth + 1, outcomes: &outcomes) {
      metCount += 1
    }
    return (metCount >= count, recording ? "\(metCount)/\(conditions.count)" : "")
  }

  func figure(_ context: EvaluationContext) -> Message? {
    ConditionFigure.count(conditions.filter { $0.holds(context) }.count, needed: count, unit: .wordItems)
  }

  var defaultLabel: LocalizedText {
    LocalizedText(Message(.conditionAtLeastOf, .integer(count), .integer(conditions.count)))
  }

  var recordSelectors: [RecordSelector] { conditions.flatMap(\.recordSelectors) }
}

/// The condition does not hold.
package struct NotCondition: Hashable, Sendable {
  /// The condition negated.
  package var condition: Condition

  /// Creates the condition.
  package init(_ condition: Condition) {
    self.condition = condition
  }
}

extension NotCondition: ConditionKind {
  static let key = "not"

  static func decode(_ fields: inout KindFields) -> NotCondition? {
    let decoder = fields.decoder
    let path = fields.path
    return fields.optional(key).flatMap { decoder.condition($0, path.appending(key)) }.map(NotCondition.init)
  }

  func validate(_ check: inout KindCheck, at path: JSONPath) {
    condition.validate(&check, at: path.appending(Self.key))
  }

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    (!condition.holds(context, depth: depth + 1, outcomes: &outcomes), "")
  }

  func figure(_ context: EvaluationContext) -> Message? { nil }

  var defaultLabel: LocalizedText { LocalizedText(Message(.conditionNot)) }

  var recordSelectors: [RecordSelector] { condition.recordSelectors }
}

/// Always holds.
package struct AlwaysCondition: Hashable, Sendable {
  /// Creates the condition.
  package init() {}
}

extension AlwaysCondition: ConditionKind {
  static let key = "always"

  static func decode(_ fields: inout KindFields) -> AlwaysCondition? {
    _ = fields.optional(key)
    return AlwaysCondition()
  }

  /// Nothing to check.
  func validate(_ check: inout KindCheck, at path: JSONPath) {}

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    (true, "")
  }

  func figure(_ context: EvaluationContext) -> Message? { nil }

  var defaultLabel: LocalizedText { LocalizedText(Message(.conditionAlways)) }

  var recordSelectors: [RecordSelector] { [] }
}
