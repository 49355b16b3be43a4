/// The higher of several items ("两项取其中得分高的一项量分"): each alternative is scored on its own and the higher
/// counts.
package struct HigherOfRule: Hashable, Sendable {
  /// The alternatives, at least two.
  package var items: [Item]

  /// Creates a "higher of" rule.
  package init(items: [Item]) {
    self.items = items
  }
}
