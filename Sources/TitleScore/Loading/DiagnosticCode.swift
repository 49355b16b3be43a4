/// The stable codes of diagnostics.
public enum DiagnosticCode: String, Hashable, Sendable, CaseIterable {
  /// The file could not be read.
  case unreadableFile = "unreadable-file"
  /// The text is not well-formed JSON.
  case jsonSyntax = "json-syntax"
  /// A value has the wrong JSON type.
  case wrongType = "wrong-type"
  /// A required field is absent.
  case missingField = "missing-field"
  /// A field the format does not define (often a typo).
  case unknownField = "unknown-field"
  /// An object repeats a key.
  case duplicateKey = "duplicate-key"
  /// A date is malformed or impossible.
  case invalidDate = "invalid-date"
  /// A number is not exact to four decimals or not whole where it must be.
  case invalidNumber = "invalid-number"
  /// A count, hour figure or rank is negative or zero where it must be positive.
  case negativeValue = "negative-value"
  /// A value is not one of the allowed ones.
  case invalidValue = "invalid-value"
  /// Two things share an id.
  case duplicateID = "duplicate-id"
  /// A rule kind the engine does not know.
  case unknownRuleKind = "unknown-rule-kind"
  /// A gate kind the engine does not know.
  case unknownGateKind = "unknown-gate-kind"
  /// A condition kind the engine does not know.
  case unknownConditionKind = "unknown-condition-kind"
  /// A fact name the engine does not compute.
  case unknownFact = "unknown-fact"
  /// Tiers out of order.
  case tiersUnordered = "tiers-unordered"
  /// Tiers that overlap.
  case tiersOverlap = "tiers-overlap"
  /// A rank table that skips a rank.
  case rankTableGap = "rank-table-gap"
  /// A row no input can match.
  case rowNeverMatches = "row-never-matches"
  /// A row that repeats an earlier one.
  case rowDuplicate = "row-duplicate"
  /// A cap above what the capped items can give.
  case capUnreachable = "cap-unreachable"
  /// A threshold above the sheet's maximum score.
  case thresholdUnreachable = "threshold-unreachable"
  /// A title without its Chinese text.
  case missingChineseTitle = "missing-chinese-title"
  /// Categories nested deeper than four levels.
  case categoryTooDeep = "category-too-deep"
  /// A row refers to a shared cap the sheet does not declare.
  case unknownSharedCap = "unknown-shared-cap"
  /// A range whose minimum exceeds its maximum, or whose step does not divide it.
  case invalidRange = "invalid-range"
  /// A worked example whose result differs from what it expects.
  case exampleFailed = "example-failed"
  /// A point route without a threshold, or a criteria route without criteria.
  case routeIncomplete = "route-incomplete"
  /// A sheet id asked for that no bundled sheet has.
  case unknownSheet = "unknown-sheet"
  /// A lookup over an ordered vocabulary that leaves a level without a row (it would score nothing unsaid).
  case levelUnscored = "level-unscored"
  /// A lookup over an ordered vocabulary that scores a higher level below a lower one.
  case levelOrderInverted = "level-order-inverted"
  /// An applicant id given to more than one record of a batch (both are scored).
  case duplicateApplicant = "duplicate-applicant"
  /// A JSON text nesting arrays and objects deeper than any real document (`JSONScanner.maximumDepth`).
  case nestingTooDeep = "nesting-too-deep"
  /// A value a portfolio (here, a worked example's) gives that the sheet's vocabulary does not list.
  case valueOutsideVocabulary = "value-outside-vocabulary"
  /// A record of a type, or at a level, the sheet never counts (`check PORTFOLIO --sheet ID`).
  case recordNotRead = "record-not-read"
  /// Something the sheet reads that the portfolio leaves out, with what it costs (`check PORTFOLIO --sheet ID`).
  case fieldOmitted = "field-omitted"
  /// A file named as a workbook that cannot be read as one: not a ZIP archive, damaged, encrypted, an old `.xls`.
  case workbookUnreadable = "workbook-unreadable"
}
