extension RecordTableRule: RuleKind {
  static let name = "recordTable"

  static func decode(_ fields: inout KindFields) -> RecordTableRule? {
    let reader = fields.reader
    let rows = fields.list("rows") { row($0, $1, reader: reader) }
    return fields.records().map { RecordTableRule(records: $0, rows: rows) }
  }

  private static func row(_ value: JSONValue, _ path: JSONPath, reader: TreeReader) -> Row? {
    guard var members = reader.object(value, path) else { return nil }
    let level = members.optional("level").flatMap { reader.string($0, path.appending("level")) }
    let sharedCap = members.optional("sharedCap").flatMap { reader.string($0, path.appending("sharedCap")) }
    var ranks: Row.Ranks = .any
    var points: PointsSpec?
    if let value = members.optional("byRank") {
      var table: [Int: PointsSpec] = [:]
      if let map = reader.object(value, path.appending("byRank")) {
        for member in map.members {
          let memberPath = path.appending("byRank").appending(member.key)
          guard let rank = Int(member.key), rank >= 1 else {
            reader.report(.invalidValue, memberPath, Message(.diagnosticRankKey, .text("\(member.key)")))
            continue
          }
          if let spec = reader.pointsSpec(member.value, memberPath) { table[rank] = spec }
        }
      }
      ranks = .table(table)
      if members.has("points") {
        reader.report(
          .invalidValue, path.appending("points"), Message(.diagnosticRowPointsTwice))
      }
    } else {
      if members.optional("otherRanks").flatMap({ reader.bool($0, path.appending("otherRanks")) }) == true {
        ranks = .others
      }
      points = members.required("points").flatMap { reader.pointsSpec($0, path.appending("points")) }
      if points == nil { return nil }
    }
    _ = members.optional("otherRanks")
    members.finish()
    return Row(level: level, ranks: ranks, points: points, sharedCap: sharedCap)
  }

  func validate(_ check: inout KindCheck) {
    var anyRows: [String?: Int] = [:]
    var othersRows: [String?: Int] = [:]
    var ranksSeen: [String?: [Int: Int]] = [:]
    for (index, row) in rows.enumerated() {
      let rowPath = check.path.appending("rows").appending(index)
      if let capID = row.sharedCap, !check.sheet.sharedCaps.contains(where: { $0.id == capID }) {
        check.report(
          .unknownSharedCap, rowPath.appending("sharedCap"), Message(.diagnosticUnknownSharedCap, .text("\(capID)")))
      }
      if let level = row.level, let levels = records.levels, !levels.contains(level) {
        check.report(
          .rowNeverMatches, rowPath.appending("level"),
          Message(.diagnosticLevelNeverSelected, .text("\(levels.joined(separator: ", "))"), .text("\(level)")))
      }
      switch row.ranks {
      case .any:
        if let first = anyRows[row.level] {
          check.report(.rowDuplicate, rowPath, Message(.diagnosticRowAnyDuplicate, .text("\(first)")))
        } else {
          anyRows[row.level] = index
        }
      case .others:
        if let first = othersRows[row.level] {
          check.report(.rowDuplicate, rowPath, Message(.diagnosticRowOthersDuplicate, .text("\(first)")))
        } else {
          othersRows[row.level] = index
        }
      case .table(let byRank):
        let ranks = byRank.keys.sorted()
        if let last = ranks.last, ranks != Array(1...last) {
          let missing = Set(1...last).subtracting(ranks).sorted().map(String.init).joined(separator: ", ")
          check.report(
            .rankTableGap, rowPath.appending("byRank"), Message(.diagnosticRankTableGap, .text("\(missing)")))
        }
        for rank in ranks {
          if let first = ranksSeen[row.level]?[rank] {
            check.report(
              .rowDuplicate, rowPath.appending("byRank").appending(String(rank)),
              Message(.diagnosticRankDuplicate, .text("\(rank)"), .text("\(first)")))
          } else {
            ranksSeen[row.level, default: [:]][rank] = index
          }
        }
        if let anyRow = anyRows[row.level] {
          check.report(.rowNeverMatches, rowPath, Message(.diagnosticRowAfterAny, .text("\(anyRow)")))
        }
      }
    }
  }

  /// A table scores every record submitted: it has no maximum of its own (only the item's cap).
  var maximum: Points? { nil }

  var selectedRecords: RecordSelector? { records }

  var namedLevels: [String] { rows.compactMap(\.level) }

  var alternatives: [Item] { [] }

  func compile(_ compiler: inout SheetCompiler) -> RuleNode {
    RecordTableNode(self, levels: compiler.recordLevels, sharedCapIDs: compiler.sharedCapIDs)
  }

  /// One record per row: a rank table's best-scoring rank (the lowest rank among equals), or the row's points;
  /// an "other rank" row never beats the same level's rank table.
  func addPlanCandidates(to candidates: inout PlanCandidates) {
    guard let type = records.types.first else { return }
    for row in rows {
      let level = row.level ?? records.levels?.first
      switch row.ranks {
      case .table(let byRank):
        if let (rank, spec) = byRank.max(by: { ($0.value.interval.min, -$0.key) < ($1.value.interval.min, -$1.key) }) {
          candidates.add(type: type, level: level, rank: rank, bound: spec.interval.max)
        }
      case .any:
        if let spec = row.points { candidates.add(type: type, level: level, rank: nil, bound: spec.interval.max) }
      case .others:
        break
      }
    }
  }

  func undecidedSpec(of line: ScoreLine, portfolio: Portfolio) -> PointsSpec? {
    guard let row = line.rowIndex, let record = line.recordIndex, portfolio.records[record].assessedPoints == nil
    else { return nil }
    return spec(ofRow: row, rank: portfolio.records[record].rank)
  }

  /// Records of the table's types, at its rows' levels, up to two ranks past the longest rank table.
  func addSamples(to samples: inout GeneratorSamples, itemID: String) {
    var levels: [String] = []
    var maxRank = 1
    for row in rows {
      if let level = row.level, !levels.contains(level) { levels.append(level) }
      if case .table(let byRank) = row.ranks { maxRank = max(maxRank, (byRank.keys.max() ?? 1) + 2) }
    }
    samples.addRecords(types: records.types, levels: records.levels ?? levels, maxRank: maxRank)
  }
}
