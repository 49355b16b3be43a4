/// Points per record by level and rank ("第1-3名 12-16n, 依次减2"), times the record's count, with "other" rows under
/// a shared cap.
package struct RecordTableRule: Hashable, Sendable {
  /// One row: a level (or any), and points by rank, for any rank, or for the ranks no other row of the level lists.
  package struct Row: Hashable, Sendable {
    /// Which ranks a row covers.
    package enum Ranks: Hashable, Sendable {
      /// Every rank (certificates have none).
      case any
      /// Points for each listed rank.
      case table([Int: PointsSpec])
      /// Every rank not listed in a `table` row of the same level ("其他").
      case others
    }

    /// The record level the row is for; nil for any level.
    package var level: String?
    /// The ranks covered.
    package var ranks: Ranks
    /// Points for `any` and `others` rows.
    package var points: PointsSpec?
    /// The id of a shared cap the row's points count against ("其他" rows together at most 6).
    package var sharedCap: String?

    /// Creates a row.
    package init(level: String?, ranks: Ranks, points: PointsSpec?, sharedCap: String? = nil) {
      self.level = level
      self.ranks = ranks
      self.points = points
      self.sharedCap = sharedCap
    }
  }

  /// The records the table scores.
  package var records: RecordSelector
  /// The rows.
  package var rows: [Row]

  /// Creates a record table.
  package init(records: RecordSelector, rows: [Row]) {
    self.records = records
    self.rows = rows
  }

  /// The points one item gets from the row at an index, for a record of a rank.
  func spec(ofRow index: Int, rank: Int?) -> PointsSpec? {
    switch rows[index].ranks {
    case .table(let byRank): return rank.flatMap { byRank[$0] }
    case .others, .any: return rows[index].points
    }
  }
}
