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
    case .honour(let honours, let sinceCurrentTitle):
      let facts = context.facts
      let titleDate = facts.portfolio.currentTitle?.date
      let held = facts.portfolio.honours.filter { honour in
        guard honours.contains(honour.code) else { return false }
        guard sinceCurrentTitle else { return true }
        guard let titleDate, let date = honour.date else { return false }
        return date >= titleDate && date <= facts.countsUntil
      }
      if recording { observed = held.map(\.code).joined(separator: ", ") }
      met = !held.isEmpty
    case .relatedWorkAfter(let rung, let years):
      let have = context.facts.relatedWorkYears(after: rung, vocabulary: context.sheet.vocabulary)
      if recording { observed = "years=\(have.map(String.init) ?? "—")" }
      met = (have ?? 0) >= years
    case .sumOf(let names, let total):
      var sum = Points.zero
      var any = false
      for name in names {
        if case .number(let value)? = context.facts.value(name) {
          sum += value
          any = true
        }
      }
      if recording { observed = "\(names.joined(separator: "+"))=\(any ? sum.description : "—")" }
      met = any && sum >= total
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
    case .honour(let honours, let sinceCurrentTitle):
      return LocalizedText(
        zh: "\(sinceCurrentTitle ? "任现职以来获" : "")荣誉: \(honours.joined(separator: "、"))",
        en: "honour\(sinceCurrentTitle ? " since the current title" : ""): \(honours.joined(separator: ", "))")
    case .relatedWorkAfter(let rung, let years):
      let after = ([rung.level].compactMap { $0 } + rung.degrees).joined(separator: "/")
      return LocalizedText(
        zh: "\(after) 毕业后从事本专业或相近专业工作 \(years) 年以上", en: "\(years) years of related work after \(after)")
    case .sumOf(let names, let total):
      return LocalizedText(
        zh: "\(names.joined(separator: " + ")) 合计不少于 \(total)", en: "\(names.joined(separator: " + ")) ≥ \(total)")
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
