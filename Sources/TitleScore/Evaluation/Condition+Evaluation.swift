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
    var observed = ""
    let met: Bool
    switch test {
    case .all(let conditions):
      var allMet = true
      for condition in conditions where !condition.holds(context, depth: depth + 1, outcomes: &outcomes) {
        allMet = false
        if outcomes == nil { break }
      }
      met = allMet
    case .any(let conditions):
      var anyMet = false
      for condition in conditions where condition.holds(context, depth: depth + 1, outcomes: &outcomes) {
        anyMet = true
        if outcomes == nil { break }
      }
      met = anyMet
    case .atLeast(let count, let conditions):
      var metCount = 0
      for condition in conditions where condition.holds(context, depth: depth + 1, outcomes: &outcomes) {
        metCount += 1
      }
      if recording { observed = "\(metCount)/\(conditions.count)" }
      met = metCount >= count
    case .not(let condition):
      met = !condition.holds(context, depth: depth + 1, outcomes: &outcomes)
    case .fact(let name, let comparison):
      let value = context.facts.value(name)
      if recording { observed = "\(name)=\(value?.description ?? "—")" }
      met = value.map { comparison.accepts($0, fact: name, vocabulary: context.sheet.vocabulary) } ?? false
    case .records(let selector, let atLeast):
      let count = context.countOfItems(selector, position: nil)
      if recording { observed = "\(count)" }
      met = count >= atLeast
    case .honour(let honours):
      let held = context.facts.portfolio.honours.filter(honours.contains)
      if recording { observed = held.joined(separator: ", ") }
      met = !held.isEmpty
    case .recommendations(let level, let atLeast):
      let count = context.facts.portfolio.recommendations.filter { $0.level == level }.count
      if recording { observed = "\(count)" }
      met = count >= atLeast
    case .always:
      met = true
    }
    if let slot {
      outcomes?[slot].met = met
      outcomes?[slot].observed = observed
    }
    return met
  }

  /// The label, or one derived from the test.
  var displayLabel: LocalizedText {
    if let label { return label }
    switch test {
    case .all: return LocalizedText(zh: "同时满足", en: "all of")
    case .any: return LocalizedText(zh: "满足其一", en: "any of")
    case .atLeast(let count, let of):
      return LocalizedText(zh: "\(of.count)项中至少\(count)项", en: "at least \(count) of \(of.count)")
    case .not: return LocalizedText(zh: "不满足", en: "not")
    case .fact(let name, let comparison):
      return LocalizedText(zh: "\(name) \(comparison)", en: "\(name) \(comparison)")
    case .records(let selector, let atLeast):
      let types = selector.types.joined(separator: "/")
      return LocalizedText(zh: "\(types) 不少于\(atLeast)项", en: "at least \(atLeast) \(types)")
    case .honour(let honours):
      return LocalizedText(
        zh: "荣誉: \(honours.joined(separator: "、"))", en: "honour: \(honours.joined(separator: ", "))")
    case .recommendations(let level, let atLeast):
      return LocalizedText(zh: "\(level) 专家举荐不少于\(atLeast)名", en: "at least \(atLeast) \(level) recommendations")
    case .always: return LocalizedText(zh: "总是", en: "always")
    }
  }
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
  public var description: String {
    switch self {
    case .atLeast(let bound): return "≥ \(bound)"
    case .below(let bound): return "< \(bound)"
    case .equals(let value): return "= \(value)"
    case .oneOf(let texts): return "∈ {\(texts.joined(separator: ", "))}"
    case .atLeastLevel(let level): return "≥ \(level)"
    }
  }
}
