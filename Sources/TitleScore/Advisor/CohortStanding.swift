import Foundation

/// Where one applicant would stand in a cohort already scored by `batch --format json`.
public struct CohortStanding: Sendable {
  /// The applicant's rank among the cohort plus the applicant (equal keys share a rank).
  public let rank: Int
  /// The number of applicants in the pool: the cohort, plus the applicant when not already in it.
  public let poolSize: Int
  /// The share of the pool ranked below the applicant, from 0 to 100.
  public let percentile: Double
  /// The applicant's verdict and total.
  public let result: ScoreResult
  /// How many places are available, from `--quota` or `--pass-rate` (rounded down).
  public let places: Int?

  /// Whether the applicant falls inside the places.
  public var inside: Bool? { places.map { rank <= $0 } }

  /// A cohort row as read from the batch JSON.
  struct Entry {
    var id: String
    var verdict: Verdict.Kind
    var total: PointsInterval
  }

  /// Reads a batch JSON report; problems are located diagnostics.
  static func entries(from tree: JSONValue) throws(Diagnostic) -> (sheet: String?, entries: [Entry]) {
    guard case .array(let rows)? = tree["rows"] else {
      throw Diagnostic(.missingField, at: JSONPath.root.appending("rows"), Message(.diagnosticCohortNeedsRows))
    }
    var entries: [Entry] = []
    for (index, row) in rows.enumerated() {
      let path = JSONPath.root.appending("rows").appending(index)
      guard case .string(let verdictText)? = row["verdict"], let verdict = Verdict.Kind(rawValue: verdictText) else {
        throw Diagnostic(.invalidValue, at: path.appending("verdict"), Message(.diagnosticExpectedVerdict))
      }
      let total: PointsInterval
      switch row["total"] {
      case .number(let number)?:
        guard let points = number.points else {
          throw Diagnostic(.invalidNumber, at: path.appending("total"), Message(.diagnosticExpectedExactPoints))
        }
        total = PointsInterval(exactly: points)
      case .object?:
        guard case .number(let min)? = row["total"]?["min"], case .number(let max)? = row["total"]?["max"],
          let low = min.points,
          let high = max.points
        else { throw Diagnostic(.invalidValue, at: path.appending("total"), Message(.diagnosticExpectedMinMax)) }
        total = PointsInterval(min: low, max: high)
      default:
        throw Diagnostic(.missingField, at: path.appending("total"), Message(.diagnosticExpectedTotal))
      }
      var id = ""
      if case .string(let text)? = row["id"] { id = text }
      entries.append(Entry(id: id, verdict: verdict, total: total))
    }
    var sheet: String?
    if case .string(let text)? = tree["sheet"] { sheet = text }
    return (sheet, entries)
  }

  /// Places a scored applicant in a cohort: the JSON report `titlescore batch --format json` writes, as bytes.
  /// `quota` or `passRate` sets the places available.
  ///
  /// - Complexity: O(n log n) for a cohort of n applicants.
  public init(result: ScoreResult, cohortJSON bytes: [UInt8], quota: Int? = nil, passRate: Double? = nil)
    throws(Diagnostic)
  {
    let tree: JSONValue
    do throws(JSONSyntaxError) {
      tree = try JSONValue.parse(bytes)
    } catch {
      throw Diagnostic(error.code, at: .root, error.message)
    }
    try self.init(result: result, cohortReport: tree, quota: quota, passRate: passRate)
  }

  /// Places a scored applicant in a cohort report already parsed.
  package init(result: ScoreResult, cohortReport: JSONValue, quota: Int? = nil, passRate: Double? = nil)
    throws(Diagnostic)
  {
    let cohort = try CohortStanding.entries(from: cohortReport)
    if let sheet = cohort.sheet, sheet != result.sheetID {
      throw Diagnostic(
        .invalidValue, at: JSONPath.root.appending("sheet"),
        Message(.diagnosticCohortOtherSheet, .text("\(sheet)"), .text("\(result.sheetID)")))
    }
    let others = cohort.entries.filter { $0.id != result.portfolioID }
    func key(_ verdict: Verdict.Kind, _ total: PointsInterval) -> (Int, Int64, Int64) {
      (verdict.order, -total.min.units, -total.max.units)
    }
    let mine = key(result.verdict.kind, result.total)
    let better = others.filter { key($0.verdict, $0.total) < mine }.count
    let worse = others.filter { key($0.verdict, $0.total) > mine }.count
    self.result = result
    rank = better + 1
    poolSize = others.count + 1
    percentile = poolSize > 1 ? Double(worse) * 100 / Double(poolSize - 1) : 100
    if let quota {
      places = quota
    } else if let passRate {
      places = Int((passRate * Double(poolSize)).rounded(.down))
    } else {
      places = nil
    }
  }

  /// The standing as text.
  public func renderText(language: Language) -> String {
    var text = Message(
      .advisorStanding, .interval(result.total), .message(result.verdict.kind.message), .integer(rank),
      .integer(poolSize), .text(String(format: "%.1f", percentile))
    ).text(language)
    if let places, let inside {
      // Places go only to applicants who pass: ranking inside the quota below the line is said as what it is.
      let passes = result.verdict.kind == .pass
      let key: MessageKey =
        inside ? (passes ? .advisorStandingInside : .advisorStandingInsideButNotPassing) : .advisorStandingOutside
      text += Message(key, .integer(places), .message(result.verdict.kind.message)).text(language)
    }
    return text
  }
}
