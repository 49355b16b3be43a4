/// Why a record or a point was not counted: stable codes that reports group by and tests assert.
public enum ReasonCode: String, Hashable, Sendable, CaseIterable, Comparable {
  /// The record's date is before the current title or after the cut-off.
  case outsideWindow = "outside-window"
  /// No evidence is attached.
  case noEvidence = "no-evidence"
  /// Collective work without evidence of being a main contributor.
  case notMainContributor = "not-main-contributor"
  /// A patent obtained by transfer with the inventor changed.
  case patentTransferred = "patent-transferred"
  /// A paper accepted but not yet published.
  case notPublished = "not-published"
  /// An item's or category's cap cut the points.
  case capReached = "cap-reached"
  /// A shared cap over "other" rows cut the points.
  case sharedCapReached = "shared-cap-reached"
  /// A degree in an unrelated major was not counted.
  case unrelatedMajor = "unrelated-major"
  /// A gate failed.
  case gateFailed = "gate-failed"
  /// A fact the rule needs is absent from the portfolio.
  case missingField = "missing-field"
  /// No row of the table matches the record.
  case noMatchingRow = "no-matching-row"
  /// The lower of two alternative items is not counted.
  case notHigherItem = "not-higher-item"
  /// An assessor's value outside the item's range was ignored.
  case assessedOutOfRange = "assessed-out-of-range"
  /// A condition of a criteria route is not met.
  case conditionNotMet = "condition-not-met"
  /// An item claimed by the applicant that the sheet does not have.
  case unknownClaimedItem = "unknown-claimed-item"
  /// More points claimed than the table gives for what was submitted, with no record set aside.
  case claimAboveTable = "claim-above-table"
  /// A paper or book whose authorship the condition does not accept (it asks for sole authorship, 独著).
  case authorshipNotAccepted = "authorship-not-accepted"
  /// A book contribution with fewer of the applicant's own characters than the condition asks (不少于3万字).
  case tooFewCharacters = "too-few-characters"
  /// An award that does not name the applicant a main winner (主要获得者).
  case notMainWinner = "not-main-winner"
  /// A reviewer found the record's material unclear, incomplete or non-standard; points off by severity, or the
  /// record not counted.
  case materialDeficient = "material-deficient"
  /// A value outside the sheet's vocabulary (an education level, title or skill level it does not list).
  case valueOutsideVocabulary = "value-outside-vocabulary"

  public static func < (lhs: ReasonCode, rhs: ReasonCode) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One record or point not counted, with the reason and what was lost.
///
/// Evaluation records the facts; `Explanation` turns them into Chinese or English sentences, so the hot path of a
/// batch never formats text it may not print.
public struct Deduction: Hashable, Sendable {
  /// The reason.
  public var code: ReasonCode
  /// The item concerned, if any.
  public var itemID: String?
  /// The record concerned, by index in the portfolio, if any.
  public var recordIndex: Int?
  /// The gate concerned, if any.
  public var gateID: String?
  /// The criteria condition concerned, by index in `ScoreResult.conditions`, if any.
  public var conditionIndex: Int?
  /// Points not counted, when known.
  public var lost: PointsInterval?
  /// The values the reason was found on, as `name=value` (or a field's name), in order: shown as they are, never
  /// parsed back (explanations word a deduction from its code, the sheet and the result).
  public var details: [String]

  /// Creates a deduction.
  public init(
    _ code: ReasonCode, item: String? = nil, record: Int? = nil, gate: String? = nil, condition: Int? = nil,
    lost: PointsInterval? = nil, details: [String] = []
  ) {
    self.conditionIndex = condition
    self.code = code
    self.itemID = item
    self.recordIndex = record
    self.gateID = gate
    self.lost = lost
    self.details = details
  }
}

/// One line that scored: an item, the record or facts it matched, and the table row.
public struct ScoreLine: Hashable, Sendable {
  /// The item.
  public var itemID: String
  /// The record scored, by index in the portfolio, if the rule scores records.
  public var recordIndex: Int?
  /// The row of the item's table that matched, if the rule has rows.
  public var rowIndex: Int?
  /// The input values the row matched on, as `name=value`.
  public var inputs: [String]
  /// The points, before caps.
  public var points: PointsInterval
  /// The shared cap the points count against, if any.
  public var sharedCap: String?
}

/// The outcome of one gate.
public struct GateOutcome: Hashable, Sendable {
  /// The gate.
  public var gateID: String
  /// Whether it passed.
  public var passed: Bool
  /// What falls short (typed; `GateFinding.message` words it); empty when the gate passed.
  public var findings: [GateFinding]
}

/// The outcome of one condition of a criteria route, flattened with its depth for display.
public struct ConditionOutcome: Hashable, Sendable {
  /// Depth in the condition tree, 0 for the route's own condition.
  public var depth: Int
  /// The condition's label.
  public var label: LocalizedText
  /// Whether it holds.
  public var met: Bool
  /// The values it looked at.
  public var observed: String
}

/// A category's subtotal with its cap applied.
public struct CategoryOutcome: Hashable, Sendable {
  /// The category.
  public var categoryID: String
  /// Depth, 0 for first-level indicators.
  public var depth: Int
  /// The sum before the cap.
  public var raw: PointsInterval
  /// The subtotal after the cap.
  public var subtotal: PointsInterval
}

/// A flag raised on a result, such as `interview-required`, with the trigger that raised it.
public struct RaisedFlag: Hashable, Sendable {
  /// The flag.
  public var flag: String
  /// The trigger's id.
  public var triggerID: String
}

/// An item's claimed and accepted points side by side.
public struct ClaimLine: Hashable, Sendable {
  /// The item.
  public var itemID: String
  /// What the applicant claimed.
  public var claimed: Points?
  /// What the sheet accepts.
  public var accepted: PointsInterval
  /// The reasons for the difference.
  public var reasons: [ReasonCode]
}
