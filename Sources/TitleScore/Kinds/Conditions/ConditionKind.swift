/// One kind of condition (a test on an applicant, used by criteria routes, condition gates and interview flags),
/// with every facet the engine needs of it: how a sheet writes it, what makes it valid, whether it holds and what
/// it observed, how it reads by default, and the records it counts.
///
/// As with `RuleKind`, no requirement has a default: a new kind does not compile until it has all of them. Each
/// kind lives in one file under `Kinds/Conditions/`; adding one takes that file and one line in
/// `ConditionKinds.all`.
protocol ConditionKind: Hashable, Sendable {
  /// The member that names the kind in a sheet (`{"all": [...]}`, `{"fact": "years.skill", "atLeast": 3}`).
  static var key: String { get }

  /// Decodes the condition's fields; `label` is already read.
  static func decode(_ fields: inout KindFields) -> Self?

  /// Reports what only makes sense against the sheet (a level its vocabulary lacks), for this condition and the
  /// conditions inside it.
  func validate(_ check: inout KindCheck, at path: JSONPath)

  /// Whether the condition holds, and what it observed (formatted only when `recording`). Conditions inside it
  /// are evaluated at `depth + 1` through `Condition.holds`, which records their outcomes.
  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)

  /// The applicant's own figure beside what the condition needs ("3 年，需 4 年，差 1 年"), for conditions that
  /// compare one quantity; nil for the others (combinators, honours). Asked only when outcomes are recorded.
  func figure(_ context: EvaluationContext) -> Message?

  /// How the condition reads in an explanation when the sheet gives it no label.
  var defaultLabel: LocalizedText { get }

  /// The record selectors of the condition and the conditions inside it, in order (see `RecordClassifier`).
  var recordSelectors: [RecordSelector] { get }
}

extension ConditionKind {
  /// Decodes a condition kind of this type, wrapped as a `Condition.Test`.
  static func decodeTest(_ fields: inout KindFields) -> Condition.Test? {
    decode(&fields).map(Condition.Test.init)
  }
}

/// The condition kinds a sheet may use, tried in this order by the member that names each. A new kind is
/// registered here, and nowhere else.
enum ConditionKinds {
  /// Every kind, in the order their keys are looked for (`of` before `fact`: a fact condition may have `atLeast`,
  /// an "at least N of" condition has `of`).
  static let all: [any ConditionKind.Type] = [
    AllCondition.self,
    AnyCondition.self,
    AtLeastOfCondition.self,
    NotCondition.self,
    FactCondition.self,
    RecordsCondition.self,
    HonourCondition.self,
    RelatedWorkCondition.self,
    SumOfCondition.self,
    RecommendationsCondition.self,
    AlwaysCondition.self,
  ]
}
