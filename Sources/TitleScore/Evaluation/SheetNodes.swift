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

/// Nodes held for evaluation, read without reference counting.
///
/// Walking an array of class references retains and releases each one, and those counts are atomic: in a batch
/// they were close to half of the time spent scoring. The list keeps its nodes alive through `owners` and hands
/// them out through unmanaged references, borrowed for the length of a call.
struct BorrowedNodes<Element: AnyObject & Sendable>: @unchecked Sendable {
  private let owners: [Element]
  private let references: [Unmanaged<Element>]

  init(_ nodes: [Element]) {
    owners = nodes
    references = nodes.map { Unmanaged.passUnretained($0) }
  }

  /// The nodes, each alive for as long as this list.
  var all: [Element] { owners }

  /// Calls `body` with each node in order, borrowed, and the evaluation's context. The context is handed through
  /// rather than captured: a closure reading a captured context would copy it.
  @inline(__always)
  func forEach(in context: inout EvaluationContext, _ body: (Element, inout EvaluationContext) -> Void) {
    references.withUnsafeBufferPointer { buffer in
      for reference in buffer { reference._withUnsafeGuaranteedRef { body($0, &context) } }
    }
  }
}

/// An item held by reference, with its rule's data held by reference too (see `ItemNode.Rule`).
final class ItemNode: Sendable {
  let item: Item
  let rule: Rule
  /// Keeps the rule's data alive: `rule` refers to it without owning it (see `BorrowedNodes`).
  private let ruleData: any AnyObject & Sendable

  /// An item's rule, each kind's data in a node of its own, so that scoring reads it in place: taking the data
  /// out of `Item.rule` copied every list in it (a lookup's rows, a table's selector and rows), for every item of
  /// every applicant. The references are unmanaged, so that choosing the kind counts no references.
  enum Rule: @unchecked Sendable {
    case lookup(Unmanaged<Node<LookupRule>>)
    case tiers(Unmanaged<Node<TierRule>>)
    case recordTable(Unmanaged<Node<RecordTableRule>>)
    case rankCoefficient(Unmanaged<Node<RankCoefficientRule>>)
    case countFloor(Unmanaged<Node<CountFloorRule>>)
    case formula(Unmanaged<Node<FormulaRule>>)
    case assessed(Unmanaged<Node<AssessedRule>>)
    /// The alternatives, the higher of which counts.
    case higherOf(Unmanaged<AlternativeNodes>)
  }

  /// The alternatives of a "higher of" item.
  final class AlternativeNodes: Sendable {
    let nodes: BorrowedNodes<ItemNode>

    init(_ items: [Item]) {
      nodes = BorrowedNodes(items.map(ItemNode.init))
    }
  }

  init(_ item: Item) {
    self.item = item
    // Each kind's data goes into a node of its own, referred to unmanaged and kept alive by `ruleData`.
    func held<Value>(_ value: Value, as kind: (Unmanaged<Node<Value>>) -> Rule) -> (Rule, any AnyObject & Sendable) {
      let node = Node(value)
      return (kind(.passUnretained(node)), node)
    }
    let data: any AnyObject & Sendable
    switch item.rule {
    case .lookup(let value): (rule, data) = held(value, as: Rule.lookup)
    case .tiers(let value): (rule, data) = held(value, as: Rule.tiers)
    case .recordTable(let value): (rule, data) = held(value, as: Rule.recordTable)
    case .rankCoefficient(let value): (rule, data) = held(value, as: Rule.rankCoefficient)
    case .countFloor(let value): (rule, data) = held(value, as: Rule.countFloor)
    case .formula(let value): (rule, data) = held(value, as: Rule.formula)
    case .assessed(let value): (rule, data) = held(value, as: Rule.assessed)
    case .higherOf(let alternatives):
      let node = AlternativeNodes(alternatives)
      (rule, data) = (.higherOf(.passUnretained(node)), node)
    }
    ruleData = data
  }
}

/// A category held by reference, with its items and sub-categories.
final class CategoryNode: Sendable {
  let category: Category
  let items: BorrowedNodes<ItemNode>
  let children: BorrowedNodes<CategoryNode>

  init(_ category: Category) {
    self.category = category
    items = BorrowedNodes(category.items.map(ItemNode.init))
    children = BorrowedNodes(category.categories.map(CategoryNode.init))
  }
}
