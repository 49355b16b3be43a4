/// The exact distribution of a total where reviewers still choose points within ranges.
///
/// Assumption, stated with every result: each undecided ranged choice is uniform over its steps (whole or half
/// points, as the sheet says) and independent of the others. Every combination is counted exactly by the real
/// evaluator, so caps and shared caps apply; first-level categories that no cap couples are enumerated
/// separately and combined by convolution, which keeps the work to the sum, not the product, of their sizes.
public struct OutcomeDistribution: Sendable {
  /// A choice a reviewer still has to make.
  public struct Choice: Sendable, Hashable {
    /// The item.
    public var itemID: String
    /// The record, for per-record ranges.
    public var recordIndex: Int?
    /// The values it can take.
    public var values: [Points]
    /// The first-level category the item is in.
    public var categoryIndex: Int
    /// The shared cap the choice counts against, if any.
    public var sharedCap: String?
  }

  /// The undecided choices.
  public let choices: [Choice]
  /// Each possible total with the number of equally likely combinations giving it, lowest first.
  public let counts: [(total: Points, combinations: Double)]
  /// The number of equally likely combinations.
  public let combinations: Double
  /// The lowest and highest total.
  public let range: PointsInterval
  /// The threshold, for point routes.
  public let threshold: Points?

  /// Combinations enumerated at most per group of coupled categories.
  public static let enumerationLimit = 2_000_000

  /// Works out the distribution; nil when a group of coupled categories has more combinations than the limit.
  ///
  /// - Complexity: one evaluation, then for each group of categories coupled by caps the product of its undecided
  ///   items' step counts (at most `enumerationLimit`), and a convolution of the groups' totals.
  public init?(sheet: Scoresheet, portfolio: Portfolio) {
    let evaluator = Evaluator(sheet: sheet)
    let base = evaluator.evaluate(portfolio)
    threshold = sheet.threshold
    let categoryOfItem = OutcomeDistribution.topLevelCategories(of: sheet)
    let specs = OutcomeDistribution.specs(of: sheet)
    var choices: [Choice] = []
    for line in base.lines {
      guard let spec = OutcomeDistribution.spec(for: line, specs: specs, portfolio: portfolio),
        case .range(let min, let max, let step) = spec
      else { continue }
      var values: [Points] = []
      var value = min
      while value <= max {
        values.append(value)
        value += step
      }
      choices.append(
        Choice(
          itemID: line.itemID, recordIndex: line.recordIndex, values: values,
          categoryIndex: categoryOfItem[line.itemID] ?? 0,
          sharedCap: line.sharedCap))
    }
    self.choices = choices
    // Group categories coupled by a shared cap that a choice counts against.
    var group = Array(0..<sheet.categories.count)
    func root(_ index: Int) -> Int { group[index] == index ? index : root(group[index]) }
    var capCategories: [String: Set<Int>] = [:]
    for line in base.lines {
      if let cap = line.sharedCap, let category = categoryOfItem[line.itemID] {
        capCategories[cap, default: []].insert(category)
      }
    }
    for choice in choices {
      guard let cap = choice.sharedCap, let linked = capCategories[cap] else { continue }
      for category in linked { group[root(category)] = root(choice.categoryIndex) }
    }
    let groups = Dictionary(grouping: choices.indices, by: { root(choices[$0].categoryIndex) })
    // Start from the categories without choices, then convolve each group's distribution in.
    let groupRoots = Set(groups.keys)
    var constant = Points.zero
    for (index, outcome) in base.categories.filter({ $0.depth == 0 }).enumerated()
    where !groupRoots.contains(root(index)) {
      constant += outcome.subtotal.min
    }
    var distribution: [Points: Double] = [constant: 1]
    var combinations = 1.0
    for rootIndex in groups.keys.sorted() {
      let members = groups[rootIndex]!
      let size = members.reduce(1.0) { $0 * Double(choices[$1].values.count) }
      guard size <= Double(OutcomeDistribution.enumerationLimit) else { return nil }
      combinations *= size
      let categories = Set((0..<sheet.categories.count).filter { root($0) == rootIndex })
      var part: [Points: Double] = [:]
      var digits = [Int](repeating: 0, count: members.count)
      while true {
        var trial = portfolio
        for (position, member) in members.enumerated() {
          let choice = choices[member]
          let value = choice.values[digits[position]]
          if let record = choice.recordIndex {
            trial.records[record].assessedPoints = value
          } else {
            trial.assessed[choice.itemID] = value
          }
        }
        let result = evaluator.evaluate(trial, tracing: false)
        var subtotal = Points.zero
        for (index, outcome) in result.categories.filter({ $0.depth == 0 }).enumerated()
        where categories.contains(index) {
          subtotal += outcome.subtotal.min
        }
        part[subtotal, default: 0] += 1
        var position = 0
        while position < members.count {
          digits[position] += 1
          if digits[position] < choices[members[position]].values.count { break }
          digits[position] = 0
          position += 1
        }
        if position == members.count { break }
      }
      var next: [Points: Double] = [:]
      for (a, countA) in distribution {
        for (b, countB) in part { next[a + b, default: 0] += countA * countB }
      }
      distribution = next
    }
    self.combinations = combinations
    counts = distribution.keys.sorted().map { ($0, distribution[$0]!) }
    range = PointsInterval(min: counts.first?.total ?? .zero, max: counts.last?.total ?? .zero)
  }

  /// The number of combinations reaching the threshold.
  public var reachingThreshold: Double {
    guard let threshold else { return combinations }
    return counts.filter { $0.total >= threshold }.reduce(0) { $0 + $1.combinations }
  }

  /// The chance of reaching the threshold, from 0 to 1.
  public var chanceOfReachingThreshold: Double { reachingThreshold / combinations }

  static func topLevelCategories(of sheet: Scoresheet) -> [String: Int] {
    Dictionary(sheet.itemsInOrder.map { ($0.item.id, $0.categoryIndex) }, uniquingKeysWith: { first, _ in first })
  }

  static func specs(of sheet: Scoresheet) -> [String: Item] {
    Dictionary(sheet.itemsInOrder.map { ($0.item.id, $0.item) }, uniquingKeysWith: { first, _ in first })
  }

  /// The spec a line was scored by, unless the portfolio already decided its value.
  static func spec(for line: ScoreLine, specs: [String: Item], portfolio: Portfolio) -> PointsSpec? {
    guard let item = specs[line.itemID] else { return nil }
    return item.rule.kind.undecidedSpec(of: line, portfolio: portfolio)
  }

  /// The distribution as text, with the assumption stated.
  public func renderText(language: Language) -> String {
    // When nothing left to the reviewers can change whether the line is reached, one sentence says so.
    if let threshold, reachingThreshold == 0 || reachingThreshold == combinations {
      return Message(
        reachingThreshold == 0 ? .advisorOutcomesNever : .advisorOutcomesAlways, .interval(range), .points(threshold)
      ).text(language)
    }
    var text =
      Message(.advisorOutcomesAssumption, .text("\(choices.count)"), .text("\(Int(combinations))")).text(language)
    text += Message(.advisorOutcomesRange, .text("\(range)")).text(language)
    var rows: [[String]] = []
    var cumulative = 0.0
    for (total, count) in counts.reversed() {
      cumulative += count
      rows.append([
        total.description, "\(Int(count))", percent(count / combinations), percent(cumulative / combinations),
      ])
    }
    text += TableText.render(
      headers: [
        Message(.advisorHeaderTotal).text(language), Message(.advisorHeaderCombinations).text(language),
        Message(.advisorHeaderProbability).text(language), Message(.advisorHeaderPTotalThis).text(language),
      ],
      rows: rows,
      rightAligned: [0, 1, 2, 3])
    if let threshold {
      text +=
        Message(
          .advisorOutcomesChance, .text("\(threshold)"), .text("\(percent(chanceOfReachingThreshold))"),
          .text("\(Int(reachingThreshold))"), .text("\(Int(combinations))")
        ).text(language)
    }
    return text
  }

  private func percent(_ share: Double) -> String {
    let tenths = Int((share * 1000).rounded())
    return "\(tenths / 10).\(tenths % 10)%"
  }
}
