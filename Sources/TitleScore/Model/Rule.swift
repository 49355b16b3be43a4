/// How a scoresheet item turns an applicant's facts and records into points. One case per kind of rule in the
/// published tables; each kind's evaluation lives in its own file under `Evaluation/Rules/`.
public indirect enum Rule: Hashable, Sendable {
  /// Points looked up by the value of one or more facts (education level and degree, for example).
  case lookup(LookupRule)
  /// Points by the numeric tier a fact falls in (years of service, for example).
  case tiers(TierRule)
  /// Points per record by level and rank, times the record's count, with "other" rows under a shared cap.
  case recordTable(RecordTableRule)
  /// Base points per record by level, times a coefficient by rank.
  case rankCoefficient(RankCoefficientRule)
  /// Points for every full block of items, or a full score above a count (monitoring certifications).
  case countFloor(CountFloorRule)
  /// The higher of several items ("两项取其中得分高的一项量分").
  case higherOf([Item])
  /// A linear formula of a fact, clamped: `(value − offset) × factor`.
  case formula(FormulaRule)
  /// Points within a range decided by the reviewer.
  case assessed(AssessedRule)

  /// The rule kind's name as written in a sheet.
  public var kindName: String {
    switch self {
    case .lookup: return "lookup"
    case .tiers: return "tiers"
    case .recordTable: return "recordTable"
    case .rankCoefficient: return "rankCoefficient"
    case .countFloor: return "countFloor"
    case .higherOf: return "higherOf"
    case .formula: return "formula"
    case .assessed: return "assessed"
    }
  }
}

/// Points looked up by fact values: the first row whose every fact matches gives its points.
public struct LookupRule: Hashable, Sendable {
  /// One row of the lookup table.
  public struct Row: Hashable, Sendable {
    /// Fact name and the value it must have, in the order written.
    public var match: [(fact: String, value: FactValue)]
    /// The points the row gives.
    public var points: PointsSpec

    /// Creates a row.
    public init(match: [(fact: String, value: FactValue)], points: PointsSpec) {
      self.match = match
      self.points = points
    }

    public static func == (lhs: Row, rhs: Row) -> Bool {
      lhs.points == rhs.points && lhs.match.count == rhs.match.count
        && zip(lhs.match, rhs.match).allSatisfy { $0.fact == $1.fact && $0.value == $1.value }
    }

    public func hash(into hasher: inout Hasher) {
      for entry in match {
        hasher.combine(entry.fact)
        hasher.combine(entry.value)
      }
      hasher.combine(points)
    }
  }

  /// The rows, tried in order.
  public var rows: [Row] {
    didSet {
      factNames = LookupRule.factNames(of: rows)
      matchKeys = LookupRule.matchKeys(of: rows)
      factKeys = factNames.map(FactKey.init)
    }
  }
  /// Points when no row matches.
  public var otherwise: Points
  /// Whether a portfolio without the facts is a `missing-field` deduction (education) or simply scores
  /// `otherwise` (a skill level or a degree the applicant does not have).
  public var factsRequired: Bool
  /// The fact names the rows read, in first-use order (kept with the rows, not worked out per evaluation).
  public private(set) var factNames: [String]

  /// Creates a lookup rule.
  public init(rows: [Row], otherwise: Points, factsRequired: Bool) {
    self.rows = rows
    self.otherwise = otherwise
    self.factsRequired = factsRequired
    factNames = LookupRule.factNames(of: rows)
    matchKeys = LookupRule.matchKeys(of: rows)
    factKeys = factNames.map(FactKey.init)
  }

  /// Each row's fact names resolved, in the order of its `match`.
  var matchKeys: [[FactKey]]
  /// `factNames` resolved.
  var factKeys: [FactKey]

  static func matchKeys(of rows: [Row]) -> [[FactKey]] {
    rows.map { row in row.match.map { FactKey($0.fact) } }
  }

  static func factNames(of rows: [Row]) -> [String] {
    var names: [String] = []
    for row in rows { for entry in row.match where !names.contains(entry.fact) { names.append(entry.fact) } }
    return names
  }
}

/// Points by the tier a numeric fact falls in; tiers are ordered and do not overlap.
public struct TierRule: Hashable, Sendable {
  /// One tier: `min ≤ value < below` (no upper bound when `below` is nil).
  public struct Tier: Hashable, Sendable {
    /// The least value in the tier.
    public var min: Points
    /// The first value above the tier, or nil for the open top tier.
    public var below: Points?
    /// The points the tier gives.
    public var points: PointsSpec
  }

  /// The numeric fact, e.g. `years.professional`.
  public var fact: String { didSet { factKey = FactKey(fact) } }
  /// The tiers, lowest first.
  public var tiers: [Tier]
  /// The fact resolved.
  private(set) var factKey: FactKey

  init(fact: String, tiers: [Tier]) {
    self.fact = fact
    self.tiers = tiers
    factKey = FactKey(fact)
  }
}

/// Points per record by level and rank ("第1-3名 12-16n, 依次减2"), times the record's count.
public struct RecordTableRule: Hashable, Sendable {
  /// One row: a level (or any), and points by rank, for any rank, or for the ranks no other row of the level lists.
  public struct Row: Hashable, Sendable {
    /// Which ranks a row covers.
    public enum Ranks: Hashable, Sendable {
      /// Every rank (certificates have none).
      case any
      /// Points for each listed rank.
      case table([Int: PointsSpec])
      /// Every rank not listed in a `table` row of the same level ("其他").
      case others
    }

    /// The record level the row is for; nil for any level.
    public var level: String?
    /// The ranks covered.
    public var ranks: Ranks
    /// Points for `any` and `others` rows.
    public var points: PointsSpec?
    /// The id of a shared cap the row's points count against ("其他" rows together at most 6).
    public var sharedCap: String?
  }

  /// The records the table scores.
  public var records: RecordSelector
  /// The rows.
  public var rows: [Row]
}

/// Base points by level, times a coefficient by rank (1.0, 0.8, 0.7, 0.6, 0.5, then 0.3).
public struct RankCoefficientRule: Hashable, Sendable {
  /// The records scored.
  public var records: RecordSelector
  /// Base points for each level.
  public var base: [String: Points]
  /// The coefficient for rank 1, 2, 3 and so on.
  public var coefficients: [Points]
  /// The coefficient for every rank after the listed ones.
  public var beyond: Points
}

/// Points for every full block of `per` items, or `full.points` at `full.atLeast` items or more.
public struct CountFloorRule: Hashable, Sendable {
  /// The records counted (each record's count adds up).
  public var records: RecordSelector
  /// Items in a block.
  public var per: Int
  /// Points for each full block.
  public var points: Points
  /// The full score from a number of items on.
  public var full: (atLeast: Int, points: Points)?

  public static func == (lhs: CountFloorRule, rhs: CountFloorRule) -> Bool {
    lhs.records == rhs.records && lhs.per == rhs.per && lhs.points == rhs.points
      && lhs.full?.atLeast == rhs.full?.atLeast && lhs.full?.points == rhs.full?.points
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(records)
    hasher.combine(per)
    hasher.combine(points)
    hasher.combine(full?.atLeast)
    hasher.combine(full?.points)
  }
}

/// `(fact − offset) × factor`, clamped to `[min, max]`.
public struct FormulaRule: Hashable, Sendable {
  /// The numeric fact, e.g. `facts.examScore`.
  public var fact: String { didSet { factKey = FactKey(fact) } }
  /// The fact resolved.
  private(set) var factKey: FactKey
  /// Subtracted first.
  public var offset: Points
  /// Then multiplied by.
  public var factor: Points
  /// The least result.
  public var min: Points
  /// The greatest result.
  public var max: Points

  init(fact: String, offset: Points, factor: Points, min: Points, max: Points) {
    self.fact = fact
    factKey = FactKey(fact)
    self.offset = offset
    self.factor = factor
    self.min = min
    self.max = max
  }
}

/// Points the reviewer decides within a range; a portfolio may carry the decided value.
public struct AssessedRule: Hashable, Sendable {
  /// The allowed points.
  public var points: PointsSpec
}
