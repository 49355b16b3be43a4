extension Scoresheet {
  /// Every item in sheet order, each "higher of" item followed by its alternatives, with the index of the
  /// first-level category it belongs to.
  package var itemsInOrder: [(item: Item, categoryIndex: Int)] {
    var items: [(Item, Int)] = []
    func visit(_ item: Item, _ index: Int) {
      items.append((item, index))
      for alternative in item.rule.alternatives { visit(alternative, index) }
    }
    func visit(_ category: Category, _ index: Int) {
      for item in category.items { visit(item, index) }
      for child in category.categories { visit(child, index) }
    }
    for (index, category) in categories.enumerated() { visit(category, index) }
    return items
  }

  /// Every category in sheet order, parents before children.
  var categoriesInOrder: [Category] {
    var result: [Category] = []
    func visit(_ category: Category) {
      result.append(category)
      category.categories.forEach(visit)
    }
    categories.forEach(visit)
    return result
  }

  /// The last day a portfolio's records count: the cut-off, or the unit's first day of publicity where the sheet
  /// counts records only until then.
  func recordsCountUntil(for portfolio: Portfolio) -> Day {
    recordsCountUntil(publicityDate: portfolio.publicityDate)
  }

  /// `recordsCountUntil(for:)` for a portfolio with this publicity date.
  func recordsCountUntil(publicityDate: Day?) -> Day {
    validity.countUntil.lastDay(cutoff: cutoff, publicityDate: publicityDate)
  }

  /// The record levels the sheet names — in record selectors, record-table rows and rank-coefficient bases — in
  /// sheet order (a level named twice is listed twice).
  var recordLevels: [String] {
    var levels: [String] = []
    for (item, _) in itemsInOrder {
      levels += item.rule.recordSelector?.levels ?? []
      levels += item.rule.kind.namedLevels
    }
    for selector in conditionRecordSelectors { levels += selector.levels ?? [] }
    return levels
  }

  /// Whether a gate reads the inspection of the portfolio's files (which is then made before scoring).
  package var checksMaterials: Bool { gates.contains { $0.kind.handler.inspectsMaterials } }

  /// The record selectors of the criteria and of condition gates, in sheet order.
  var conditionRecordSelectors: [RecordSelector] {
    var selectors = criteria?.recordSelectors ?? []
    for gate in gates { selectors += gate.kind.handler.recordSelectors }
    return selectors
  }
}

extension Condition {
  /// Every record selector in the condition tree, in order.
  var recordSelectors: [RecordSelector] { test.handler.recordSelectors }
}

extension Scoresheet {
  /// An equal sheet that shares no storage with this one, read again from the text it was loaded from; the sheet
  /// itself when it was not read from text or was changed after loading.
  ///
  /// Batch workers each score with their own copy: threads that read one shared sheet keep retaining and
  /// releasing the same lists and texts, and the atomic counts bounce between the cores (with two workers on a
  /// shared sheet, retain and release took 38% of a run's time; with a copy each, 19%).
  func independentCopy() -> Scoresheet {
    guard let source,
      let copy = ScoresheetLoader.load(bytes: source.bytes, file: source.file, runExamples: false).sheet,
      copy == self
    else { return self }
    return copy
  }
}

extension ValidityPolicy.CountUntil {
  /// The last day records count, for a sheet's cut-off and a portfolio's publicity date.
  func lastDay(cutoff: Day, publicityDate: Day?) -> Day {
    switch self {
    case .cutoff: return cutoff
    case .publicityDate: return min(publicityDate ?? cutoff, cutoff)
    }
  }
}
