/// Points looked up by fact values: the first row whose every fact matches gives its points (education level and
/// degree, for example).
package struct LookupRule: Hashable, Sendable {
  /// One row of the lookup table.
  package struct Row: Hashable, Sendable {
    /// Fact name and the value it must have, in the order written.
    package var match: [(fact: String, value: FactValue)]
    /// The points the row gives.
    package var points: PointsSpec

    /// Creates a row.
    package init(match: [(fact: String, value: FactValue)], points: PointsSpec) {
      self.match = match
      self.points = points
    }

    package static func == (lhs: Row, rhs: Row) -> Bool {
      lhs.points == rhs.points && lhs.match.count == rhs.match.count
        && zip(lhs.match, rhs.match).allSatisfy { $0.fact == $1.fact && $0.value == $1.value }
    }

    package func hash(into hasher: inout Hasher) {
      for entry in match {
        hasher.combine(entry.fact)
        hasher.combine(entry.value)
      }
      hasher.combine(points)
    }
  }

  /// The rows, tried in order.
  package var rows: [Row]
  /// Points when no row matches.
  package var otherwise: Points
  /// Whether a portfolio without the facts is a `missing-field` deduction (education) or simply scores
  /// `otherwise` (a skill level or a degree the applicant does not have).
  package var factsRequired: Bool

  /// Creates a lookup rule.
  package init(rows: [Row], otherwise: Points, factsRequired: Bool) {
    self.rows = rows
    self.otherwise = otherwise
    self.factsRequired = factsRequired
  }

  /// The fact names the rows read, in first-use order.
  var factNames: [String] {
    var names: [String] = []
    for row in rows { for entry in row.match where !names.contains(entry.fact) { names.append(entry.fact) } }
    return names
  }
}
