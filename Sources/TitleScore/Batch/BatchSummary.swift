/// Counts by verdict, the distribution of totals and the most common deduction reasons of a batch.
public struct BatchSummary: Hashable, Sendable {
  /// Records read: scored plus rejected.
  public var read: Int
  /// Applicants scored.
  public var scored: Int
  /// Records rejected.
  public var rejected: Int
  /// Applicants by verdict, in ranking order of verdicts.
  public var verdicts: [(kind: Verdict.Kind, count: Int)]
  /// Applicants by band of total (lower bound of the band, count), lowest first.
  public var distribution: [(from: Points, count: Int)]
  /// The width of a band.
  public var bandWidth: Points
  /// Reasons by number of applicants affected, most common first.
  public var reasons: [(code: ReasonCode, count: Int)]
  /// The lowest, middle and highest total (by minimum), if any applicant was scored.
  public var lowest: Points?
  /// The median total.
  public var median: Points?
  /// The highest total.
  public var highest: Points?

  /// Summarises a batch, with totals in bands of `bandWidth` points.
  public init(_ results: BatchResults, bandWidth: Points = 10) {
    read = results.readCount
    scored = results.scoredCount
    rejected = results.rejected.count
    var verdictCounts = [Int](repeating: 0, count: Verdict.Kind.allCases.count)
    for verdict in results.verdicts { verdictCounts[Int(verdict)] += 1 }
    verdicts = Verdict.Kind.allCases.enumerated().map { ($1, verdictCounts[$0]) }
    self.bandWidth = bandWidth
    var bands: [Int64: Int] = [:]
    var totals: [Int64] = []
    totals.reserveCapacity(results.scoredCount)
    for index in 0..<results.scoredCount {
      let total = Int64(results.numbers[index * results.stride])
      totals.append(total)
      let band = (total >= 0 ? total / bandWidth.units : (total - bandWidth.units + 1) / bandWidth.units)
      bands[band, default: 0] += 1
    }
    distribution = bands.keys.sorted().map { (Points(units: $0 * bandWidth.units), bands[$0]!) }
    totals.sort()
    lowest = totals.first.map(Points.init(units:))
    highest = totals.last.map(Points.init(units:))
    median = totals.isEmpty ? nil : Points(units: totals[(totals.count - 1) / 2])
    reasons = results.reasonCounts.sorted { ($1.value, $0.key) < ($0.value, $1.key) }.map { ($0.key, $0.value) }
  }

  public static func == (lhs: BatchSummary, rhs: BatchSummary) -> Bool {
    lhs.read == rhs.read && lhs.scored == rhs.scored && lhs.rejected == rhs.rejected
      && lhs.verdicts.map(\.count) == rhs.verdicts.map(\.count) && lhs.reasons.map(\.code) == rhs.reasons.map(\.code)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(read)
    hasher.combine(scored)
  }
}
