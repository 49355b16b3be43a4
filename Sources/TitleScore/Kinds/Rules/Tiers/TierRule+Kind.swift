extension TierRule: RuleKind {
  static let name = "tiers"

  static func decode(_ fields: inout KindFields) -> TierRule? {
    let reader = fields.reader
    guard let fact = fields.fact() else { return nil }
    let tiers = fields.list("tiers") { tier($0, $1, reader: reader) }
    return TierRule(fact: fact, tiers: tiers)
  }

  private static func tier(_ value: JSONValue, _ path: JSONPath, reader: TreeReader) -> Tier? {
    guard var members = reader.object(value, path) else { return nil }
    let min = members.required("min").flatMap { reader.points($0, path.appending("min"), nonNegative: false) }
    let below = members.optional("below").flatMap { reader.points($0, path.appending("below"), nonNegative: false) }
    let points = members.required("points").flatMap { reader.pointsSpec($0, path.appending("points")) }
    members.finish()
    guard let min, let points else { return nil }
    return Tier(min: min, below: below, points: points)
  }

  func validate(_ check: inout KindCheck) {
    for (index, tier) in tiers.enumerated() {
      let tierPath = check.path.appending("tiers").appending(index)
      if let below = tier.below, below <= tier.min {
        check.report(.tiersUnordered, tierPath, Message(.diagnosticTierEmpty, .text("\(below)"), .text("\(tier.min)")))
      }
      guard index > 0 else { continue }
      let previous = tiers[index - 1]
      if tier.min < previous.min {
        check.report(
          .tiersUnordered, tierPath.appending("min"),
          Message(.diagnosticTiersUnordered, .text("\(tier.min)"), .text("\(previous.min)")))
      } else if previous.below.map({ tier.min < $0 }) ?? true {
        check.report(
          .tiersOverlap, tierPath.appending("min"), Message(.diagnosticTiersOverlap, .text("\(tier.min)")))
      }
    }
  }

  var maximum: Points? { tiers.map(\.points.interval.max).max() ?? .zero }

  var selectedRecords: RecordSelector? { nil }

  var namedLevels: [String] { [] }

  var alternatives: [Item] { [] }

  func compile(_ compiler: inout SheetCompiler) -> RuleNode { TierNode(self) }

  /// Tiers score a fact such as years of service: no record the planner could propose changes it.
  func addPlanCandidates(to candidates: inout PlanCandidates) {}

  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec? {
    guard let row = line.rowIndex, portfolio.assessed[line.itemID] == nil else { return nil }
    return tiers[row].points
  }

  /// The generator writes dates and years for every portfolio; tiers need nothing more.
  func addSamples(to samples: inout GeneratorSamples, itemID: String) {}
}
