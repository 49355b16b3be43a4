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
  package var provenance: Provenance
  /// Ordered vocabularies and equivalences.
  package var vocabulary: Vocabulary
  /// Validity rules for achievement records.
  package var validity: ValidityPolicy
  /// Control items.
  package var gates: [Gate]
  /// Scored categories, for point routes.
  package var categories: [Category]
  /// Caps shared by rows across tables.
  package var sharedCaps: [SharedCap]
  /// The condition a criteria route needs, with no points.
  package var criteria: Condition?
  /// Flags such as `interview-required`, each raised by its condition.
  package var flags: [FlagRule]
  /// Ranking after verdict and total, before applicant id.
  package var tieBreakers: [TieBreaker]
  /// Worked example cases that checking the sheet runs.
  package var examples: [ExampleCase]
  /// How attainable each kind of record is, for the planner; every record alike when the sheet gives none.
  package var effort: EffortWeights = .uniform
  /// The fewest working days the notice's public posting (公示) lasts ("不少于5个工作日"); nil when the sheet
  /// does not say.
  public internal(set) var postingMinimumWorkingDays: Int? = nil
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

/// Ordered vocabularies a sheet compares against, and the equivalences it applies.
package struct Vocabulary: Hashable, Sendable {
  /// Education levels, lowest first.
  package var educationLevels: [String]
  /// Technical-school classes counted as an education level (中级工班 → 中专 and so on).
  package var educationEquivalents: [String: String]
  /// Annual assessment grades, lowest first.
  package var assessmentGrades: [String]
  /// Professional titles, lowest first.
  package var titles: [String]
  /// Skill levels, lowest first.
  package var skillLevels: [String]
  /// Months of full-time continuing education in the specialty that make an unrelated degree count as related.
  package var retrainingMonthsForRelated: Int?
  /// Whether the national registered qualification for the specialty makes an unrelated degree count as related.
  package var registeredQualificationCountsAsRelated: Bool
  /// Whether, when any of several degrees is related, the highest one counts as related (临平 附件1 二: "申报人有多个
  /// 学历（学位）的，如有与申报专业一致或相近的学历（学位），可按其最高学历（学位）认定为本专业或相近专业").
  package var highestCountsAsRelatedWhenAnyRelated: Bool
  /// Degrees, lowest first, where the sheet scores degrees (`degree.level`); empty when it does not order them.
  package var degreeLevels: [String]
}

/// Rules that decide whether an achievement record counts at all.
package struct ValidityPolicy: Hashable, Sendable {
  /// Where a record's date must fall.
  package enum Window: String, Hashable, Sendable {
    /// From the date of the current title to the cut-off.
    case currentTitle = "current-title"
    /// Any date up to the cut-off.
    case anyBeforeCutoff = "any-before-cutoff"
  }

  /// Where records stop counting.
  package enum CountUntil: String, Hashable, Sendable {
    /// The sheet's cut-off.
    case cutoff
    /// The portfolio's publicity date (Shaoxing: "截止至单位公示首日"), or the cut-off if it has none.
    case publicityDate = "publicity-date"
  }

  /// The date window.
  package var window: Window
  /// The end of the window.
  package var countUntil: CountUntil
  /// Records without evidence are not counted.
  package var requireEvidence: Bool
  /// Collective records need evidence that the applicant was a main contributor.
  package var collectiveNeedsMainContributor: Bool
  /// Patents obtained by transfer with the inventor changed are not counted.
  package var excludeTransferredPatents: Bool
  /// Papers accepted but not yet published are not counted.
  package var requirePublished: Bool
  /// What unclear, incomplete or non-standard material costs, by severity; nil where the sheet grades none.
  package var material: MaterialCosts?
}

/// What a reviewer's finding on a record's material costs (绍兴 五(一)3: "对申报材料不清楚、不完整、不规范的将根据严重
/// 程度扣除相应量化赋分"): for each severity, points off the record's line or the record not counted.
package struct MaterialCosts: Hashable, Sendable {
  /// What one severity costs.
  package enum Cost: Hashable, Sendable {
    /// Points off the record's line, never below zero.
    case pointsOff(Points)
    /// The record is not counted.
    case notCounted
  }

  /// The problems a reviewer may mark (`unclear`, `incomplete`, `non-standard`).
  package var problems: [String]
  /// Each severity's cost, in the sheet's order.
  package var severities: [(severity: String, cost: Cost)]
  /// Where the costs come from.
  package var provenance: Provenance

  /// The cost of a severity, or nil for one the sheet does not name.
  package func cost(of severity: String) -> Cost? {
    severities.first { $0.severity == severity }?.cost
  }

  package static func == (lhs: MaterialCosts, rhs: MaterialCosts) -> Bool {
    lhs.problems == rhs.problems && lhs.provenance == rhs.provenance
      && lhs.severities.elementsEqual(rhs.severities) { $0.severity == $1.severity && $0.cost == $1.cost }
  }

  package func hash(into hasher: inout Hasher) {
    hasher.combine(problems)
    for (severity, cost) in severities {
      hasher.combine(severity)
      hasher.combine(cost)
    }
  }
}

/// A flag raised on a result when its condition holds, e.g. `interview-required`.
package struct FlagRule: Hashable, Sendable {
  /// The flag raised, e.g. `interview-required`.
  package var flag: String
  /// Stable id of the trigger.
  package var id: String
  /// Why the flag is raised, as shown to the applicant.
  package var title: LocalizedText
  /// When it is raised.
  package var condition: Condition
  /// The clause it encodes.
  package var provenance: Provenance
}

/// A ranking key after verdict and total.
package enum TieBreaker: Hashable, Sendable {
  /// A category's subtotal, higher first.
  case category(String)
  /// A numeric fact, higher first.
  case fact(String)
}

/// A worked example: a portfolio and what the sheet must make of it.
package struct ExampleCase: Hashable, Sendable {
  /// What the case shows.
  package var name: String
  /// The clause it pins.
  package var clause: String
  /// The portfolio as written in the sheet.
  package var portfolio: JSONValue
  /// The expected total, for point routes.
  package var expectedTotal: Points?
  /// The expected verdict.
  package var expectedVerdict: Verdict.Kind
  /// Flags that must be raised (others may be too).
  package var expectedFlags: [String]
  /// Deduction codes that must appear.
  package var expectedDeductions: [String]
  /// Gates that must fail.
  package var expectedFailedGates: [String]
  /// Flag triggers (by id) that must fire.
  package var expectedTriggers: [String]
  /// Flag triggers (by id) that must not fire.
  package var expectedAbsentTriggers: [String]
}
