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
