extension FormulaRule: RuleKind {
  static let name = "formula"

  static func decode(_ fields: inout KindFields) -> FormulaRule? {
    guard let fact = fields.fact(), let offset = fields.points("offset", nonNegative: false),
      let factor = fields.points("factor", nonNegative: false),
      let min = fields.points("min", nonNegative: false), let max = fields.points("max", nonNegative: false)
    else { return nil }
    if min > max {
      fields.report(.invalidRange, fields.path, Message(.diagnosticFormulaRange, .text("\(min)"), .text("\(max)")))
    }
    return FormulaRule(fact: fact, offset: offset, factor: factor, min: min, max: max)
  }

  /// Decoding checks the one cross-field rule (`min ≤ max`).
  func validate(_ check: inout KindCheck) {}

  var maximum: Points? { max }

  var selectedRecords: RecordSelector? { nil }

  var namedLevels: [String] { [] }

  var alternatives: [Item] { [] }

  func compile(_ compiler: inout SheetCompiler) -> RuleNode { FormulaNode(self) }

  /// A formula scores a fact such as an exam score: no record the planner could propose changes it.
  func addPlanCandidates(to candidates: inout PlanCandidates) {}

  /// A formula's points are computed: nothing is left to reviewers.
  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec? { nil }

  /// The generator writes the facts every portfolio has; a formula needs nothing more.
  func addSamples(to samples: inout GeneratorSamples, itemID: String) {}
}
