extension RecordTableRule {
  /// The row that scores a record: a listed rank of its level, else the level's "other ranks" row, else a row for
  /// any rank. Returns nil, or the missing input when the record lacks a rank the rows need.
  func rowIndex(for record: AchievementRecord) -> (index: Int?, missingRank: Bool) {
    var othersRow: Int?
    var anyRow: Int?
    var levelHasTable = false
    for (index, row) in rows.enumerated() where row.level == nil || row.level == record.level {
      switch row.ranks {
      case .table(let byRank):
        levelHasTable = true
        if let rank = record.rank, byRank[rank] != nil { return (index, false) }
      case .others:
        if othersRow == nil { othersRow = index }
      case .any:
        if anyRow == nil { anyRow = index }
      }
    }
    if levelHasTable && record.rank == nil && anyRow == nil { return (nil, true) }
    if let othersRow, record.rank != nil || !levelHasTable { return (othersRow, false) }
    return (anyRow, false)
  }

  /// The points one item of the record gets from a row.
  func spec(of row: Row, for record: AchievementRecord) -> PointsSpec? {
    switch row.ranks {
    case .table(let byRank): return record.rank.flatMap { byRank[$0] }
    case .others, .any: return row.points
    }
  }

  func score(_ item: Item, in context: inout EvaluationContext) -> PointsInterval {
    var total = PointsInterval.zero
    let portfolioRecords = context.records
    for recordIndex in context.countingRecords(records) {
      let record = portfolioRecords[recordIndex]
      let match = rowIndex(for: record)
      guard let index = match.index, let spec = spec(of: rows[index], for: record) else {
        context.deductions.append(
          Deduction(
            match.missingRank ? .missingField : .noMatchingRow, item: item.id, record: recordIndex,
            details: match.missingRank
              ? ["rank"]
              : context.trace(["level=\(record.level ?? "—")", "rank=\(record.rank.map(String.init) ?? "—")"])))
        continue
      }
      let each = context.resolve(spec, decided: record.assessedPoints, item: item.id, record: recordIndex)
      let inputs = context.trace(
        ["type=\(record.type)", "level=\(record.level ?? "—")"] + (record.rank.map { ["rank=\($0)"] } ?? []) + [
          "n=\(record.count)"
        ])
      total += context.admit(
        ScoreLine(
          itemID: item.id, recordIndex: recordIndex, rowIndex: index, inputs: inputs, points: each * record.count,
          sharedCap: rows[index].sharedCap))
    }
    return total
  }
}
