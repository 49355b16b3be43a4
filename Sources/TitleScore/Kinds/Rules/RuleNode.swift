/// A rule compiled for evaluation: the kind's data with whatever it resolves once per sheet (fact keys, level
/// numbers, cap positions), held by reference so that scoring reads it in place.
///
/// Each kind compiles to its own final subclass and overrides `score`; the evaluator calls it through an unmanaged
/// reference (see `ItemNode`), so choosing the kind is one indirect call and counts no references. This class is
/// never made on its own: `RuleKind.compile` returns a subclass, and the bundled-sheet tests score a sheet with
/// every registered kind.
///
/// Nodes are not `Sendable` themselves (a non-final class cannot show the compiler that its subclasses are
/// immutable); every subclass holds only `let` properties of `Sendable` types, which is what lets `BorrowedNode`
/// share them between batch workers.
class RuleNode {
  /// Scores an item by the rule. `selectorPosition` is the item's record selector among the evaluator's (nil for
  /// kinds that score no records); the item's cap is applied by the caller.
  func score(_ item: Item, selectorPosition: Int?, in context: inout EvaluationContext) -> PointsInterval {
    preconditionFailure("\(type(of: self)) does not override RuleNode.score")
  }
}
