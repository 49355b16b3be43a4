extension ItemNode {
  /// Scores the item by its rule and applies its cap.
  func score(in context: inout EvaluationContext) -> PointsInterval {
    // The kind's node is borrowed for the call (see `BorrowedNode`).
    let raw = rule.borrow { $0.score(item, selectorPosition: selectorPosition, in: &context) }
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
}

extension CategoryNode {
  /// Scores the category's items and sub-categories, applies its cap, and records every subtotal.
  func score(depth: Int, in context: inout EvaluationContext, outcomes: inout [CategoryOutcome]) -> PointsInterval {
    let slot = outcomes.count
    outcomes.append(CategoryOutcome(categoryID: category.id, depth: depth, raw: .zero, subtotal: .zero))
    var raw = PointsInterval.zero
    items.forEach(in: &context) { node, context in raw += node.score(in: &context) }
    children.forEach(in: &context) { node, context in
      raw += node.score(depth: depth + 1, in: &context, outcomes: &outcomes)
    }
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
