/// Applies one scoresheet to portfolios: pure, deterministic, and safe to share between threads.
///
/// Stages run in one direction: validity of records → gates → points (items, shared caps, category caps) →
/// criteria → flags → claims → verdict. The result records what was found; `Explanation` words it.
public struct Evaluator: Sendable {
  /// The sheet applied.
  public var sheet: Scoresheet { shared.sheet }
  /// The record types and levels of the sheet's selectors and rules, numbered, for classifying records.
  private let classifier: RecordClassifier
  /// The item each record selector belongs to, by position (for filing validity deductions).
  private let selectorItems: [String?]
  private let itemIDs: Set<String>
  /// Item ids in sheet order.
  private let itemOrder: [String]
  /// Whether any selector asks records for more than their type and level (see `RecordFilter`).
  private let selectorsFilter: Bool
  /// The `higherOf` item each alternative belongs to.
  private let parentItem: [String: String]
  /// Each shared cap's limit, in sheet order.
  private let sharedCapLimits: [Points]
  private let shared: SharedSheet
  /// Room reserved for score lines besides one per record: one per item, and a few for alternatives.
  private let lineCapacity: Int
  /// The sheet's tie-breakers resolved: a category by its position among the outcomes, a fact by its key.
  private let tieBreakers: [ResolvedTieBreaker]
  /// The gates and the category tree, held by reference so that evaluation reads them in place.
  private let gateNodes: BorrowedNodes<Node<Gate>>
  private let categoryNodes: BorrowedNodes<CategoryNode>

  private enum ResolvedTieBreaker {
    case category(Int?)
    case fact(FactKey)
  }

  /// Prepares a sheet for evaluation.
  public init(sheet: Scoresheet) {
    shared = SharedSheet(sheet)
    var ids = Set<String>()
    var order: [String] = []
    var parents: [String: String] = [:]
    for (item, _) in sheet.itemsInOrder {
      ids.insert(item.id)
      order.append(item.id)
      for alternative in item.rule.alternatives { parents[alternative.id] = item.id }
    }
    // The items' selectors in sheet order as the nodes are built, then the conditions'.
    var compiler = SheetCompiler(
      recordLevels: RecordClassifier.distinct(sheet.recordLevels), sharedCapIDs: sheet.sharedCaps.map(\.id))
    categoryNodes = BorrowedNodes(sheet.categories.map { CategoryNode($0, compiling: &compiler) })
    let selectors =
      compiler.selectors + sheet.conditionRecordSelectors.map { RecordSelectorOwner(itemID: nil, selector: $0) }
    classifier = RecordClassifier(selectors: selectors.map(\.selector), levels: compiler.recordLevels)
    selectorItems = selectors.map(\.itemID)
    selectorsFilter = selectors.contains { !$0.selector.filter.isEmpty }
    self.itemIDs = ids
    self.itemOrder = order
    self.parentItem = parents
    sharedCapLimits = sheet.sharedCaps.map(\.cap)
    let categoryOrder = sheet.categoriesInOrder.map(\.id)
    gateNodes = BorrowedNodes(sheet.gates.map(Node.init))
    lineCapacity = order.count + 4
    tieBreakers = sheet.tieBreakers.map { tieBreaker in
      switch tieBreaker {
      case .category(let id): return .category(categoryOrder.firstIndex(of: id))
      case .fact(let name): return .fact(FactKey(name))
      }
    }
  }

  /// Evaluates a portfolio. `materials` is the inspection of its files, when the sheet checks materials.
  /// Without `tracing`, lines and deductions leave out the values they matched on (the batch runner's fast path);
  /// totals, codes, verdicts and flags are identical.
  public func evaluate(_ portfolio: Portfolio, materials: MaterialInspection? = nil, tracing: Bool = true)
    -> ScoreResult
  {
    var result = ScoreResult(sheetID: shared.sheet.id, threshold: shared.sheet.threshold)
    evaluate(portfolio, materials: materials, tracing: tracing, into: &result)
    return result
  }

  /// Evaluates a portfolio into `result`, reusing the storage of its lists: the batch runner keeps one result per
  /// worker and evaluates every applicant into it, instead of building and freeing a dozen lists per applicant.
  func evaluate(
    _ portfolio: borrowing Portfolio, materials: MaterialInspection?, tracing: Bool, into result: inout ScoreResult
  ) {
    ApplicantFacts.withFacts(of: portfolio, sheet: shared) { facts in
      // Each record's type and level are looked up once, into a list on the stack (see `RecordClassifier`).
      facts.portfolio.records.withUnsafeBufferPointer { records in
        withUnsafeTemporaryAllocation(of: RecordClass.self, capacity: records.count) { classes in
          classifier.classify(records, into: classes)
          // The points used under each shared cap, on the stack too.
          withUnsafeTemporaryAllocation(of: PointsInterval.self, capacity: sharedCapLimits.count) { capsUsed in
            capsUsed.initialize(repeating: .zero)
            evaluate(
              facts, recordClasses: UnsafeBufferPointer(classes), sharedCapUsed: capsUsed, materials: materials,
              tracing: tracing, into: &result)
          }
        }
      }
    }
  }

  private func evaluate(
    _ facts: ApplicantFacts, recordClasses: UnsafeBufferPointer<RecordClass>,
    sharedCapUsed: UnsafeMutableBufferPointer<PointsInterval>, materials: MaterialInspection?, tracing: Bool,
    into result: inout ScoreResult
  ) {
    // The sheet is read through `shared.sheet`, in place: a local copy would retain every list in it.
    var context = EvaluationContext(
      shared: shared, facts: facts, recordClasses: recordClasses,
      recordCounts: recordsThatCount(facts, classes: recordClasses, tracing: tracing, into: &result.deductions),
      sharedCapLimits: sharedCapLimits, sharedCapUsed: sharedCapUsed, tracing: tracing)
    // The result's lists become the context's, emptied but with their storage kept.
    swap(&context.deductions, &result.deductions)
    swap(&context.lines, &result.lines)
    context.lines.emptyKeepingStorage()
    context.lines.reserveCapacity(lineCapacity + facts.portfolio.records.count)
    context.deductions.reserveCapacity(context.deductions.count + lineCapacity)
    noteUnknownValues(facts, into: &context.deductions)

    // Gates and categories are read through their nodes, in place (see `Node`).
    result.gates.emptyKeepingStorage()
    gateNodes.forEach(in: &context) { node, context in result.gates.append(node.check(context, materials: materials)) }
    var failedGates: [String] = []
    for gate in result.gates where !gate.passed {
      failedGates.append(gate.gateID)
      context.deductions.append(
        Deduction(.gateFailed, gate: gate.gateID, details: context.trace(gate.findings.map(\.code))))
    }

    result.categories.emptyKeepingStorage()
    var total = PointsInterval.zero
    categoryNodes.forEach(in: &context) { node, context in
      total += node.score(depth: 0, in: &context, outcomes: &result.categories)
    }

    result.conditions.emptyKeepingStorage()
    var criteriaMet = true
    if let criteria = shared.sheet.criteria {
      var recorded: [ConditionOutcome]? = []
      criteriaMet = criteria.holds(context, depth: 0, outcomes: &recorded)
      result.conditions = recorded ?? []
      for (index, outcome) in result.conditions.enumerated() where !outcome.met && outcome.depth == 1 {
        context.deductions.append(
          Deduction(.conditionNotMet, condition: index, details: context.trace([outcome.observed])))
      }
    }

    result.flags.emptyKeepingStorage()
    for trigger in shared.sheet.flags where trigger.condition.holds(context) {
      result.flags.append(RaisedFlag(flag: trigger.flag, triggerID: trigger.id))
    }

    if !failedGates.isEmpty {
      result.verdict = Verdict(kind: .ineligible, failedGates: failedGates)
    } else if !criteriaMet {
      result.verdict = Verdict(kind: .criteriaNotMet)
    } else if let threshold = shared.sheet.threshold, total.min < threshold {
      result.verdict = Verdict(kind: .belowThreshold)
    } else {
      result.verdict = Verdict(kind: .pass)
    }

    result.claims = claimLines(facts.portfolio.claimed, context: &context)
    result.tieBreakValues.removeAll(keepingCapacity: true)
    for tieBreaker in tieBreakers {
      switch tieBreaker {
      case .category(let index):
        result.tieBreakValues.append(index.map { result.categories[$0].subtotal.min } ?? .zero)
      case .fact(let key):
        if case .number(let value)? = facts.value(key) {
          result.tieBreakValues.append(value)
        } else {
          result.tieBreakValues.append(.zero)
        }
      }
    }

    result.portfolioID = facts.portfolio.id
    result.total = total
    result.claimedTotal = facts.portfolio.claimed?.total
    swap(&context.deductions, &result.deductions)
    swap(&context.lines, &result.lines)
  }

  /// Which records count: each must belong to one of the sheet's selectors and pass the validity rules. Records
  /// that do not count are filed in `deductions` (emptied first, keeping its storage).
  private func recordsThatCount(
    _ facts: ApplicantFacts, classes: UnsafeBufferPointer<RecordClass>, tracing: Bool,
    into deductions: inout [Deduction]
  ) -> RecordBits {
    deductions.emptyKeepingStorage()
    var counting = RecordBits()
    // The portfolio is read field by field, in place: a copy would retain every text and list in it.
    let end = shared.sheet.recordsCountUntil(publicityDate: facts.portfolio.publicityDate)
    let titleDate = facts.portfolio.currentTitle?.date
    // Records are read in place through a buffer: a copy of a record retains each of its texts.
    facts.portfolio.records.withUnsafeBufferPointer { records in
      for index in records.indices {
        guard let owner = classifier.owner(of: classes[index], type: records[index].type, level: records[index].level)
        else {
          deductions.append(
            Deduction(.noMatchingRow, record: index, details: tracing ? ["type=\(records[index].type)"] : []))
          continue
        }
        if let reason =
          RecordValidity.reason(
            forRecordAt: records.baseAddress.unsafelyUnwrapped + index, policy: shared.sheet.validity,
            titleDate: titleDate, end: end)
          ?? (selectorsFilter ? filterFailure(of: records[index], picked: classes[index], owner: owner) : nil)
        {
          deductions.append(
            Deduction(
              reason, item: selectorItems[owner], record: index,
              details: tracing
                ? RecordValidity.details(of: reason, for: records[index], titleDate: titleDate, end: end) : []))
        } else {
          counting.insert(index)
        }
        // Through the pointer, field by field: a record taken from the buffer as a whole would be copied.
        if (records.baseAddress.unsafelyUnwrapped + index).pointee.material != nil {
          noteMaterial(of: records[index], at: index, into: &deductions)
        }
      }
    }
    return counting
  }

  /// Why no selector that picks a record accepts it, when every one of them filters it out (a paper not sole-
  /// authored where only sole authors count); nil when one of them takes it.
  private func filterFailure(of record: AchievementRecord, picked: RecordClass, owner: Int) -> ReasonCode? {
    var bits = picked.selectors
    guard bits != 0 else {
      return classifier.selectors[owner].filter.failure(of: record)
    }
    var first: ReasonCode?
    while bits != 0 {
      let position = bits.trailingZeroBitCount
      bits &= bits - 1
      guard let failure = classifier.selectors[position].filter.failure(of: record) else { return nil }
      if first == nil { first = failure }
    }
    return first
  }

  /// Files the portfolio's values that the sheet's vocabulary does not list (they would otherwise score nothing
  /// without a word), each with its path, and a publicity date the sheet counts to but the portfolio leaves out.
  private func noteUnknownValues(_ facts: ApplicantFacts, into deductions: inout [Deduction]) {
    // Read in place: a copy of the portfolio or the vocabulary would retain every list in it.
    for index in facts.unlistedEducation {
      deductions.append(
        Deduction(
          .valueOutsideVocabulary, details: ["education[\(index)].level=\(facts.portfolio.education[index].level)"]))
    }
    if let title = facts.portfolio.currentTitle?.title, !shared.sheet.vocabulary.titles.isEmpty,
      !shared.sheet.vocabulary.titles.contains(where: { $0.isSameText(as: title) })
    {
      deductions.append(Deduction(.valueOutsideVocabulary, details: ["currentTitle.title=\(title)"]))
    }
    if let skill = facts.portfolio.skill?.level, !shared.sheet.vocabulary.skillLevels.isEmpty,
      !shared.sheet.vocabulary.skillLevels.contains(where: { $0.isSameText(as: skill) })
    {
      deductions.append(Deduction(.valueOutsideVocabulary, details: ["skill.level=\(skill)"]))
    }
    if shared.sheet.validity.countUntil == .publicityDate && facts.portfolio.publicityDate == nil {
      deductions.append(Deduction(.missingField, details: ["publicityDate", "until=\(shared.sheet.cutoff)"]))
    }
  }

  /// Files a finding on a record's material that costs nothing on this sheet — a problem or severity the sheet does
  /// not name, or a sheet that grades no material — so that none is dropped without a word. (The costs themselves
  /// are applied by validity and by `EvaluationContext.pointsAfterMaterial`.)
  private func noteMaterial(of record: AchievementRecord, at index: Int, into deductions: inout [Deduction]) {
    guard let issue = record.material else { return }
    let costs = shared.sheet.validity.material
    if let costs, !costs.problems.contains(issue.problem) {
      deductions.append(
        Deduction(.valueOutsideVocabulary, record: index, details: ["material.problem=\(issue.problem)"]))
      return
    }
    let cost = costs?.cost(of: issue.severity)
    if costs != nil && cost == nil {
      deductions.append(
        Deduction(.valueOutsideVocabulary, record: index, details: ["material.severity=\(issue.severity)"]))
    } else if cost == nil || cost == .pointsOff(.zero) {
      // No grading on this sheet, or a severity that costs nothing: the finding is left to the committee.
      deductions.append(
        Deduction(
          .materialDeficient, record: index, details: ["problem=\(issue.problem)", "severity=\(issue.severity)"]))
    }
  }

  /// Claimed points against accepted points for every item the applicant claimed.
  private func claimLines(_ claimed: ClaimedScore?, context: inout EvaluationContext) -> [ClaimLine] {
    guard let claimed, !claimed.items.isEmpty else { return [] }
    var accepted: [String: PointsInterval] = [:]
    for line in context.lines {
      accepted[line.itemID, default: .zero] += line.points
      // A "higher of" item is accepted at what its kept alternative gives.
      if let parent = parentItem[line.itemID] { accepted[parent, default: .zero] += line.points }
    }
    // Item caps cut points after the lines were admitted.
    for deduction in context.deductions where deduction.code == .capReached {
      if let item = deduction.itemID, let lost = deduction.lost, accepted[item] != nil {
        accepted[item] = accepted[item]!.boundwise(minus: lost)
      }
    }
    var lines: [ClaimLine] = []
    // Sheet order, then any claimed ids the sheet does not have.
    let claimedIDs =
      itemOrder.filter { claimed.items[$0] != nil } + claimed.items.keys.filter { !itemIDs.contains($0) }.sorted()
    for itemID in claimedIDs {
      guard itemIDs.contains(itemID) else {
        context.deductions.append(Deduction(.unknownClaimedItem, item: itemID))
        lines.append(
          ClaimLine(itemID: itemID, claimed: claimed.items[itemID], accepted: .zero, reasons: [.unknownClaimedItem]))
        continue
      }
      let acceptedPoints = accepted[itemID] ?? .zero
      var reasons: [ReasonCode] = []
      // Reasons explain a shortfall; an item accepted in full needs none.
      if let claim = claimed.items[itemID], acceptedPoints.max < claim {
        for deduction in context.deductions
        where (deduction.itemID == itemID || deduction.itemID.flatMap { parentItem[$0] } == itemID)
          && !reasons.contains(deduction.code)
        {
          reasons.append(deduction.code)
        }
        if reasons.isEmpty { reasons.append(.claimAboveTable) }
      }
      lines.append(
        ClaimLine(itemID: itemID, claimed: claimed.items[itemID], accepted: acceptedPoints, reasons: reasons))
    }
    return lines
  }
}
