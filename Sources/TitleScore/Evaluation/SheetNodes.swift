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

/// One node held for evaluation, read without reference counting: the owner keeps it alive, and calls borrow it
/// through an unmanaged reference for their length (see `BorrowedNodes`).
struct BorrowedNode<Element: AnyObject>: @unchecked Sendable {
  // `@unchecked`: `Unmanaged` is not `Sendable`, but it only refers to `owner`, which lives as long as this value;
  // and the nodes held here (`RuleNode`s) hold only constants of `Sendable` types once compiled, so threads that
  // share them only read.
  private let owner: Element
  private let reference: Unmanaged<Element>

  init(_ node: Element) {
    owner = node
    reference = Unmanaged.passUnretained(node)
  }

  /// Calls `body` with the node, borrowed: safe because `owner` holds it for as long as this value exists.
  @inline(__always)
  func borrow<Result>(_ body: (Element) -> Result) -> Result {
    reference._withUnsafeGuaranteedRef(body)
  }
}

/// An item compiled for evaluation: the item, its rule compiled by its kind (see `RuleNode`), and the position of
/// its record selector.
final class ItemNode: Sendable {
  let item: Item
  /// The rule compiled, called through an unmanaged reference: choosing the kind is one indirect call and counts no
  /// references.
  let rule: BorrowedNode<RuleNode>
  /// The position of the item's record selector among the evaluator's (see `RecordClassifier`); nil for rules that
  /// do not score records.
  let selectorPosition: Int?

  /// Compiles an item (and the alternatives of a "higher of" rule), adding the record selector of each that scores
  /// records to the compiler's, in sheet order: its position there is the item's `selectorPosition`.
  init(_ item: Item, compiling compiler: inout SheetCompiler) {
    self.item = item
    if let selector = item.rule.recordSelector {
      selectorPosition = compiler.selectors.count
      compiler.selectors.append(RecordSelectorOwner(itemID: item.id, selector: selector))
    } else {
      selectorPosition = nil
    }
    rule = BorrowedNode(item.rule.kind.compile(&compiler))
  }
}

/// A category held by reference, with its items and sub-categories.
final class CategoryNode: Sendable {
  let category: Category
  let items: BorrowedNodes<ItemNode>
  let children: BorrowedNodes<CategoryNode>

  /// Builds the nodes of a category and everything in it (see `ItemNode.init`).
  init(_ category: Category, compiling compiler: inout SheetCompiler) {
    self.category = category
    items = BorrowedNodes(category.items.map { ItemNode($0, compiling: &compiler) })
    children = BorrowedNodes(category.categories.map { CategoryNode($0, compiling: &compiler) })
  }
}

/// What compiling a sheet's rules needs and gathers: the record levels that rules number records' levels by (see
/// `RecordClassifier`), the shared caps, and the record selectors of the items, in sheet order.
struct SheetCompiler {
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
