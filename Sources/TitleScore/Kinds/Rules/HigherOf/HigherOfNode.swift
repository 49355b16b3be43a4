/// A "higher of" rule compiled: its alternatives compiled as items of their own.
final class HigherOfNode: RuleNode {
  let nodes: BorrowedNodes<ItemNode>

  init(_ items: [Item], compiling compiler: inout SheetCompiler) {
    nodes = BorrowedNodes(items.map { ItemNode($0, compiling: &compiler) })
  }

  /// An alternative's points, and where its lines and deductions stand in the context's lists.
  private typealias ScoredAlternative = (points: PointsInterval, lines: Range<Int>, deductions: Range<Int>)

  /// Scores each alternative on its own and keeps the higher (the larger maximum, then the larger minimum, then
  /// the first); the others become `not-higher-item` deductions.
  override func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    let alternatives = nodes.all
    // Each alternative is scored in place, after the one before, from the same shared-cap usage; the lines and
    // deductions of all but the best are then cut out. Nothing is copied, and the bookkeeping lives on the stack:
    // the shared caps' usage before the alternatives and after the best so far, and each alternative's outcome.
    // Safety: the temporary allocations live for the closures below and never leave them; each is initialized
    // (the caps by copying, the alternatives one by one as they are scored) before it is read.
    let caps = context.sharedCapUsed.count
    return withUnsafeTemporaryAllocation(of: PointsInterval.self, capacity: 2 * caps) { saved in
      let capsBefore = UnsafeMutableBufferPointer(rebasing: saved[0..<caps])
      let bestCaps = UnsafeMutableBufferPointer(rebasing: saved[caps...])
      _ = capsBefore.initialize(fromContentsOf: context.sharedCapUsed)
      _ = bestCaps.initialize(fromContentsOf: context.sharedCapUsed)
      return withUnsafeTemporaryAllocation(of: ScoredAlternative.self, capacity: alternatives.count) { scored in
        scoreHigher(of: alternatives, into: scored, capsBefore: capsBefore, bestCaps: bestCaps, in: &context)
      }
    }
  }

  private func scoreHigher(
    of alternatives: [ItemNode], into scored: UnsafeMutableBufferPointer<ScoredAlternative>,
    capsBefore: UnsafeMutableBufferPointer<PointsInterval>, bestCaps: UnsafeMutableBufferPointer<PointsInterval>,
    in context: inout EvaluationContext
  ) -> PointsInterval {
    var best = -1
    for index in alternatives.indices {
      let linesStart = context.lines.count
      let deductionsStart = context.deductions.count
      if index > 0 { _ = context.sharedCapUsed.update(fromContentsOf: capsBefore) }
      let points = alternatives[index].score(in: &context)
      scored.initializeElement(
        at: index,
        to: (points, linesStart..<context.lines.count, deductionsStart..<context.deductions.count))
      if best < 0 || (points.max, points.min) > (scored[best].points.max, scored[best].points.min) {
        best = index
        _ = bestCaps.update(fromContentsOf: context.sharedCapUsed)
      }
    }
    guard best >= 0 else { return .zero }
    // Cut from the last alternative back, so the ranges of those before stay where they are.
    for index in alternatives.indices.reversed() where index != best {
      context.lines.removeSubrange(scored[index].lines)
      context.deductions.removeSubrange(scored[index].deductions)
    }
    _ = context.sharedCapUsed.update(fromContentsOf: bestCaps)
    var total = scored[best].points
    for index in alternatives.indices where index != best {
      let points = scored[index].points
      total.min = max(total.min, points.min)
      if points != .zero {
        context.deductions.append(
          Deduction(
            .notHigherItem, item: alternatives[index].item.id, lost: points,
            details: context.trace(["kept=\(alternatives[best].item.id)"])))
      }
    }
    return total
  }
}
