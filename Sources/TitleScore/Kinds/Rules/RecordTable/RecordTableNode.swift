/// A record-table rule held for evaluation, its rows' levels numbered as records' are (see `RecordClassifier`) and
/// their shared caps by position, so that scoring a record compares numbers instead of texts.
final class RecordTableNode: RuleNode {
  let value: RecordTableRule
  /// Each row's level number, or -1 for a row of any level.
  private let rowLevels: [Int32]
  /// The position of each row's shared cap among the sheet's; nil for a row without one (or naming none).
  private let rowCaps: [Int?]
  /// The rank tables' points listed by rank, one stretch per row (`rankStretches`), so that a rank is found by
  /// position instead of by hashing. Ranks past `RecordTableNode.listedRanks` stay in the row's dictionary.
  private let rankPoints: [PointsSpec?]
  private let rankStretches: [Range<Int>]
  private static let listedRanks = 256

  init(_ rule: RecordTableRule, levels: [String], sharedCapIDs: [String]) {
    value = rule
    rowLevels = rule.rows.map { row in row.level.map { Int32(RecordClassifier.position(of: $0, in: levels)!) } ?? -1 }
    rowCaps = rule.rows.map { row in row.sharedCap.flatMap { sharedCapIDs.firstIndex(of: $0) } }
    var points: [PointsSpec?] = []
    var stretches: [Range<Int>] = []
    for row in rule.rows {
      let start = points.count
      if case .table(let byRank) = row.ranks {
        let listed = min(max((byRank.keys.max() ?? 0) + 1, 0), RecordTableNode.listedRanks)
        points += (0..<listed).map { byRank[$0] }
      }
      stretches.append(start..<points.count)
    }
    rankPoints = points
    rankStretches = stretches
  }

  /// The points a rank-table row gives a rank, if it lists the rank.
  @inline(__always)
  private func points(ofRow index: Int, rank: Int) -> PointsSpec? {
    let stretch = rankStretches[index]
    if rank >= 0 && rank < stretch.count { return rankPoints[stretch.lowerBound + rank] }
    guard rank < 0 || rank >= RecordTableNode.listedRanks, case .table(let byRank) = value.rows[index].ranks else {
      return nil
    }
    return byRank[rank]
  }

  /// Where a record's row lookup ended.
  enum RowMatch {
    /// The row, and the points it gives one item of the record.
    case row(Int, PointsSpec)
    /// The level's rows list ranks and the record has none.
    case missingRank
    /// No row gives the record points.
    case none
  }

  /// The row that scores a record of a level (by number) and rank: a listed rank of its level, else the level's
  /// "other ranks" row, else a row for any rank.
  func row(level: Int32, rank: Int?) -> RowMatch {
    var othersRow: Int?
    var anyRow: Int?
    var levelHasTable = false
    let rows = value.rows
    for index in rows.indices where rowLevels[index] < 0 || rowLevels[index] == level {
      switch rows[index].ranks {
      case .table:
        levelHasTable = true
        if let rank, let spec = points(ofRow: index, rank: rank) { return .row(index, spec) }
      case .others:
        if othersRow == nil { othersRow = index }
      case .any:
        if anyRow == nil { anyRow = index }
      }
    }
    if levelHasTable && rank == nil && anyRow == nil { return .missingRank }
    // The level's "other ranks" row serves a ranked record, or any record of a level without a rank table.
    let index = othersRow != nil && (rank != nil || !levelHasTable) ? othersRow : anyRow
    guard let index, let spec = rows[index].points else { return .none }
    return .row(index, spec)
  }

  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    var total = PointsInterval.zero
    let portfolioRecords = context.records
    for recordIndex in context.countingRecords(value.records, position: selectorPosition) {
      // The fields one by one: a copy of the whole record would retain each of its texts.
      let rank = portfolioRecords[recordIndex].rank
      let count = portfolioRecords[recordIndex].count
      let index: Int
      let spec: PointsSpec
      switch row(level: context.recordClasses[recordIndex].level, rank: rank) {
      case .row(let rowIndex, let rowSpec): (index, spec) = (rowIndex, rowSpec)
      case .missingRank:
        context.deductions.append(Deduction(.missingField, item: item.id, record: recordIndex, details: ["rank"]))
        continue
      case .none:
        context.deductions.append(
          Deduction(
            .noMatchingRow, item: item.id, record: recordIndex,
            details: context.trace([
              "level=\(portfolioRecords[recordIndex].level ?? "—")", "rank=\(rank.map(String.init) ?? "—")",
            ])))
        continue
      }
      let each = context.resolve(
        spec, decided: portfolioRecords[recordIndex].assessedPoints, item: item.id, record: recordIndex)
      let inputs = context.trace(
        [
          "type=\(portfolioRecords[recordIndex].type)", "level=\(portfolioRecords[recordIndex].level ?? "—")",
        ] + (rank.map { ["rank=\($0)"] } ?? []) + ["n=\(count)"])
      total += context.admit(
        ScoreLine(
          itemID: item.id, recordIndex: recordIndex, rowIndex: index, inputs: inputs, points: each * count,
          sharedCap: value.rows[index].sharedCap),
        sharedCap: rowCaps[index])
    }
    return total
  }
}
