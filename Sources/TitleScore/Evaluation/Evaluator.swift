/// Applies one scoresheet to portfolios: pure, deterministic, and safe to share between threads.
///
/// Stages run in one direction: validity of records → gates → points (items, shared caps, category caps) →
/// criteria → flags → claims → verdict. The result records what was found; `Explanation` words it.
public struct Evaluator: Sendable {
  /// The sheet applied.
  public var sheet: Scoresheet { shared.sheet }
  /// Each record selector in sheet order with the item it belongs to, for filing validity deductions.
  private let selectors: [(itemID: String?, selector: RecordSelector)]
  private let itemIDs: Set<String>
  /// Item ids in sheet order.
  private let itemOrder: [String]
  /// The `higherOf` item each alternative belongs to.
  private let parentItem: [String: String]
  private let sharedCapLimits: [String: Points]
  private let shared: SharedSheet

  /// Prepares a sheet for evaluation.
  public init(sheet: Scoresheet) {
    shared = SharedSheet(sheet)
    var selectors: [(String?, RecordSelector)] = []
    var ids = Set<String>()
    var order: [String] = []
    var parents: [String: String] = [:]
    for (item, _) in sheet.itemsInOrder {
      ids.insert(item.id)
      order.append(item.id)
      if let selector = item.rule.recordSelector { selectors.append((item.id, selector)) }
      if case .higherOf(let alternatives) = item.rule {
        for alternative in alternatives { parents[alternative.id] = item.id }
      }
    }
    selectors += sheet.conditionRecordSelectors.map { (nil, $0) }
    self.selectors = selectors
    self.itemIDs = ids
    self.itemOrder = order
    self.parentItem = parents
    var limits: [String: Points] = [:]
    for cap in sheet.sharedCaps { limits[cap.id] = cap.cap }
    sharedCapLimits = limits
  }

  /// Evaluates a portfolio. `materials` is the inspection of its files, when the sheet checks materials.
  /// Without `tracing`, lines and deductions leave out the values they matched on (the batch runner's fast path);
  /// totals, codes, verdicts and flags are identical.
  public func evaluate(_ portfolio: Portfolio, materials: MaterialInspection? = nil, tracing: Bool = true)
    -> ScoreResult
  {
    let facts = ApplicantFacts(portfolio: portfolio, sheet: sheet)
    var recordCounts: [Bool] = []
    recordCounts.reserveCapacity(portfolio.records.count)
    var validityDeductions: [Deduction] = []
    for (index, record) in portfolio.records.enumerated() {
      let owner = selectors.first { $0.selector.selects(record) }
      guard let owner else {
        recordCounts.append(false)
        validityDeductions.append(
          Deduction(.noMatchingRow, record: index, details: tracing ? ["type=\(record.type)"] : []))
        continue
      }
      if let reason = RecordValidity.reason(for: record, portfolio: portfolio, sheet: sheet) {
        recordCounts.append(false)
        validityDeductions.append(
          Deduction(reason.code, item: owner.itemID, record: index, details: tracing ? reason.details() : []))
      } else {
        recordCounts.append(true)
      }
    }
    var context = EvaluationContext(
      shared: shared, facts: facts, recordCounts: recordCounts, sharedCaps: sharedCapLimits, tracing: tracing)
    context.deductions = validityDeductions

    let gates = sheet.gates.map { $0.check(context, materials: materials) }
    let failedGates = gates.filter { !$0.passed }.map(\.gateID)
    for gate in gates where !gate.passed {
      context.deductions.append(
        Deduction(.gateFailed, gate: gate.gateID, details: context.trace(gate.findings.map(\.en))))
    }

    var categories: [CategoryOutcome] = []
    var total = PointsInterval.zero
    let sheetCategories = sheet.categories
    for index in sheetCategories.indices {
      total += sheetCategories[index].score(depth: 0, in: &context, outcomes: &categories)
    }

    var conditions: [ConditionOutcome] = []
    var criteriaMet = true
    if let criteria = sheet.criteria {
      var recorded: [ConditionOutcome]? = []
      criteriaMet = criteria.holds(context, depth: 0, outcomes: &recorded)
      conditions = recorded ?? []
      for outcome in conditions where !outcome.met && outcome.depth == 1 {
        context.deductions.append(
          Deduction(.conditionNotMet, details: context.trace([outcome.label.en, outcome.observed])))
      }
    }

    let flags = sheet.flags.filter { $0.condition.holds(context) }.map { RaisedFlag(flag: $0.flag, triggerID: $0.id) }

    let verdict: Verdict
    if !failedGates.isEmpty {
      verdict = Verdict(kind: .ineligible, failedGates: failedGates)
    } else if !criteriaMet {
      verdict = Verdict(kind: .criteriaNotMet)
    } else if let threshold = sheet.threshold, total.min < threshold {
      verdict = Verdict(kind: .belowThreshold)
    } else {
      verdict = Verdict(kind: .pass)
    }

    let claims = claimLines(portfolio, context: &context)
    let tieBreakValues: [Points] = sheet.tieBreakers.map { tieBreaker in
      switch tieBreaker {
      case .category(let id): return categories.first { $0.categoryID == id }?.subtotal.min ?? .zero
      case .fact(let name):
        if case .number(let value)? = facts.value(name) { return value }
        return .zero
      }
    }

    return ScoreResult(
      sheetID: sheet.id, portfolioID: portfolio.id, verdict: verdict, total: total, threshold: sheet.threshold,
      categories: categories, lines: context.lines, deductions: context.deductions, gates: gates,
      conditions: conditions, flags: flags, claims: claims, claimedTotal: portfolio.claimed?.total,
      tieBreakValues: tieBreakValues)
  }

  /// Claimed points against accepted points for every item the applicant claimed.
  private func claimLines(_ portfolio: Portfolio, context: inout EvaluationContext) -> [ClaimLine] {
    guard let claimed = portfolio.claimed, !claimed.items.isEmpty else { return [] }
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
