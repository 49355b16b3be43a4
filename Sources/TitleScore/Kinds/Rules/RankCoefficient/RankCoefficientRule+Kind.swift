extension RankCoefficientRule: RuleKind {
  static let name = "rankCoefficient"

  static func decode(_ fields: inout KindFields) -> RankCoefficientRule? {
    let reader = fields.reader
    let path = fields.path
    let selector = fields.records()
    var base: [String: Points] = [:]
    if let value = fields.required("base"), let map = reader.object(value, path.appending("base")) {
      for member in map.members {
        if let points = reader.points(member.value, path.appending("base").appending(member.key)) {
          base[member.key] = points
        }
      }
    }
    let coefficients = fields.required("coefficients").flatMap { value -> [Points]? in
      guard let elements = reader.array(value, path.appending("coefficients")) else { return nil }
      return elements.compactMap { reader.points($0.0, $0.1) }
    }
    let beyond = fields.points("beyond")
    guard let selector, let coefficients, let beyond else { return nil }
    return RankCoefficientRule(records: selector, base: base, coefficients: coefficients, beyond: beyond)
  }

  func validate(_ check: inout KindCheck) {
    if coefficients.isEmpty {
      check.report(
        .missingField, check.path.appending("coefficients"), Message(.diagnosticCoefficientsEmpty))
    }
    if zip(coefficients, coefficients.dropFirst()).contains(where: { $0 < $1 }) {
      check.report(.tiersUnordered, check.path.appending("coefficients"), Message(.diagnosticCoefficientsRise))
    }
  }

  /// Every record submitted scores: the rule has no maximum of its own (only the item's cap).
  var maximum: Points? { nil }

  var selectedRecords: RecordSelector? { records }

  var namedLevels: [String] { base.keys.sorted() }

  var alternatives: [Item] { [] }

  func compile(_ compiler: inout SheetCompiler) -> RuleNode {
    RankCoefficientNode(self, levels: compiler.recordLevels)
  }

  /// One first-ranked record per level.
  func addPlanCandidates(to candidates: inout PlanCandidates) {
    guard let type = records.types.first else { return }
    for (level, points) in base {
      candidates.add(type: type, level: level, rank: 1, bound: points.scaled(by: coefficients.first ?? beyond))
    }
  }

  /// The points are base times coefficient, both fixed: nothing is left to reviewers.
  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec? { nil }

  /// Records of the rule's types at each base level, up to one rank past the listed coefficients.
  func addSamples(to samples: inout GeneratorSamples, itemID: String) {
    samples.addRecords(types: records.types, levels: base.keys.sorted(), maxRank: coefficients.count + 1)
  }
}
