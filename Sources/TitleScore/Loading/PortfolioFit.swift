/// How a portfolio fits one sheet, as `titlescore check PORTFOLIO --sheet ID` reports it: values the sheet's own
/// vocabulary does not list (errors: they would match no row and score nothing), records of types or levels the
/// sheet never counts, and everything the sheet reads that the portfolio leaves out, each with what it costs (no
/// assessments recorded: the annual-assessment gate fails; no papers: the paper item scores 0 of its 8 points).
///
/// Every finding is a diagnostic at the portfolio field it is about, so a source puts its own location on it as
/// for any other check. The portfolio is taken as decoded: its values already resolved to codes by the glossary.
public enum PortfolioFit {
  /// Every finding for a portfolio against a sheet, in the order of the portfolio's fields and then the sheet's.
  /// `glossary` names codes in messages.
  public static func findings(
    _ portfolio: Portfolio, against sheet: Scoresheet, glossary: Glossary = .bundled,
    materials: MaterialInspection? = nil
  ) -> [Diagnostic] {
    var found = vocabularyFindings(portfolio, sheet, glossary)
    found += unreadRecords(portfolio, sheet, glossary)
    let result = Evaluator(sheet: sheet).evaluate(portfolio, materials: materials, tracing: true)
    found += omissions(portfolio, sheet, result, glossary)
    return found
  }

  // MARK: - Values the sheet's vocabulary does not list

  private static func vocabularyFindings(_ portfolio: Portfolio, _ sheet: Scoresheet, _ glossary: Glossary)
    -> [Diagnostic]
  {
    let vocabulary = sheet.vocabulary
    var found: [Diagnostic] = []
    func check(_ value: String, _ accepted: [String], _ list: Glossary.List, _ path: JSONPath) {
      guard !accepted.isEmpty, !accepted.contains(value) else { return }
      found.append(
        Diagnostic(
          .valueOutsideVocabulary, at: path,
          Message(
            .diagnosticValueOutsideSheetList, .localized(names(of: value, in: list, glossary)),
            .localized(glossary[list]?.name ?? LocalizedText(zh: list.rawValue, en: list.rawValue)),
            .list(accepted.map { .localized(names(of: $0, in: list, glossary)) }))))
    }
    for (index, record) in portfolio.education.enumerated() {
      let level = vocabulary.educationEquivalents[record.level] ?? record.level
      check(
        level, vocabulary.educationLevels, .educationLevel,
        JSONPath.root.appending("education").appending(index).appending("level"))
      if let degree = record.degree {
        check(
          degree, vocabulary.degreeLevels, .degree,
          JSONPath.root.appending("education").appending(index).appending("degree"))
      }
    }
    if let title = portfolio.currentTitle?.title {
      check(title, vocabulary.titles, .title, JSONPath.root.appending("currentTitle").appending("title"))
    }
    if let skill = portfolio.skill?.level {
      check(skill, vocabulary.skillLevels, .skillLevel, JSONPath.root.appending("skill").appending("level"))
    }
    for entry in portfolio.assessments.entries {
      check(
        entry.grade, vocabulary.assessmentGrades, .assessmentGrade,
        JSONPath.root.appending("assessments").appending(String(entry.year)))
    }
    return found
  }

  private static func names(of code: String, in list: Glossary.List, _ glossary: Glossary) -> LocalizedText {
    LocalizedText(zh: glossary.name(of: code, in: list, .zh), en: glossary.name(of: code, in: list, .en))
  }

  // MARK: - Records the sheet never counts

  private static func unreadRecords(_ portfolio: Portfolio, _ sheet: Scoresheet, _ glossary: Glossary)
    -> [Diagnostic]
  {
    let selectors = sheet.itemsInOrder.compactMap { $0.item.rule.recordSelector } + sheet.conditionRecordSelectors
    guard !selectors.isEmpty else { return [] }
    var types: [String] = []
    for selector in selectors { for type in selector.types where !types.contains(type) { types.append(type) } }
    var found: [Diagnostic] = []
    for (index, record) in portfolio.records.enumerated() {
      let path = JSONPath.root.appending("records").appending(index)
      let reading = selectors.filter { $0.types.contains(record.type) }
      if reading.isEmpty {
        found.append(
          Diagnostic(
            .recordNotRead, at: path.appending("type"),
            Message(
              .diagnosticRecordTypeNotRead, .text(record.id),
              .localized(names(of: record.type, in: .recordType, glossary)),
              .list(types.map { .localized(names(of: $0, in: .recordType, glossary)) })),
            severity: .warning))
        continue
      }
      // A selector without levels takes any level; otherwise the record's level must be one some selector names.
      guard !reading.contains(where: { $0.levels == nil }) else { continue }
      var levels: [String] = []
      for selector in reading {
        for level in selector.levels ?? [] where !levels.contains(level) { levels.append(level) }
      }
      if let level = record.level, levels.contains(level) { continue }
      found.append(
        Diagnostic(
          .recordNotRead, at: path.appending("level"),
          Message(
            .diagnosticRecordLevelNotRead, .text(record.id),
            .localized(names(of: record.type, in: .recordType, glossary)),
            .localized(
              record.level.map { names(of: $0, in: .recordLevel, glossary) } ?? LocalizedText(Message(.wordNotStated))),
            .list(levels.map { .localized(names(of: $0, in: .recordLevel, glossary)) })),
          severity: .warning))
    }
    return found
  }

  // MARK: - What the sheet reads that the portfolio leaves out

  private static func omissions(
    _ portfolio: Portfolio, _ sheet: Scoresheet, _ result: ScoreResult, _ glossary: Glossary
  ) -> [Diagnostic] {
    var found: [Diagnostic] = []
    // Gates that fail for want of something the portfolio does not record.
    for outcome in result.gates where !outcome.passed {
      guard let gate = sheet.gates.first(where: { $0.id == outcome.gateID }) else { continue }
      for finding in outcome.findings {
        guard let path = omittedPath(of: finding) else { continue }
        found.append(
          Diagnostic(
            .fieldOmitted, at: path,
            Message(.diagnosticOmittedGateFails, .message(finding.message), .localized(gate.title)),
            severity: .warning))
      }
    }
    // Items that cannot be scored for want of a fact.
    let items = sheet.itemsInOrder.map(\.item)
    for deduction in result.deductions where deduction.code == .missingField && deduction.recordIndex == nil {
      guard let itemID = deduction.itemID, let item = items.first(where: { $0.id == itemID }) else {
        if deduction.details.first == "publicityDate" {
          found.append(
            Diagnostic(
              .fieldOmitted, at: JSONPath.root.appending("publicityDate"),
              Message(.diagnosticOmittedPublicityDate, .day(sheet.cutoff)), severity: .warning))
        }
        continue
      }
      let fact = deduction.details.first ?? ""
      found.append(
        Diagnostic(
          .fieldOmitted, at: JSONPath.root.appending(FactKey(fact).portfolioField ?? fact),
          Message(
            .diagnosticOmittedItemUnscored, .text(fact), .localized(item.title),
            .points(bound(of: item, in: sheet) ?? .zero)),
          severity: .warning))
    }
    // Items that count records of types the portfolio has none of; a "higher of" item is one finding, made
    // only when none of its alternatives has a record (the one that has scores instead of the others).
    var alternatives = Set<String>()
    for item in items {
      guard !alternatives.contains(item.id) else { continue }
      let group = item.rule.alternatives
      alternatives.formUnion(group.map(\.id))
      var types: [String] = []
      for selector in ([item] + group).compactMap({ $0.rule.recordSelector }) {
        for type in selector.types where !types.contains(type) { types.append(type) }
      }
      guard !types.isEmpty, let maximum = bound(of: item, in: sheet), maximum > .zero,
        !portfolio.records.contains(where: { types.contains($0.type) })
      else { continue }
      found.append(
        Diagnostic(
          .fieldOmitted, at: JSONPath.root.appending("records"),
          Message(
            .diagnosticOmittedNoRecords, .list(types.map { .localized(names(of: $0, in: .recordType, glossary)) }),
            .localized(item.title), .points(maximum)),
          severity: .warning))
    }
    return found
  }

  /// The most an item can give: its own maximum, or the cap of the nearest category above it that has one.
  private static func bound(of item: Item, in sheet: Scoresheet) -> Points? {
    if let maximum = item.maximum { return maximum }
    func contains(_ item: Item, _ candidates: [Item]) -> Bool {
      candidates.contains { $0.id == item.id || contains(item, $0.rule.alternatives) }
    }
    func search(_ category: Category, _ cap: Points?) -> Points?? {
      let capHere = category.cap ?? cap
      if contains(item, category.items) { return .some(capHere) }
      for child in category.categories { if let found = search(child, capHere) { return found } }
      return nil
    }
    for category in sheet.categories { if let found = search(category, nil) { return found } }
    return nil
  }

  /// The portfolio field a gate finding says is missing, or nil when the finding is about a value given.
  private static func omittedPath(of finding: GateFinding) -> JSONPath? {
    switch finding {
    case .assessmentMissing(let year): return JSONPath.root.appending("assessments").appending(String(year))
    case .hoursNotRecorded(let year, _): return JSONPath.root.appending("continuingEducation").appending(String(year))
    case .recommendationsShort(let count, _, _) where count == 0: return JSONPath.root.appending("recommendations")
    case .attachmentMissing: return JSONPath.root.appending("attachments")
    default: return nil
    }
  }
}
