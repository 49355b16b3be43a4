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
  /// The position of the item's record selector among the evaluator's (see `RecordClassifier`); nil for rules that
  /// do not score records.
  let selectorPosition: Int?
  /// Keeps the rule's data alive: `rule` refers to it without owning it (see `BorrowedNodes`).
  private let ruleData: any AnyObject & Sendable

  /// An item's rule, each kind's data in a node of its own, so that scoring reads it in place: taking the data
  /// out of `Item.rule` copied every list in it (a lookup's rows, a table's selector and rows), for every item of
  /// every applicant. The references are unmanaged, so that choosing the kind counts no references.
  enum Rule: @unchecked Sendable {
    case lookup(Unmanaged<Node<LookupRule>>)
    case tiers(Unmanaged<Node<TierRule>>)
    case recordTable(Unmanaged<RecordTableNode>)
    case rankCoefficient(Unmanaged<RankCoefficientNode>)
    case countFloor(Unmanaged<Node<CountFloorRule>>)
    case formula(Unmanaged<Node<FormulaRule>>)
    case assessed(Unmanaged<Node<AssessedRule>>)
    /// The alternatives, the higher of which counts.
    case higherOf(Unmanaged<AlternativeNodes>)
  }

  /// The alternatives of a "higher of" item.
  final class AlternativeNodes: Sendable {
    let nodes: BorrowedNodes<ItemNode>

    init(_ items: [Item], building builder: inout NodeBuilder) {
      nodes = BorrowedNodes(items.map { ItemNode($0, building: &builder) })
    }
  }

  /// Builds the node of an item (and of its alternatives), adding the record selector of each that scores records
  /// to the builder's, in sheet order: its position there is the item's `selectorPosition`.
  init(_ item: Item, building builder: inout NodeBuilder) {
    self.item = item
    if let selector = item.rule.recordSelector {
      selectorPosition = builder.selectors.count
      builder.selectors.append(RecordSelectorOwner(itemID: item.id, selector: selector))
    } else {
      selectorPosition = nil
    }
    // Each kind's data goes into a node of its own, referred to unmanaged and kept alive by `ruleData`.
    func held<Value>(_ value: Value, as kind: (Unmanaged<Node<Value>>) -> Rule) -> (Rule, any AnyObject & Sendable) {
      let node = Node(value)
      return (kind(.passUnretained(node)), node)
    }
    let data: any AnyObject & Sendable
    switch item.rule {
    case .lookup(let value): (rule, data) = held(value, as: Rule.lookup)
    case .tiers(let value): (rule, data) = held(value, as: Rule.tiers)
    case .recordTable(let value):
      let node = RecordTableNode(value, levels: builder.recordLevels, sharedCapIDs: builder.sharedCapIDs)
      (rule, data) = (.recordTable(.passUnretained(node)), node)
    case .rankCoefficient(let value):
      let node = RankCoefficientNode(value, levels: builder.recordLevels)
      (rule, data) = (.rankCoefficient(.passUnretained(node)), node)
    case .countFloor(let value): (rule, data) = held(value, as: Rule.countFloor)
    case .formula(let value): (rule, data) = held(value, as: Rule.formula)
    case .assessed(let value): (rule, data) = held(value, as: Rule.assessed)
    case .higherOf(let alternatives):
      let node = AlternativeNodes(alternatives, building: &builder)
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

  /// Builds the nodes of a category and everything in it (see `ItemNode.init`).
  init(_ category: Category, building builder: inout NodeBuilder) {
    self.category = category
    items = BorrowedNodes(category.items.map { ItemNode($0, building: &builder) })
    children = BorrowedNodes(category.categories.map { CategoryNode($0, building: &builder) })
  }
}

/// What building a sheet's nodes needs and gathers: the record levels that rules number records' levels by (see
/// `RecordClassifier`), the shared caps, and the record selectors of the items, in sheet order.
struct NodeBuilder {
  /// The sheet's record levels (`Scoresheet.recordLevels`), each once, in the classifier's order: a level's number
  /// is its position here (see `RecordClassifier`).
  let recordLevels: [String]
  /// The ids of the sheet's shared caps, in sheet order: rules refer to a cap by its position.
  let sharedCapIDs: [String]
  var selectors: [RecordSelectorOwner] = []
}

/// A record selector and the item it belongs to (nil for a condition's), for filing the records it turns away.
struct RecordSelectorOwner {
  let itemID: String?
  let selector: RecordSelector
}
