/// One kind of scoring rule, with every facet the engine needs of it: how a sheet writes it, what makes it valid,
/// the most it gives, the records it reads, how it scores, what the advisor and the generator make of it.
///
/// Every requirement is a requirement: none has a default, so a new kind does not compile until it has all of
/// them. Each kind lives in one folder under `Rules/` (its model, this conformance, and its `RuleNode`); adding
/// one takes that folder and one line in `RuleKinds.all`.
protocol RuleKind: Hashable, Sendable {
  /// The kind's name as a sheet writes it (`"kind": "lookup"`).
  static var name: String { get }

  /// Decodes the rule's fields; the `kind` member is already read. Problems are reported through `fields`.
  static func decode(_ fields: inout KindFields) -> Self?

  /// Reports what only makes sense across the rule's fields (row order, duplicates, rows that never match).
  func validate(_ check: inout KindCheck)

  /// The most the rule can give, or nil when it grows with the number of records.
  var maximum: Points? { get }

  /// The records the rule scores, for the kinds that score records.
  var selectedRecords: RecordSelector? { get }

  /// The record levels the rule names besides its selector's (rows' levels, a base per level), in sheet order.
  var namedLevels: [String] { get }

  /// The items nested in the rule ("higher of" alternatives), in order.
  var alternatives: [Item] { get }

  /// The rule compiled for evaluation (see `RuleNode`).
  func compile(_ compiler: inout SheetCompiler) -> RuleNode

  /// Adds the hypothetical records the planner may propose for the rule's item (see `Planner`).
  func addPlanCandidates(to candidates: inout PlanCandidates)

  /// The points spec a score line of the rule was scored by, when reviewers still decide it (see
  /// `OutcomeDistribution`); nil when the line's points are settled.
  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec?

  /// Adds what the portfolio generator should write for the rule's item (record kinds, assessed values).
  func addSamples(to samples: inout GeneratorSamples, itemID: String)
}

extension RuleKind {
  /// Decodes a rule of this kind, wrapped as a `Rule`.
  static func decodeRule(_ fields: inout KindFields) -> Rule? {
    decode(&fields).map(Rule.init)
  }
}

/// The rule kinds a sheet may use, by name. A new kind is registered here, and nowhere else.
enum RuleKinds {
  /// Every kind, in the order the documentation lists them.
  static let all: [any RuleKind.Type] = [
    LookupRule.self,
    TierRule.self,
    RecordTableRule.self,
    RankCoefficientRule.self,
    CountFloorRule.self,
    HigherOfRule.self,
    FormulaRule.self,
    AssessedRule.self,
  ]

  /// The kind a sheet names, if there is one.
  static func named(_ name: String) -> (any RuleKind.Type)? {
    all.first { $0.name == name }
  }
}
