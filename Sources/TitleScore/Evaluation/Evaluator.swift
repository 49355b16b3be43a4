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
  /// How many categories the sheet has at every depth: the number of category outcomes.
  private let categoryCount: Int
  /// Room reserved for score lines besides one per record: one per item, and a few for alternatives.
  private let lineCapacity: Int
  /// The sheet's tie-breakers resolved: a category by its position among the outcomes, a fact by its key.
  private let tieBreakers: [ResolvedTieBreaker]
  /// The gates and the category tree, held by reference so that evaluation reads them in place.
  private let gateNodes: [Node<Gate>]
  private let categoryNodes: [CategoryNode]

  private enum ResolvedTieBreaker {
    case category(Int?)
    case fact(FactKey)
  }

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
    let categoryOrder = sheet.categoriesInOrder.map(\.id)
    categoryCount = categoryOrder.count
    gateNodes = sheet.gates.map(Node.init)
    categoryNodes = sheet.categories.map(CategoryNode.init)
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
    let facts = ApplicantFacts(portfolio: portfolio, sheet: sheet)
    var recordCounts: [Bool] = []
    recordCounts.reserveCapacity(portfolio.records.count)
    var validityDeductions: [Deduction] = []
    validityDeductions.reserveCapacity(portfolio.records.count)
    let end = sheet.recordsCountUntil(for: portfolio)
    // Records are read in place through a buffer: a copy of a record retains each of its texts.
    portfolio.records.withUnsafeBufferPointer { records in
      for index in records.indices {
        guard let owner = selectors.firstIndex(where: { $0.selector.selects(records[index]) }) else {
          recordCounts.append(false)
          validityDeductions.append(
            Deduction(.noMatchingRow, record: index, details: tracing ? ["type=\(records[index].type)"] : []))
          continue
        }
        if let reason = RecordValidity.reason(for: records[index], portfolio: portfolio, sheet: sheet, end: end) {
          recordCounts.append(false)
          validityDeductions.append(
            Deduction(
              reason, item: selectors[owner].itemID, record: index,
              details: tracing
                ? RecordValidity.details(of: reason, for: records[index], portfolio: portfolio, end: end) : []))
        } else {
          recordCounts.append(true)
        }
      }
    }
    var context = EvaluationContext(
      shared: shared, facts: facts, recordCounts: recordCounts, sharedCaps: sharedCapLimits, tracing: tracing)
    context.deductions = validityDeductions
    // Room for the usual number of lines and deductions up front, instead of growing them item by item.
    context.lines.reserveCapacity(lineCapacity + portfolio.records.count)
    context.deductions.reserveCapacity(validityDeductions.count + lineCapacity)

    // Gates and categories are read through their nodes, in place (see `Node`).
    let gates = gateNodes.map { $0.value.check(context, materials: materials) }
    let failedGates = gates.filter { !$0.passed }.map(\.gateID)
    for gate in gates where !gate.passed {
      context.deductions.append(
        Deduction(.gateFailed, gate: gate.gateID, details: context.trace(gate.findings.map(\.en))))
    }

    var categories: [CategoryOutcome] = []
    categories.reserveCapacity(categoryCount)
    var total = PointsInterval.zero
    for node in categoryNodes { total += node.score(depth: 0, in: &context, outcomes: &categories) }

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
    let tieBreakValues: [Points] = tieBreakers.map { tieBreaker in
      switch tieBreaker {
      case .category(let index): return index.map { categories[$0].subtotal.min } ?? .zero
      case .fact(let key):
        if case .number(let value)? = facts.value(key) { return value }
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
