extension ItemNode {
  /// Scores the item by its rule and applies its cap.
  func score(in context: inout EvaluationContext) -> PointsInterval {
    let raw: PointsInterval
    switch item.rule {
    case .lookup(let rule): raw = rule.score(item, in: &context)
    case .tiers(let rule): raw = rule.score(item, in: &context)
    case .recordTable(let rule): raw = rule.score(item, in: &context)
    case .rankCoefficient(let rule): raw = rule.score(item, in: &context)
    case .countFloor(let rule): raw = rule.score(item, in: &context)
    case .formula(let rule): raw = rule.score(item, in: &context)
    case .assessed(let rule): raw = rule.score(item, in: &context)
    case .higherOf: raw = ItemNode.scoreHigher(of: alternatives, in: &context)
    }
    guard let cap = item.cap else { return raw }
    let capped = raw.capped(at: cap)
    if capped != raw {
      context.deductions.append(
        Deduction(
          .capReached, item: item.id, lost: raw.boundwise(minus: capped),
          details: context.trace(["cap=\(cap)"])))
    }
    return capped
  }

  /// Scores each alternative on its own and keeps the higher (the larger maximum, then the larger minimum, then
  /// the first); the others become `not-higher-item` deductions.
  static func scoreHigher(of alternatives: [ItemNode], in context: inout EvaluationContext) -> PointsInterval {
    // Each alternative is scored in place and rolled back, keeping only what the best one added: cheaper than
    // scoring each on a copy of the whole context.
    let linesMark = context.lines.count
    let deductionsMark = context.deductions.count
    let capsBefore = context.sharedCapUsed
    var best: (index: Int, points: PointsInterval, lines: [ScoreLine], deductions: [Deduction])?
    var bestCaps = capsBefore
    var scored: [PointsInterval] = []
    scored.reserveCapacity(alternatives.count)
    for index in alternatives.indices {
      let points = alternatives[index].score(in: &context)
      scored.append(points)
      if best == nil || (points.max, points.min) > (best!.points.max, best!.points.min) {
        best = (
          index, points, Array(context.lines[linesMark...]), Array(context.deductions[deductionsMark...])
        )
        bestCaps = context.sharedCapUsed
      }
      context.lines.removeSubrange(linesMark...)
      context.deductions.removeSubrange(deductionsMark...)
      context.sharedCapUsed = capsBefore
    }
    guard let best else { return .zero }
    context.lines += best.lines
    context.deductions += best.deductions
    context.sharedCapUsed = bestCaps
    var total = best.points
    for (index, points) in scored.enumerated() where index != best.index {
      total.min = max(total.min, points.min)
      if points != .zero {
        context.deductions.append(
          Deduction(
            .notHigherItem, item: alternatives[index].item.id, lost: points,
            details: context.trace(["kept=\(alternatives[best.index].item.id)"])))
      }
    }
    return total
  }
}

extension CategoryNode {
  /// Scores the category's items and sub-categories, applies its cap, and records every subtotal.
  func score(depth: Int, in context: inout EvaluationContext, outcomes: inout [CategoryOutcome]) -> PointsInterval {
    let slot = outcomes.count
    outcomes.append(CategoryOutcome(categoryID: category.id, depth: depth, raw: .zero, subtotal: .zero))
    var raw = PointsInterval.zero
    for node in items { raw += node.score(in: &context) }
    for node in children { raw += node.score(depth: depth + 1, in: &context, outcomes: &outcomes) }
    var subtotal = raw
    if let cap = category.cap {
      subtotal = raw.capped(at: cap)
      if subtotal != raw {
        context.deductions.append(
          Deduction(
            .capReached, item: category.id, lost: raw.boundwise(minus: subtotal),
            details: context.trace(["cap=\(cap)", "category=\(category.id)"])))
      }
    }
    outcomes[slot].raw = raw
    outcomes[slot].subtotal = subtotal
    return subtotal
  }
}
