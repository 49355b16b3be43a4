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

  private mutating func report(_ code: DiagnosticCode, _ path: JSONPath, _ message: String) {
    diagnostics.append(Diagnostic(code, at: path, message))
  }

  mutating func validate() -> [Diagnostic] {
    checkRoute()
    var ids: [String: JSONPath] = [:]
    func claim(_ id: String, _ path: JSONPath, into diagnostics: inout [Diagnostic]) {
      if let first = ids[id] {
        diagnostics.append(Diagnostic(.duplicateID, at: path, "the id \"\(id)\" is already used at \(first)"))
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
      if case .higherOf(let alternatives) = item.rule {
        for (index, alternative) in alternatives.enumerated() {
          collectItem(alternative, path.appending("rule").appending("items").appending(index))
        }
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
        report(.invalidValue, root.appending("tieBreakers").appending(index), "no category has the id \"\(id)\"")
      }
    }
    checkThreshold()
    return diagnostics
  }

  // MARK: - Route

  private mutating func checkRoute() {
    if sheet.route.isPointRoute {
      if sheet.threshold == nil {
        report(.routeIncomplete, JSONPath.root.appending("threshold"), "a self-score route needs a threshold")
      }
      if sheet.categories.isEmpty {
        report(.routeIncomplete, JSONPath.root.appending("categories"), "a self-score route needs scored categories")
      }
    } else if sheet.criteria == nil {
      report(.routeIncomplete, JSONPath.root.appending("criteria"), "a \(sheet.route.rawValue) route needs criteria")
    }
    if !sheet.effective.contains(sheet.cutoff) && sheet.cutoff < sheet.effective.lowerBound {
      report(
        .invalidRange, JSONPath.root.appending("cutoff"), "the cut-off \(sheet.cutoff) is before the effective period")
    }
  }

  // MARK: - Gates and conditions

  private mutating func checkGate(_ gate: Gate, _ path: JSONPath) {
    switch gate.kind {
    case .annualAssessment(_, let minimum):
      if !sheet.vocabulary.assessmentGrades.contains(minimum) {
        report(.invalidValue, path.appending("minimum"), "\"\(minimum)\" is not in vocabulary.assessmentGrades")
      }
    case .condition(let condition):
      checkCondition(condition, path.appending("condition"))
    case .continuingEducation(let requirement):
      if requirement.years != requirement.years.sorted() || Set(requirement.years).count != requirement.years.count {
        report(.invalidValue, path.appending("years"), "years must be listed once each, in order")
      }
    default: break
    }
  }

  private mutating func checkCondition(_ condition: Condition, _ path: JSONPath) {
    switch condition.test {
    case .all(let conditions), .any(let conditions):
      let key = condition.test == .all(conditions) ? "all" : "any"
      for (index, child) in conditions.enumerated() { checkCondition(child, path.appending(key).appending(index)) }
    case .atLeast(_, let conditions):
      for (index, child) in conditions.enumerated() { checkCondition(child, path.appending("of").appending(index)) }
    case .not(let inner): checkCondition(inner, path.appending("not"))
    case .fact(let name, .atLeastLevel(let level)):
      guard let order = ApplicantFacts.order(of: name, in: sheet.vocabulary) else {
        report(.invalidValue, path.appending("atLeast"), "\(name) is not an ordered fact; compare it with equals or in")
        return
      }
      if !order.contains(level) {
        report(.rowNeverMatches, path.appending("atLeast"), "\"\(level)\" is not in the vocabulary ordering \(name)")
      }
    default: break
    }
  }

  // MARK: - Items

  private mutating func checkItem(_ item: Item, _ path: JSONPath) {
    let rulePath = path.appending("rule")
    switch item.rule {
    case .lookup(let rule): checkLookup(rule, rulePath)
    case .tiers(let rule): checkTiers(rule, rulePath)
    case .recordTable(let rule): checkRecordTable(rule, rulePath)
    case .rankCoefficient(let rule):
      if rule.coefficients.isEmpty {
        report(
          .missingField, rulePath.appending("coefficients"), "a rank-coefficient rule needs at least one coefficient")
      }
      if zip(rule.coefficients, rule.coefficients.dropFirst()).contains(where: { $0 < $1 }) {
        report(.tiersUnordered, rulePath.appending("coefficients"), "coefficients must not rise with rank")
      }
    case .countFloor(let rule):
      if let full = rule.full, rule.points(forItems: full.atLeast - 1) > full.points {
        report(
          .invalidRange, rulePath.appending("full"),
          "the full score is below what \(full.atLeast - 1) items already give")
      }
    default: break
    }
    if let cap = item.cap, let maximum = Self.maximum(of: item.rule), cap > maximum {
      report(.capUnreachable, path.appending("cap"), "the cap \(cap) is above the most the item can give (\(maximum))")
    }
  }

  /// A lookup whose rows each match one fact with an ordered vocabulary (education levels, degrees, titles, skill
  /// levels) must give every level of that vocabulary a row, and must not score a higher level below a lower one
  /// (the Shaoxing tables once scored a second bachelor 0 + 0 against a bachelor's 2 + 1).
  private mutating func checkLevelCoverage(_ rule: LookupRule, _ path: JSONPath) {
    guard let fact = rule.rows.first?.match.first?.fact, rule.rows.allSatisfy({ $0.match.count == 1 }),
      rule.rows.allSatisfy({ $0.match[0].fact == fact }),
      let order = ApplicantFacts.order(of: fact, in: sheet.vocabulary)
    else { return }
    var points: [(rank: Int, row: Int, spec: PointsSpec)] = []
    for (index, row) in rule.rows.enumerated() {
      if case .text(let text) = row.match[0].value, let rank = order.firstIndex(of: text) {
        points.append((rank, index, row.points))
      }
    }
    for (rank, level) in order.enumerated() where !points.contains(where: { $0.rank == rank }) {
      report(
        .levelUnscored, path.appending("rows"),
        "no row scores \(fact) = \"\(level)\"; give every level of the vocabulary a row (0 if it scores nothing)")
    }
    let sorted = points.sorted { $0.rank < $1.rank }
    for (lower, higher) in zip(sorted, sorted.dropFirst())
    where higher.spec.interval.max < lower.spec.interval.min {
      report(
        .levelOrderInverted, path.appending("rows").appending(higher.row),
        "\"\(order[higher.rank])\" scores below the lower level \"\(order[lower.rank])\"")
    }
  }

  private mutating func checkLookup(_ rule: LookupRule, _ path: JSONPath) {
    checkLevelCoverage(rule, path)
    for (index, row) in rule.rows.enumerated() {
      let rowPath = path.appending("rows").appending(index)
      for entry in row.match {
        if case .text(let text) = entry.value, let order = ApplicantFacts.order(of: entry.fact, in: sheet.vocabulary),
          !order.contains(text)
        {
          report(
            .rowNeverMatches, rowPath.appending("match").appending(entry.fact),
            "\"\(text)\" is not in the vocabulary for \(entry.fact)")
        }
      }
      for earlier in 0..<index {
        let previous = rule.rows[earlier]
        if previous == row {
          report(.rowDuplicate, rowPath, "the row repeats row \(earlier)")
          break
        }
        let shadows = previous.match.allSatisfy { entry in
          row.match.contains { $0.fact == entry.fact && $0.value == entry.value }
        }
        if shadows {
          report(
            .rowNeverMatches, rowPath,
            "row \(earlier) matches every input this row matches, so this row is never reached")
          break
        }
      }
    }
  }

  private mutating func checkTiers(_ rule: TierRule, _ path: JSONPath) {
    for (index, tier) in rule.tiers.enumerated() {
      let tierPath = path.appending("tiers").appending(index)
      if let below = tier.below, below <= tier.min {
        report(.tiersUnordered, tierPath, "the tier's upper bound \(below) is not above its minimum \(tier.min)")
      }
      guard index > 0 else { continue }
      let previous = rule.tiers[index - 1]
      if tier.min < previous.min {
        report(
          .tiersUnordered, tierPath.appending("min"),
          "tiers must be listed lowest first (\(tier.min) after \(previous.min))")
      } else if previous.below.map({ tier.min < $0 }) ?? true {
        report(.tiersOverlap, tierPath.appending("min"), "the tier starting at \(tier.min) overlaps the tier before it")
      }
    }
  }

  private mutating func checkRecordTable(_ rule: RecordTableRule, _ path: JSONPath) {
    var anyRows: [String?: Int] = [:]
    var othersRows: [String?: Int] = [:]
    var ranksSeen: [String?: [Int: Int]] = [:]
    for (index, row) in rule.rows.enumerated() {
      let rowPath = path.appending("rows").appending(index)
      if let capID = row.sharedCap, !sheet.sharedCaps.contains(where: { $0.id == capID }) {
        report(.unknownSharedCap, rowPath.appending("sharedCap"), "no shared cap has the id \"\(capID)\"")
      }
      if let level = row.level, let levels = rule.records.levels, !levels.contains(level) {
        report(
          .rowNeverMatches, rowPath.appending("level"),
          "the rule selects only levels \(levels.joined(separator: ", ")); \"\(level)\" never occurs")
      }
      switch row.ranks {
      case .any:
        if let first = anyRows[row.level] {
          report(.rowDuplicate, rowPath, "row \(first) already scores every rank of this level")
        } else {
          anyRows[row.level] = index
        }
      case .others:
        if let first = othersRows[row.level] {
          report(.rowDuplicate, rowPath, "row \(first) already scores the other ranks of this level")
        } else {
          othersRows[row.level] = index
        }
      case .table(let byRank):
        let ranks = byRank.keys.sorted()
        if let last = ranks.last, ranks != Array(1...last) {
          let missing = Set(1...last).subtracting(ranks).sorted().map(String.init).joined(separator: ", ")
          report(.rankTableGap, rowPath.appending("byRank"), "the rank table skips rank \(missing)")
        }
        for rank in ranks {
          if let first = ranksSeen[row.level]?[rank] {
            report(
              .rowDuplicate, rowPath.appending("byRank").appending(String(rank)),
              "rank \(rank) is already scored by row \(first)")
          } else {
            ranksSeen[row.level, default: [:]][rank] = index
          }
        }
        if let anyRow = anyRows[row.level] {
          report(.rowNeverMatches, rowPath, "row \(anyRow) before it scores every rank of this level")
        }
      }
    }
  }

  // MARK: - Caps and threshold

  /// The most a rule can give, or nil when it grows with the number of records.
  static func maximum(of rule: Rule) -> Points? {
    switch rule {
    case .lookup(let rule):
      return rule.rows.map(\.points.interval.max).max().map { max($0, rule.otherwise) } ?? rule.otherwise
    case .tiers(let rule): return rule.tiers.map(\.points.interval.max).max() ?? .zero
    case .formula(let rule): return rule.max
    case .assessed(let rule): return rule.points.interval.max
    case .countFloor(let rule):
      guard let full = rule.full else { return nil }
      return max(full.points, rule.points(forItems: full.atLeast - 1))
    case .recordTable, .rankCoefficient: return nil
    case .higherOf(let items):
      var best = Points.zero
      for item in items {
        guard let maximum = maximum(of: item) else { return nil }
        best = max(best, maximum)
      }
      return best
    }
  }

  static func maximum(of item: Item) -> Points? {
    guard let raw = maximum(of: item.rule) else { return item.cap }
    return item.cap.map { min($0, raw) } ?? raw
  }

  static func maximum(of category: Category) -> Points? {
    var sum = Points.zero
    var bounded = true
    for item in category.items {
      if let maximum = maximum(of: item) { sum += maximum } else { bounded = false }
    }
    for child in category.categories {
      if let maximum = maximum(of: child) { sum += maximum } else { bounded = false }
    }
    if let cap = category.cap { return bounded ? min(cap, sum) : cap }
    return bounded ? sum : nil
  }

  private mutating func checkCap(_ category: Category, _ path: JSONPath) {
    guard let cap = category.cap else { return }
    var sum = Points.zero
    for item in category.items {
      guard let maximum = Self.maximum(of: item) else { return }
      sum += maximum
    }
    for child in category.categories {
      guard let maximum = Self.maximum(of: child) else { return }
      sum += maximum
    }
    if cap > sum {
      report(.capUnreachable, path.appending("cap"), "the cap \(cap) is above the most its items can give (\(sum))")
    }
  }

  private mutating func checkThreshold() {
    guard let threshold = sheet.threshold, !sheet.categories.isEmpty else { return }
    var total = Points.zero
    for category in sheet.categories {
      guard let maximum = Self.maximum(of: category) else { return }
      total += maximum
    }
    if threshold > total {
      report(
        .thresholdUnreachable, JSONPath.root.appending("threshold"),
        "the threshold \(threshold) is above the most the sheet can give (\(total))")
    }
  }
}
