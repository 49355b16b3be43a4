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

/// An item held by reference, with its alternatives when it is a "higher of" item.
final class ItemNode: Sendable {
  let item: Item
  let alternatives: [ItemNode]

  init(_ item: Item) {
    self.item = item
    if case .higherOf(let alternatives) = item.rule {
      self.alternatives = alternatives.map(ItemNode.init)
    } else {
      alternatives = []
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
