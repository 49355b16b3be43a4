/// Words a result for people: item names, what each line matched, why each deduction was made.
///
/// Evaluation records codes and values; this is the one place that turns them into Chinese or English.
public struct Explanation: Sendable {
  /// The sheet applied, with its names gathered.
  public let explainedSheet: ExplainedSheet
  /// The sheet applied.
  public var sheet: Scoresheet { explainedSheet.sheet }
  /// The portfolio scored.
  public let portfolio: Portfolio
  /// The result explained.
  public let result: ScoreResult
  /// The language of the sentences.
  public let language: Language
  /// Names the codes of closed lists (a material problem, an authorship) in the language.
  public let glossary: Glossary
  private var titles: [String: LocalizedText] { explainedSheet.titles }

  /// Prepares an explanation; `glossary` names codes (the bundled shared vocabulary unless told otherwise).
  public init(
    sheet: Scoresheet, portfolio: Portfolio, result: ScoreResult, language: Language, glossary: Glossary = .bundled
  ) {
    self.init(
      sheet: ExplainedSheet(sheet), portfolio: portfolio, result: result, language: language, glossary: glossary)
  }

  /// Prepares an explanation with a sheet whose names were gathered once for many results.
  public init(
    sheet: ExplainedSheet, portfolio: Portfolio, result: ScoreResult, language: Language,
    glossary: Glossary = .bundled
  ) {
    self.explainedSheet = sheet
    self.portfolio = portfolio
    self.result = result
    self.language = language
    self.glossary = glossary
  }

  /// A code of a closed list as its name in both languages (the code itself where the list lacks it).
  func name(_ code: String, in list: Glossary.List) -> MessageArgument {
    .localized(LocalizedText(zh: glossary.name(of: code, in: list, .zh), en: glossary.name(of: code, in: list, .en)))
  }

  /// The name of an item, category, gate or cap.
  public func title(_ id: String) -> String {
    titles[id]?.text(language) ?? id
  }

  /// How a record is named in an explanation: its title, or its type and date.
  public func recordLabel(_ index: Int) -> String {
    guard index < portfolio.records.count else { return "#\(index)" }
    let record = portfolio.records[index]
    let name = record.title.isEmpty ? record.type : record.title
    return "\(name) [\(record.id)]"
  }

  /// A sentence for a deduction.
  public func message(_ deduction: Deduction) -> String { sentence(deduction).text(language) }

  /// What a deduction says, as a message: worded from its code, the sheet and the result, never parsed back out of
  /// its details (which are shown only as values).
  public func sentence(_ deduction: Deduction) -> Message {
    let subject: MessageArgument
    if let record = deduction.recordIndex {
      subject = .text(recordLabel(record))
    } else if let item = deduction.itemID {
      subject = .localized(localizedTitle(item))
    } else if let gate = deduction.gateID {
      subject = .localized(localizedTitle(gate))
    } else {
      subject = .word(.wordApplication)
    }
    let values = MessageArgument.list(deduction.details.map(MessageArgument.text))
    let record = deduction.recordIndex.flatMap { $0 < portfolio.records.count ? portfolio.records[$0] : nil }
    let notStated = MessageArgument.word(.wordNotStated)
    switch deduction.code {
    case .outsideWindow:
      let date = MessageArgument.text(record?.date.description ?? "")
      let end = sheet.recordsCountUntil(for: portfolio)
      if let record, record.date <= end, let titleDate = portfolio.currentTitle?.date {
        return Message(.deductionOutsideWindowBefore, subject, date, .day(titleDate))
      }
      return Message(.deductionOutsideWindowAfter, subject, date, .day(end))
    case .noEvidence: return Message(.deductionNoEvidence, subject)
    case .notMainContributor: return Message(.deductionNotMainContributor, subject)
    case .patentTransferred: return Message(.deductionPatentTransferred, subject)
    case .notPublished: return Message(.deductionNotPublished, subject)
    case .capReached:
      let cap = deduction.itemID.flatMap(cap(of:))
      return Message(.deductionCapReached, subject, cap.map(MessageArgument.points) ?? .text("—"))
    case .sharedCapReached:
      let capID = result.lines.first { $0.itemID == deduction.itemID && $0.recordIndex == deduction.recordIndex }?
        .sharedCap
      let cap = capID.flatMap { id in sheet.sharedCaps.first { $0.id == id } }
      return Message(
        .deductionSharedCapReached, subject, .localized(cap?.title ?? LocalizedText(zh: capID ?? "", en: capID ?? "")),
        cap.map { .points($0.cap) } ?? .text("—"))
    case .unrelatedMajor:
      return Message(.deductionUnrelatedMajor, subject, values)
    case .gateFailed:
      let findings = result.gates.first { $0.gateID == deduction.gateID }?.findings ?? []
      return Message(.deductionGateFailed, subject, .list(findings.map { .message($0.message) }))
    case .missingField where deduction.details.first == "publicityDate":
      return Message(.deductionPublicityDateMissing, .day(sheet.cutoff))
    case .missingField:
      return Message(.deductionMissingField, subject, values)
    case .noMatchingRow:
      return Message(deduction.itemID == nil ? .deductionRecordTypeUnscored : .deductionNoMatchingRow, subject, values)
    case .notHigherItem:
      return Message(.deductionNotHigherItem, subject, .localized(localizedTitle(keptAlternative(besides: deduction))))
    case .assessedOutOfRange:
      return Message(.deductionAssessedOutOfRange, subject, values)
    case .conditionNotMet:
      guard let index = deduction.conditionIndex, index < result.conditions.count else {
        return Message(.deductionConditionNotMet, values)
      }
      let outcome = result.conditions[index]
      return outcome.observed.isEmpty
        ? Message(.deductionConditionNotMet, .localized(outcome.label))
        : Message(.deductionConditionNotMetObserved, .localized(outcome.label), .text(outcome.observed))
    case .unknownClaimedItem: return Message(.deductionUnknownClaimedItem, subject)
    case .claimAboveTable: return Message(.deductionClaimAboveTable, subject, values)
    case .authorshipNotAccepted:
      return Message(
        .deductionAuthorshipNotAccepted, subject, record?.authorship.map { name($0, in: .authorship) } ?? notStated)
    case .tooFewCharacters:
      return Message(
        .deductionTooFewCharacters, subject, record?.characters.map(MessageArgument.integer) ?? notStated)
    case .notMainWinner: return Message(.deductionNotMainWinner, subject)
    case .materialDeficient:
      let problem = name(record?.material?.problem ?? "", in: .materialProblem)
      let severity = name(record?.material?.severity ?? "", in: .materialSeverity)
      if let lost = deduction.lost, lost.max > .zero {
        return Message(.deductionMaterialPointsOff, subject, problem, severity, .interval(lost))
      }
      if deduction.details.contains("not-counted") {
        return Message(.deductionMaterialNotCounted, subject, problem, severity)
      }
      return Message(.deductionMaterialToCommittee, subject, problem, severity)
    case .valueOutsideVocabulary:
      return Message(.deductionValueOutsideVocabulary, subject, values)
    }
  }

  /// The name of an item, category, gate or cap in both languages.
  private func localizedTitle(_ id: String) -> LocalizedText { titles[id] ?? LocalizedText(zh: id, en: id) }

  /// The cap of an item or a category, by id.
  private func cap(of id: String) -> Points? { explainedSheet.caps[id] ?? nil }

  /// The alternative of a "higher of" item that counted, for the deduction of one that did not.
  private func keptAlternative(besides deduction: Deduction) -> String {
    guard let itemID = deduction.itemID, let alternatives = explainedSheet.alternatives[itemID] else { return "" }
    let dropped = Set(result.deductions.filter { $0.code == .notHigherItem }.compactMap(\.itemID))
    return alternatives.first { !dropped.contains($0) } ?? ""
  }

  /// What a line matched, e.g. `provincial · rank 2 · n=1`.
  public func matchDescription(_ line: ScoreLine) -> String {
    var text = line.inputs.joined(separator: " ")
    if let row = line.rowIndex { text += " → " + Message(.explanationRow, .integer(row + 1)).text(language) }
    return text
  }

  /// The sentence that says how many of a sheet's values are modelled and what to confirm them against; nil when
  /// every value is official.
  public static func modelledNotice(_ sheet: Scoresheet, language: Language) -> String? {
    ExplainedSheet(sheet).modelledNotice(language)
  }

  /// One sentence for the gap to the threshold.
  public func gapSentence() -> String? {
    guard let threshold = result.threshold else { return nil }
    let gap = threshold - result.total.min
    if result.verdict.kind == .ineligible { return Message(.explanationGapIneligible).text(language) }
    if gap <= .zero { return Message(.explanationGapMet, .points(threshold), .points(-gap)).text(language) }
    return Message(.explanationGapShort, .points(gap), .points(threshold)).text(language)
  }
}
