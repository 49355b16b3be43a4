extension ReasonCode {
  /// The reason's short name (reports group deductions by it), for the catalogue to word.
  public var name: Message {
    switch self {
    case .outsideWindow: return Message(.reasonOutsideWindow)
    case .noEvidence: return Message(.reasonNoEvidence)
    case .notMainContributor: return Message(.reasonNotMainContributor)
    case .patentTransferred: return Message(.reasonPatentTransferred)
    case .notPublished: return Message(.reasonNotPublished)
    case .capReached: return Message(.reasonCapReached)
    case .sharedCapReached: return Message(.reasonSharedCapReached)
    case .unrelatedMajor: return Message(.reasonUnrelatedMajor)
    case .gateFailed: return Message(.reasonGateFailed)
    case .missingField: return Message(.reasonMissingField)
    case .noMatchingRow: return Message(.reasonNoMatchingRow)
    case .notHigherItem: return Message(.reasonNotHigherItem)
    case .assessedOutOfRange: return Message(.reasonAssessedOutOfRange)
    case .conditionNotMet: return Message(.reasonConditionNotMet)
    case .unknownClaimedItem: return Message(.reasonUnknownClaimedItem)
    case .claimAboveTable: return Message(.reasonClaimAboveTable)
    case .authorshipNotAccepted: return Message(.reasonAuthorshipNotAccepted)
    case .tooFewCharacters: return Message(.reasonTooFewCharacters)
    case .notMainWinner: return Message(.reasonNotMainWinner)
    case .materialDeficient: return Message(.reasonMaterialDeficient)
    case .valueOutsideVocabulary: return Message(.reasonValueOutsideVocabulary)
    }
  }

  /// A short name for reports.
  public func shortName(_ language: Language) -> String { name.text(language) }
}
