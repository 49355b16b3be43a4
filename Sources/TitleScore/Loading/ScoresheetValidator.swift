/// Checks a decoded scoresheet's meaning and reports every problem at once, each with its JSON path.
///
/// Decoding has already checked shape; this checks what only makes sense across fields: ids, tier order, rank
/// tables, rows that can never match, caps and thresholds that cannot be reached.
struct ScoresheetValidator {
  let sheet: Scoresheet
  private(set) var diagnostics: [Diagnostic] = []

  init(sheet: Scoresheet) {
    self.sheet = sheet
  }

  private mutating func report(_ code: DiagnosticCode, _ path: JSONPath, _ message: Message) {
    diagnostics.append(Diagnostic(code, at: path, message))
  }

  mutating func validate() -> [Diagnostic] {
    checkRoute()
    var ids: [String: JSONPath] = [:]
    func claim(_ id: String, _ path: JSONPath, into diagnostics: inout [Diagnostic]) {
      if let first = ids[id] {
        diagnostics.append(
          Diagnostic(.duplicateID, at: path, Message(.diagnosticDuplicateId, .text("\(id)"), .text("\(first)"))))
      } else {
        ids[id] = path
      }
    }
    let root = JSONPath.root
    for (index, gate) in sheet.gates.enumerated() {
      let path = root.appending("gates").appending(index)
      claim(gate.id, path.appending("id"), into: &diagnostics)
      checkGate(gate, path)
    }
    for (index, cap) in sheet.sharedCaps.enumerated() {
      claim(cap.id, root.appending("sharedCaps").appending(index).appending("id"), into: &diagnostics)
    }
    for (index, flag) in sheet.flags.enumerated() {
      let path = root.appending("flags").appending(index)
      claim(flag.id, path.appending("id"), into: &diagnostics)
      checkCondition(flag.condition, path.appending("condition"))
    }
    var categoryIDs: [(Category, JSONPath)] = []
    var items: [(Item, JSONPath)] = []
    func collect(_ category: Category, _ path: JSONPath) {
      categoryIDs.append((category, path))
      for (index, item) in category.items.enumerated() { collectItem(item, path.appending("items").appending(index)) }
      for (index, child) in category.categories.enumerated() {
        collect(child, path.appending("categories").appending(index))
      }
    }
    func collectItem(_ item: Item, _ path: JSONPath) {
      items.append((item, path))
      for (index, alternative) in item.rule.alternatives.enumerated() {
        collectItem(alternative, path.appending("rule").appending("items").appending(index))
      }
    }
    for (index, category) in sheet.categories.enumerated() {
      collect(category, root.appending("categories").appending(index))
    }
    for (category, path) in categoryIDs { claim(category.id, path.appending("id"), into: &diagnostics) }
    for (item, path) in items {
      claim(item.id, path.appending("id"), into: &diagnostics)
      checkItem(item, path)
    }
    for (category, path) in categoryIDs { checkCap(category, path) }
    if let criteria = sheet.criteria { checkCondition(criteria, root.appending("criteria")) }
    for (index, tieBreaker) in sheet.tieBreakers.enumerated() {
      if case .category(let id) = tieBreaker, !categoryIDs.contains(where: { $0.0.id == id }) {
        report(
          .invalidValue, root.appending("tieBreakers").appending(index),
          Message(.diagnosticUnknownCategory, .text("\(id)")))
      }
    }
    checkThreshold()
    return diagnostics
  }

  // MARK: - Route

  private mutating func checkRoute() {
    if sheet.route.isPointRoute {
      if sheet.threshold == nil {
        report(.routeIncomplete, JSONPath.root.appending("threshold"), Message(.diagnosticRouteNeedsThreshold))
      }
      if sheet.categories.isEmpty {
        report(.routeIncomplete, JSONPath.root.appending("categories"), Message(.diagnosticRouteNeedsCategories))
      }
    } else if sheet.criteria == nil {
      report(
        .routeIncomplete, JSONPath.root.appending("criteria"),
        Message(.diagnosticRouteNeedsCriteria, .message(sheet.route.name)))
    }
    if !sheet.effective.contains(sheet.cutoff) && sheet.cutoff < sheet.effective.lowerBound {
      report(
        .invalidRange, JSONPath.root.appending("cutoff"),
        Message(.diagnosticCutoffBeforeEffective, .text("\(sheet.cutoff)")))
    }
  }

  // MARK: - Gates and conditions

  private mutating func checkGate(_ gate: Gate, _ path: JSONPath) {
    var check = KindCheck(sheet: sheet, path: path)
    gate.kind.handler.validate(&check)
    diagnostics += check.diagnostics
  }

  private mutating func checkCondition(_ condition: Condition, _ path: JSONPath) {
    var check = KindCheck(sheet: sheet, path: path)
    condition.validate(&check, at: path)
    diagnostics += check.diagnostics
  }

  // MARK: - Items

  private mutating func checkItem(_ item: Item, _ path: JSONPath) {
    let rulePath = path.appending("rule")
    var check = KindCheck(sheet: sheet, path: rulePath)
    item.rule.kind.validate(&check)
    diagnostics += check.diagnostics
    if let cap = item.cap, let maximum = item.rule.kind.maximum, cap > maximum {
      report(
        .capUnreachable, path.appending("cap"),
        Message(.diagnosticItemCapUnreachable, .text("\(cap)"), .text("\(maximum)")))
    }
  }

  // MARK: - Caps and threshold

  private mutating func checkCap(_ category: Category, _ path: JSONPath) {
    guard let cap = category.cap else { return }
    var sum = Points.zero
    for item in category.items {
      guard let maximum = item.maximum else { return }
      sum += maximum
    }
    for child in category.categories {
      guard let maximum = child.maximum else { return }
      sum += maximum
    }
    if cap > sum {
      report(
        .capUnreachable, path.appending("cap"),
        Message(.diagnosticCategoryCapUnreachable, .text("\(cap)"), .text("\(sum)")))
    }
  }

  private mutating func checkThreshold() {
    guard let threshold = sheet.threshold, !sheet.categories.isEmpty else { return }
    var total = Points.zero
    for category in sheet.categories {
      guard let maximum = category.maximum else { return }
      total += maximum
    }
    if threshold > total {
      report(
        .thresholdUnreachable, JSONPath.root.appending("threshold"),
        Message(.diagnosticThresholdUnreachable, .text("\(threshold)"), .text("\(total)")))
    }
  }
}
