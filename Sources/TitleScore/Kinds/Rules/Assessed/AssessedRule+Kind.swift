extension AssessedRule: RuleKind {
  static let name = "assessed"

  static func decode(_ fields: inout KindFields) -> AssessedRule? {
    let reader = fields.reader
    let path = fields.path
    return fields.required("points").flatMap { reader.pointsSpec($0, path.appending("points")) }.map {
      AssessedRule(points: $0)
    }
  }

  /// A points spec is checked as it is decoded.
  func validate(_ check: inout KindCheck) {}

  var maximum: Points? { points.interval.max }

  var selectedRecords: RecordSelector? { nil }

  var namedLevels: [String] { [] }

  var alternatives: [Item] { [] }

  func compile(_ compiler: inout SheetCompiler) -> RuleNode { AssessedNode(self) }

  /// Reviewers decide the item: no record the planner could propose changes it.
  func addPlanCandidates(to candidates: inout PlanCandidates) {}

  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec? {
    portfolio.assessed[line.itemID].map { points.allows($0) } == true ? nil : points
  }

  /// Each allowed step of a range, for the generator to pick a decided value from.
  func addSamples(to samples: inout GeneratorSamples, itemID: String) {
    guard case .range(let min, let max, let step) = points else { return }
    samples.addAssessed(
      itemID: itemID,
      values: Swift.stride(from: min.units, through: max.units, by: Int(step.units)).map(Points.init(units:)))
  }
}
