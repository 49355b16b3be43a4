/// A part of a sheet held by reference for evaluation.
///
/// Reading a value through a class's `let` borrows it in place; reading it from an array element copies it, and
/// a copy of an item, a category or a gate retains every text and table in it. The evaluator builds these once per
/// sheet, so scoring an applicant copies no part of the sheet.
final class Node<Value: Sendable>: Sendable {
  let value: Value

  init(_ value: Value) {
    self.value = value
  }
}

/// An item held by reference, with its rule's data held by reference too (see `ItemNode.Rule`).
final class ItemNode: Sendable {
  let item: Item
  let rule: Rule

  /// An item's rule, each kind's data in a node of its own, so that scoring reads it in place: taking the data
  /// out of `Item.rule` copied every list in it (a lookup's rows, a table's selector and rows), for every item of
  /// every applicant.
  enum Rule: Sendable {
    case lookup(Node<LookupRule>)
    case tiers(Node<TierRule>)
    case recordTable(Node<RecordTableRule>)
    case rankCoefficient(Node<RankCoefficientRule>)
    case countFloor(Node<CountFloorRule>)
    case formula(Node<FormulaRule>)
    case assessed(Node<AssessedRule>)
    /// The alternatives, the higher of which counts.
    case higherOf([ItemNode])
  }

  init(_ item: Item) {
    self.item = item
    switch item.rule {
    case .lookup(let rule): self.rule = .lookup(Node(rule))
    case .tiers(let rule): self.rule = .tiers(Node(rule))
    case .recordTable(let rule): self.rule = .recordTable(Node(rule))
    case .rankCoefficient(let rule): self.rule = .rankCoefficient(Node(rule))
    case .countFloor(let rule): self.rule = .countFloor(Node(rule))
    case .formula(let rule): self.rule = .formula(Node(rule))
    case .assessed(let rule): self.rule = .assessed(Node(rule))
    case .higherOf(let alternatives): self.rule = .higherOf(alternatives.map(ItemNode.init))
    }
  }
}

/// A category held by reference, with its items and sub-categories.
final class CategoryNode: Sendable {
  let category: Category
  let items: [ItemNode]
  let children: [CategoryNode]

  init(_ category: Category) {
    self.category = category
    items = category.items.map(ItemNode.init)
    children = category.categories.map(CategoryNode.init)
  }
}
