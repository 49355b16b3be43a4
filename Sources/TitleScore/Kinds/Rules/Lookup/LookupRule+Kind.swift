extension LookupRule: RuleKind {
  static let name = "lookup"

  static func decode(_ fields: inout KindFields) -> LookupRule? {
    let reader = fields.reader
    let path = fields.path
    let rows = fields.list("rows") { row($0, $1, reader: reader) }
    let otherwise = fields.optional("otherwise").flatMap { reader.points($0, path.appending("otherwise")) } ?? .zero
    let required = fields.optional("factsRequired").flatMap { reader.bool($0, path.appending("factsRequired")) } ?? true
    return LookupRule(rows: rows, otherwise: otherwise, factsRequired: required)
  }

  private static func row(_ value: JSONValue, _ path: JSONPath, reader: TreeReader) -> Row? {
    guard var members = reader.object(value, path) else { return nil }
    var match: [(fact: String, value: FactValue)] = []
    if let value = members.required("match"), let map = reader.object(value, path.appending("match")) {
      for member in map.members {
        if !ApplicantFacts.isKnown(member.key) {
          reader.report(
            .unknownFact, path.appending("match").appending(member.key),
            Message(.diagnosticUnknownFact, .text("\(member.key)")))
        }
        if let fact = reader.factValue(member.value, path.appending("match").appending(member.key)) {
          match.append((member.key, fact))
        }
      }
    }
    let points = members.required("points").flatMap { reader.pointsSpec($0, path.appending("points")) }
    members.finish()
    return points.map { Row(match: match, points: $0) }
  }

  func validate(_ check: inout KindCheck) {
    checkLevelCoverage(&check)
    let vocabulary = check.sheet.vocabulary
    for (index, row) in rows.enumerated() {
      let rowPath = check.path.appending("rows").appending(index)
      for entry in row.match {
        if case .text(let text) = entry.value, let order = ApplicantFacts.order(of: entry.fact, in: vocabulary),
          !order.contains(text)
        {
          check.report(
            .rowNeverMatches, rowPath.appending("match").appending(entry.fact),
            Message(.diagnosticNotInVocabulary, .text("\(text)"), .text("\(entry.fact)")))
        }
      }
      for earlier in 0..<index {
        let previous = rows[earlier]
        if previous == row {
          check.report(.rowDuplicate, rowPath, Message(.diagnosticRowRepeats, .text("\(earlier)")))
          break
        }
        let shadows = previous.match.allSatisfy { entry in
          row.match.contains { $0.fact == entry.fact && $0.value == entry.value }
        }
        if shadows {
          check.report(
            .rowNeverMatches, rowPath,
            Message(.diagnosticRowShadowed, .text("\(earlier)")))
          break
        }
      }
    }
  }

  /// A lookup whose rows each match one fact with an ordered vocabulary (education levels, degrees, titles, skill
  /// levels) must give every level of that vocabulary a row, and must not score a higher level below a lower one
  /// (the Shaoxing tables once scored a second bachelor 0 + 0 against a bachelor's 2 + 1).
  private func checkLevelCoverage(_ check: inout KindCheck) {
    guard let fact = rows.first?.match.first?.fact, rows.allSatisfy({ $0.match.count == 1 }),
      rows.allSatisfy({ $0.match[0].fact == fact }),
      let order = ApplicantFacts.order(of: fact, in: check.sheet.vocabulary)
    else { return }
    var points: [(rank: Int, row: Int, spec: PointsSpec)] = []
    for (index, row) in rows.enumerated() {
      if case .text(let text) = row.match[0].value, let rank = order.firstIndex(of: text) {
        points.append((rank, index, row.points))
      }
    }
    for (rank, level) in order.enumerated() where !points.contains(where: { $0.rank == rank }) {
      check.report(
        .levelUnscored, check.path.appending("rows"),
        Message(.diagnosticLevelUnscored, .text("\(fact)"), .text("\(level)")))
    }
    let sorted = points.sorted { $0.rank < $1.rank }
    for (lower, higher) in zip(sorted, sorted.dropFirst())
    where higher.spec.interval.max < lower.spec.interval.min {
      check.report(
        .levelOrderInverted, check.path.appending("rows").appending(higher.row),
        Message(.diagnosticLevelOrderInverted, .text("\(order[higher.rank])"), .text("\(order[lower.rank])")))
    }
  }

  var maximum: Points? { rows.map(\.points.interval.max).max().map { max($0, otherwise) } ?? otherwise }

  var selectedRecords: RecordSelector? { nil }

  var namedLevels: [String] { [] }

  var alternatives: [Item] { [] }

  func compile(_ compiler: inout SheetCompiler) -> RuleNode { LookupNode(self) }

  /// A lookup scores facts, not records: the planner proposes no record for it.
  func addPlanCandidates(to candidates: inout PlanCandidates) {}

  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec? {
    guard let row = line.rowIndex, portfolio.assessed[line.itemID] == nil else { return nil }
    return rows[row].points
  }

  /// The generator writes education and titles for every portfolio; a lookup needs nothing more.
  func addSamples(to samples: inout GeneratorSamples, itemID: String) {}
}
