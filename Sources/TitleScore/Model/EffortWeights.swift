/// How hard each kind of achievement is to obtain, for the planner to weigh (a national research project led is
/// not as attainable as a paper in a general journal). The notices say nothing of it: the weights are modelled, and
/// the plan says so. A sheet without them weighs every record alike, so the least-effort plan is the fewest records.
package struct EffortWeights: Hashable, Sendable {
  /// A weight for records of a type, of a level, or of both; the first rule that matches a record gives its weight.
  package struct Rule: Hashable, Sendable {
    /// The record type it is for; nil for any.
    package var type: String?
    /// The level it is for; nil for any.
    package var level: String?
    /// The effort, a whole number from 1 (the least).
    package var weight: Int
  }

  /// The rules, most specific first as the sheet orders them.
  package var rules: [Rule]
  /// The weight of a record no rule matches.
  package var defaultWeight: Int
  /// Where the weights come from (modelled: the notices are silent).
  package var provenance: Provenance

  /// Every record weighs 1: the sheet gives no weights.
  package static let uniform = EffortWeights(
    rules: [], defaultWeight: 1, provenance: Provenance(clause: "", status: .modelled))

  /// The effort of a record of a type and level.
  package func weight(type: String, level: String?) -> Int {
    for rule in rules {
      if let ruleType = rule.type, ruleType != type { continue }
      if let ruleLevel = rule.level, ruleLevel != level { continue }
      return rule.weight
    }
    return defaultWeight
  }
}
