/// A lookup rule compiled: its fact names resolved to keys once, so that matching a row compares values only.
final class LookupNode: RuleNode {
  let value: LookupRule
  /// The fact names the rows read, in first-use order.
  private let factNames: [String]
  /// `factNames` resolved.
  private let factKeys: [FactKey]
  /// Each row's fact names resolved, in the order of its `match`.
  private let matchKeys: [[FactKey]]

  init(_ rule: LookupRule) {
    value = rule
    factNames = rule.factNames
    factKeys = factNames.map(FactKey.init)
    matchKeys = rule.rows.map { row in row.match.map { FactKey($0.fact) } }
  }

  /// The first row whose every fact has the row's value.
  private func matchingRow(_ factValue: (FactKey) -> FactValue?) -> Int? {
    // By index, in place: taking out the rows, a row's keys or its conditions would retain them.
    rowLoop: for rowIndex in value.rows.indices {
      for position in matchKeys[rowIndex].indices
      where factValue(matchKeys[rowIndex][position]) != value.rows[rowIndex].match[position].value {
        continue rowLoop
      }
      return rowIndex
    }
    return nil
  }

  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    let facts = context.facts
    let inputs = context.trace(factNames.map { "\($0)=\(facts.value($0)?.description ?? "—")" })
    guard let rowIndex = matchingRow({ context.facts.value($0) }) else {
      let names = factNames
      let anyAbsent = factKeys.contains { facts.value($0) == nil }
      if anyAbsent && value.factsRequired {
        context.deductions.append(
          Deduction(
            .missingField, item: item.id,
            details: context.trace(
              factKeys.indices.filter { facts.value(factKeys[$0]) == nil }.map { names[$0] })))
      } else if !anyAbsent && value.otherwise == .zero {
        context.deductions.append(Deduction(.noMatchingRow, item: item.id, details: context.trace(inputs)))
      }
      noteUnrelatedMajor(item, points: PointsInterval(exactly: value.otherwise), in: &context)
      return context.admit(
        ScoreLine(itemID: item.id, rowIndex: nil, inputs: inputs, points: PointsInterval(exactly: value.otherwise)))
    }
    // The id on its own: an autoclosure reading `item` would get a copy of the whole item.
    let itemID = item.id
    let points = context.resolve(value.rows[rowIndex].points, decided: facts.portfolio.assessed[itemID], item: itemID)
    noteUnrelatedMajor(item, points: points, in: &context)
    return context.admit(ScoreLine(itemID: item.id, rowIndex: rowIndex, inputs: inputs, points: points))
  }

  /// Files an `unrelated-major` deduction when a higher degree in an unrelated major would have scored more.
  private func noteUnrelatedMajor(_ item: Item, points: PointsInterval, in context: inout EvaluationContext) {
    guard !context.facts.unrelatedSkipped.isEmpty else { return }
    let names = factNames
    guard names.contains(where: { $0.hasPrefix("education.") || $0 == "degree.level" }) else { return }
    for skipped in context.facts.unrelatedSkipped {
      let facts = context.facts
      let hypothetical: (FactKey) -> FactValue? = { key in
        switch key {
        case .educationLevel: return .text(skipped.level)
        case .degreeLevel: return skipped.record.degree.map(FactValue.text)
        case .educationFullTime: return .flag(skipped.record.fullTime)
        default: return facts.value(key)
        }
      }
      let wouldScore =
        matchingRow(hypothetical).map { value.rows[$0].points.interval }
        ?? PointsInterval(exactly: value.otherwise)
      let lost = PointsInterval(
        min: max(.zero, wouldScore.min - points.min), max: max(.zero, wouldScore.max - points.max))
      context.deductions.append(
        Deduction(
          .unrelatedMajor, item: item.id, lost: lost,
          details: context.trace(["level=\(skipped.level)", "major=\(skipped.record.major)"])))
    }
  }
}
