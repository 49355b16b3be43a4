extension CountFloorRule: RuleKind {
  static let name = "countFloor"

  static func decode(_ fields: inout KindFields) -> CountFloorRule? {
    let reader = fields.reader
    let path = fields.path
    let selector = fields.records()
    let per = fields.required("per").flatMap { reader.integer($0, path.appending("per"), minimum: 1) }
    let each = fields.points("points")
    var full: FullScore?
    if let value = fields.optional("full"), var members = reader.object(value, path.appending("full")) {
      let atLeast = members.required("atLeast").flatMap {
        reader.integer($0, path.appending("full").appending("atLeast"), minimum: 1)
      }
      let points = members.required("points").flatMap { reader.points($0, path.appending("full").appending("points")) }
      members.finish()
      if let atLeast, let points { full = FullScore(atLeast: atLeast, points: points) }
    }
    guard let selector, let per, let each else { return nil }
    return CountFloorRule(records: selector, per: per, points: each, full: full)
  }

  func validate(_ check: inout KindCheck) {
    if let full, points(forItems: full.atLeast - 1) > full.points {
      check.report(
        .invalidRange, check.path.appending("full"),
        Message(.diagnosticFullScoreLow, .text("\(full.atLeast - 1)")))
    }
  }

  var maximum: Points? {
    guard let full else { return nil }
    return max(full.points, points(forItems: full.atLeast - 1))
  }

  var selectedRecords: RecordSelector? { records }

  var namedLevels: [String] { [] }

  var alternatives: [Item] { [] }

  func compile(_ compiler: inout SheetCompiler) -> RuleNode { CountFloorNode(self) }

  /// One record of the first type and level, bounded by the full score or one block.
  func addPlanCandidates(to candidates: inout PlanCandidates) {
    guard let type = records.types.first else { return }
    candidates.add(type: type, level: records.levels?.first, rank: nil, bound: max(full?.points ?? .zero, points))
  }

  /// The points are a count of blocks: nothing is left to reviewers.
  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec? { nil }

  /// Records of the counted types, unranked.
  func addSamples(to samples: inout GeneratorSamples, itemID: String) {
    samples.addRecords(types: records.types, levels: records.levels ?? [], maxRank: 1)
  }
}
