extension RecordTableRule {
  /// The row that scores a record of a level and rank: a listed rank of its level, else the level's "other ranks"
  /// row, else a row for any rank. Returns nil, or the missing input when the record lacks a rank the rows need.
  func rowIndex(level: String?, rank: Int?) -> (index: Int?, missingRank: Bool) {
    var othersRow: Int?
    var anyRow: Int?
    var levelHasTable = false
    // By index: a copy of each row would retain its texts and its table.
    for index in rows.indices {
      if let rowLevel = rows[index].level {
        guard let level, rowLevel.isSameText(as: level) else { continue }
      }
      switch rows[index].ranks {
      case .table(let byRank):
        levelHasTable = true
        if let rank, byRank[rank] != nil { return (index, false) }
      case .others:
        if othersRow == nil { othersRow = index }
      case .any:
        if anyRow == nil { anyRow = index }
      }
    }
    if levelHasTable && rank == nil && anyRow == nil { return (nil, true) }
    if let othersRow, rank != nil || !levelHasTable { return (othersRow, false) }
    return (anyRow, false)
  }

  /// The points one item gets from the row at an index, for a record of a rank.
  func spec(ofRow index: Int, rank: Int?) -> PointsSpec? {
    switch rows[index].ranks {
    case .table(let byRank): return rank.flatMap { byRank[$0] }
    case .others, .any: return rows[index].points
    }
  }
}

extension Node<RecordTableRule> {
  /// Scores an item by the rule, read in place (see `Node`).
  func score(_ item: Item, in context: inout EvaluationContext) -> PointsInterval {
    var total = PointsInterval.zero
    let portfolioRecords = context.records
    for recordIndex in context.countingRecords(value.records) {
      // The fields one by one: a copy of the whole record would retain each of its texts.
      let level = portfolioRecords[recordIndex].level
      let rank = portfolioRecords[recordIndex].rank
      let count = portfolioRecords[recordIndex].count
      let match = value.rowIndex(level: level, rank: rank)
      guard let index = match.index, let spec = value.spec(ofRow: index, rank: rank) else {
        context.deductions.append(
          Deduction(
            match.missingRank ? .missingField : .noMatchingRow, item: item.id, record: recordIndex,
            details: match.missingRank
              ? ["rank"]
              : context.trace(["level=\(level ?? "—")", "rank=\(rank.map(String.init) ?? "—")"])))
        continue
      }
      let each = context.resolve(
        spec, decided: portfolioRecords[recordIndex].assessedPoints, item: item.id, record: recordIndex)
      let inputs = context.trace(
        ["type=\(portfolioRecords[recordIndex].type)", "level=\(level ?? "—")"] + (rank.map { ["rank=\($0)"] } ?? [])
          + ["n=\(count)"])
      total += context.admit(
        ScoreLine(
          itemID: item.id, recordIndex: recordIndex, rowIndex: index, inputs: inputs, points: each * count,
          sharedCap: value.rows[index].sharedCap))
    }
    return total
  }
}
