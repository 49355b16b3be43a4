/// Points for every full block of `per` items, or `full.points` at `full.atLeast` items or more (monitoring
/// certifications).
package struct CountFloorRule: Hashable, Sendable {
  /// The full score from a number of items on.
  package struct FullScore: Hashable, Sendable {
    /// The number of items from which the full score is given.
    package var atLeast: Int
    /// The full score.
    package var points: Points

    /// Creates a full score.
    package init(atLeast: Int, points: Points) {
      self.atLeast = atLeast
      self.points = points
    }
  }

  /// The records counted (each record's count adds up).
  package var records: RecordSelector
  /// Items in a block.
  package var per: Int
  /// Points for each full block.
  package var points: Points
  /// The full score from a number of items on, if any.
  package var full: FullScore?

  /// Creates a count-floor rule.
  package init(records: RecordSelector, per: Int, points: Points, full: FullScore? = nil) {
    self.records = records
    self.per = per
    self.points = points
    self.full = full
  }

  /// Points for a number of items: the full score from `full.atLeast` on, else points per full block.
  func points(forItems count: Int) -> Points {
    if let full, count >= full.atLeast { return full.points }
    return points * (count / per)
  }
}
