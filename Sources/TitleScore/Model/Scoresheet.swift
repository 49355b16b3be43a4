/// A route's scoring and eligibility rules as declarative data: one JSON file in `scoresheets/`.
///
/// Code knows the kinds of rules; every threshold, point value, cap and gate comes from here, so an office can
/// replace a table with the official annex without touching code.
public struct Scoresheet: Hashable, Sendable {
  /// Stable id, e.g. `jiaxing-2022-energy-engineer-self-score`.
  public var id: String
  /// The route's name.
  public var title: LocalizedText
  /// Who issues the rules.
  public var issuer: LocalizedText
  /// The document the evaluation conditions come from, e.g. 浙环发〔2019〕15号.
  public var document: String
  /// The yearly notice the route is announced in.
  public var notice: String
  /// The city or district whose committee reviews, e.g. `jiaxing`.
  public var city: String
  /// The title series, e.g. `engineering`.
  public var series: String
  /// The specialties the route is for.
  public var specialties: [String]
  /// The title level: `assistant`, `intermediate`, `senior`.
  public var level: String
  /// The title applied for, e.g. `engineer`.
  public var targetTitle: String
  /// The kind of route.
  public var route: RouteKind
  /// The review year.
  public var reviewYear: Int
  /// The period the sheet applies to.
  public var effective: ClosedRange<Day>
  /// Years of service and tenure are counted to this date (31 December of the review year).
  public var cutoff: Day
  /// The self-score needed, for point routes.
  public var threshold: Points?
  /// Where the sheet as a whole comes from.
  public var provenance: Provenance
  /// Ordered vocabularies and equivalences.
  public var vocabulary: Vocabulary
  /// Validity rules for achievement records.
  public var validity: ValidityPolicy
  /// Control items.
  public var gates: [Gate]
  /// Scored categories, for point routes.
  public var categories: [Category]
  /// Caps shared by rows across tables.
  public var sharedCaps: [SharedCap]
  /// The condition a criteria route needs, with no points.
  public var criteria: Condition?
  /// Flags such as `interview-required`, each raised by its condition.
  public var flags: [FlagRule]
  /// Ranking after verdict and total, before applicant id.
  public var tieBreakers: [TieBreaker]
  /// Worked example cases that checking the sheet runs.
  public var examples: [ExampleCase]
  /// The text the sheet was read from, if it was read from text; not part of the sheet's value.
  var source: SheetSource?
}

/// The JSON text a sheet was read from, kept so that a batch can give each worker a copy of the sheet that shares
/// no storage with the others (`Scoresheet.independentCopy()`).
///
/// It is not part of a sheet's value: any two sources are equal, so sheets compare and hash by their rules alone.
struct SheetSource: Hashable, Sendable {
  let bytes: [UInt8]
  let file: String

  static func == (_: SheetSource, _: SheetSource) -> Bool { true }

  func hash(into hasher: inout Hasher) {}
}

/// The kinds of route in the notices.
public enum RouteKind: String, Hashable, Sendable, CaseIterable {
  /// Quantified self-score against a threshold (量化赋分 / 自评分).
  case selfScore = "self-score"
  /// Normal application: degree plus years in the lower title.
  case normal
  /// Direct application: years since graduation, no lower title needed.
  case direct
  /// Exceptional promotion (破格): tenure plus listed achievements.
  case exceptional
  /// Skill-talent routes: skill level plus years, or honours that allow a direct application.
  case skillTalent = "skill-talent"

  /// Whether the route scores points against a threshold.
  public var isPointRoute: Bool { self == .selfScore }
}

/// Ordered vocabularies a sheet compares against, and the equivalences it applies.
public struct Vocabulary: Hashable, Sendable {
  /// Education levels, lowest first.
  public var educationLevels: [String]
  /// Technical-school classes counted as an education level (中级工班 → 中专 and so on).
  public var educationEquivalents: [String: String]
  /// Annual assessment grades, lowest first.
  public var assessmentGrades: [String]
  /// Professional titles, lowest first.
  public var titles: [String]
  /// Skill levels, lowest first.
  public var skillLevels: [String]
  /// Months of full-time continuing education in the specialty that make an unrelated degree count as related.
  public var retrainingMonthsForRelated: Int?
  /// Whether the national registered qualification for the specialty makes an unrelated degree count as related.
  public var registeredQualificationCountsAsRelated: Bool
  /// Whether, when any of several degrees is related, the highest one counts as related (临平 附件1 二: "申报人有多个
  /// 学历（学位）的，如有与申报专业一致或相近的学历（学位），可按其最高学历（学位）认定为本专业或相近专业").
  public var highestCountsAsRelatedWhenAnyRelated: Bool
  /// Degrees, lowest first, where the sheet scores degrees (`degree.level`); empty when it does not order them.
  public var degreeLevels: [String]
}

/// Rules that decide whether an achievement record counts at all.
public struct ValidityPolicy: Hashable, Sendable {
  /// Where a record's date must fall.
  public enum Window: String, Hashable, Sendable {
    /// From the date of the current title to the cut-off.
    case currentTitle = "current-title"
    /// Any date up to the cut-off.
    case anyBeforeCutoff = "any-before-cutoff"
  }

  /// Where records stop counting.
  public enum CountUntil: String, Hashable, Sendable {
    /// The sheet's cut-off.
    case cutoff
    /// The portfolio's publicity date (Shaoxing: "截止至单位公示首日"), or the cut-off if it has none.
    case publicityDate = "publicity-date"
  }

  /// The date window.
  public var window: Window
  /// The end of the window.
  public var countUntil: CountUntil
  /// Records without evidence are not counted.
  public var requireEvidence: Bool
  /// Collective records need evidence that the applicant was a main contributor.
  public var collectiveNeedsMainContributor: Bool
  /// Patents obtained by transfer with the inventor changed are not counted.
  public var excludeTransferredPatents: Bool
  /// Papers accepted but not yet published are not counted.
  public var requirePublished: Bool
  /// What unclear, incomplete or non-standard material costs, by severity; nil where the sheet grades none.
  public var material: MaterialCosts?
}

/// What a reviewer's finding on a record's material costs (绍兴 五(一)3: "对申报材料不清楚、不完整、不规范的将根据严重
/// 程度扣除相应量化赋分"): for each severity, points off the record's line or the record not counted.
public struct MaterialCosts: Hashable, Sendable {
  /// What one severity costs.
  public enum Cost: Hashable, Sendable {
    /// Points off the record's line, never below zero.
    case pointsOff(Points)
    /// The record is not counted.
    case notCounted
  }

  /// The problems a reviewer may mark (`unclear`, `incomplete`, `non-standard`).
  public var problems: [String]
  /// Each severity's cost, in the sheet's order.
  public var severities: [(severity: String, cost: Cost)]
  /// Where the costs come from.
  public var provenance: Provenance

  /// The cost of a severity, or nil for one the sheet does not name.
  public func cost(of severity: String) -> Cost? {
    severities.first { $0.severity == severity }?.cost
  }

  public static func == (lhs: MaterialCosts, rhs: MaterialCosts) -> Bool {
    lhs.problems == rhs.problems && lhs.provenance == rhs.provenance
      && lhs.severities.elementsEqual(rhs.severities) { $0.severity == $1.severity && $0.cost == $1.cost }
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(problems)
    for (severity, cost) in severities {
      hasher.combine(severity)
      hasher.combine(cost)
    }
  }
}

/// A flag raised on a result when its condition holds, e.g. `interview-required`.
public struct FlagRule: Hashable, Sendable {
  /// The flag raised, e.g. `interview-required`.
  public var flag: String
  /// Stable id of the trigger.
  public var id: String
  /// Why the flag is raised, as shown to the applicant.
  public var title: LocalizedText
  /// When it is raised.
  public var condition: Condition
  /// The clause it encodes.
  public var provenance: Provenance
}

/// A ranking key after verdict and total.
public enum TieBreaker: Hashable, Sendable {
  /// A category's subtotal, higher first.
  case category(String)
  /// A numeric fact, higher first.
  case fact(String)
}

/// A worked example: a portfolio and what the sheet must make of it.
public struct ExampleCase: Hashable, Sendable {
  /// What the case shows.
  public var name: String
  /// The clause it pins.
  public var clause: String
  /// The portfolio as written in the sheet.
  public var portfolio: JSONValue
  /// The expected total, for point routes.
  public var expectedTotal: Points?
  /// The expected verdict.
  public var expectedVerdict: Verdict.Kind
  /// Flags that must be raised (others may be too).
  public var expectedFlags: [String]
  /// Deduction codes that must appear.
  public var expectedDeductions: [String]
  /// Gates that must fail.
  public var expectedFailedGates: [String]
  /// Flag triggers (by id) that must fire.
  public var expectedTriggers: [String]
  /// Flag triggers (by id) that must not fire.
  public var expectedAbsentTriggers: [String]
}
