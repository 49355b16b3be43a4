extension Condition {
  /// Whether the condition holds.
  func holds(_ context: EvaluationContext) -> Bool {
    var outcomes: [ConditionOutcome]? = nil
    return holds(context, depth: 0, outcomes: &outcomes)
  }

  /// Whether the condition holds; when `outcomes` is not nil, appends each node's outcome for display. Without
  /// tracing only the route's condition and its direct parts are recorded (deductions need no more), and the
  /// observed values of unrecorded nodes are not formatted.
  func holds(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?) -> Bool {
    let recording = outcomes != nil && (context.tracing || depth <= 1)
    let slot = recording ? outcomes?.count : nil
    if recording { outcomes?.append(ConditionOutcome(depth: depth, label: displayLabel, met: false, observed: "")) }
    let (met, observed) = test.handler.evaluate(context, depth: depth, outcomes: &outcomes, recording: recording)
    if let slot {
      outcomes?[slot].met = met
      outcomes?[slot].observed = observed
      // Figures are for people reading one result; a batch, which does not trace, words none.
      if context.tracing { outcomes?[slot].figure = test.handler.figure(context) }
    }
    return met
  }

  /// The label, or the kind's default.
  var displayLabel: LocalizedText { label ?? test.handler.defaultLabel }
}

extension FactComparison: CustomStringConvertible {
  /// Whether a fact's value passes the comparison.
  func accepts(_ value: FactValue, fact: String, vocabulary: Vocabulary) -> Bool {
    switch self {
    case .atLeast(let bound):
      if case .number(let number) = value { return number >= bound }
      return false
    case .below(let bound):
      if case .number(let number) = value { return number < bound }
      return false
    case .equals(let expected): return value == expected
    case .oneOf(let texts):
      if case .text(let text) = value { return texts.contains(text) }
      return false
    case .atLeastLevel(let level):
      guard case .text(let text) = value, let order = ApplicantFacts.order(of: fact, in: vocabulary),
        let have = order.firstIndex(of: text), let need = order.firstIndex(of: level)
      else { return false }
      return have >= need
    }
  }

  /// The comparison as written in explanations: `≥ 4`, `= true`, `∈ {a, b}`.
  package var description: String {
    switch self {
    case .atLeast(let bound): return "≥ \(bound)"
    case .below(let bound): return "< \(bound)"
    case .equals(let value): return "= \(value)"
    case .oneOf(let texts): return "∈ {\(texts.joined(separator: ", "))}"
    case .atLeastLevel(let level): return "≥ \(level)"
    }
  }
}
