extension HigherOfRule: RuleKind {
  static let name = "higherOf"

  static func decode(_ fields: inout KindFields) -> HigherOfRule? {
    let decoder = fields.decoder
    let items = fields.list("items") { decoder.item($0, $1) }
    if items.count < 2 {
      fields.report(.invalidValue, fields.path.appending("items"), Message(.diagnosticHigherOfNeedsTwo))
    }
    return HigherOfRule(items: items)
  }

  /// The alternatives are items of the sheet and are checked as items are.
  func validate(_ check: inout KindCheck) {}

  var maximum: Points? {
    var best = Points.zero
    for item in items {
      guard let maximum = item.maximum else { return nil }
      best = max(best, maximum)
    }
    return best
  }

  var selectedRecords: RecordSelector? { nil }

  var namedLevels: [String] { [] }

  var alternatives: [Item] { items }

  func compile(_ compiler: inout SheetCompiler) -> RuleNode { HigherOfNode(items, compiling: &compiler) }

  /// The planner visits the alternatives as items of their own.
  func addPlanCandidates(to candidates: inout PlanCandidates) {}

  /// The alternatives' lines are their own items' lines.
  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec? { nil }

  /// The generator visits the alternatives as items of their own.
  func addSamples(to samples: inout GeneratorSamples, itemID: String) {}
}
