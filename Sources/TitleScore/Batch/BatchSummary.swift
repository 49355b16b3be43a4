/// Counts by verdict, the distribution of totals and the most common deduction reasons of a batch.
package struct BatchSummary: Hashable, Sendable {
  /// Records read: scored plus rejected.
  package var read: Int
  /// Applicants scored.
  package var scored: Int
  /// Records rejected.
  package var rejected: Int
  /// Applicants by verdict, in ranking order of verdicts.
  package var verdicts: [(kind: Verdict.Kind, count: Int)]
  /// Applicants by band of total (lower bound of the band, count), lowest first.
  package var distribution: [(from: Points, count: Int)]
  /// The width of a band.
  package var bandWidth: Points
  /// Reasons by number of applicants affected, most common first.
  package var reasons: [(code: ReasonCode, count: Int)]
  /// The lowest, middle and highest total (by minimum), if any applicant was scored.
  package var lowest: Points?
  /// The median total.
  package var median: Points?
  /// The highest total.
  package var highest: Points?

  /// Summarises a batch, with totals in bands of `bandWidth` points.
  package init(_ results: BatchResults, bandWidth: Points = 10) {
    read = results.readCount
    scored = results.scoredCount
    rejected = results.rejected.count
    var verdictCounts = [Int](repeating: 0, count: Verdict.Kind.allCases.count)
    for row in results.rows { verdictCounts[Int(row.verdict)] += 1 }
    verdicts = Verdict.Kind.allCases.enumerated().map { ($1, verdictCounts[$0]) }
    self.bandWidth = bandWidth
    // The totals sorted once give the bands in one walk, as well as the lowest, middle and highest.
    var totals = (0..<results.scoredCount).map { results.numbers[$0 * results.stride] }
    totals.sort()
    var distribution: [(from: Points, count: Int)] = []
    for total in totals {
      let units = Int64(total)
      let band = units >= 0 ? units / bandWidth.units : (units - bandWidth.units + 1) / bandWidth.units
      let from = Points(units: band * bandWidth.units)
      if distribution.last?.from == from {
        distribution[distribution.count - 1].count += 1
      } else {
        distribution.append((from, 1))
      }
    }
    self.distribution = distribution
    lowest = totals.first.map { Points(units: Int64($0)) }
    highest = totals.last.map { Points(units: Int64($0)) }
    median = totals.isEmpty ? nil : Points(units: Int64(totals[(totals.count - 1) / 2]))
    reasons = results.reasonCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
  }

  package static func == (lhs: BatchSummary, rhs: BatchSummary) -> Bool {
    lhs.read == rhs.read && lhs.scored == rhs.scored && lhs.rejected == rhs.rejected
      && lhs.verdicts.map(\.count) == rhs.verdicts.map(\.count) && lhs.reasons.map(\.code) == rhs.reasons.map(\.code)
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(read)
    hasher.combine(scored)
  }
}
