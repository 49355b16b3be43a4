extension Item {
  /// The most the item can give: its rule's maximum under its cap; the cap alone when the rule grows with the
  /// number of records; nil when neither bounds it.
  var maximum: Points? {
    guard let raw = rule.kind.maximum else { return cap }
    return cap.map { min($0, raw) } ?? raw
  }
}

extension Category {
  /// The most the category can give: the sum of its items' and sub-categories' maxima under its cap; the cap alone
  /// when some part is unbounded; nil when nothing bounds it.
  var maximum: Points? {
    var sum = Points.zero
    var bounded = true
    for item in items {
      if let maximum = item.maximum { sum += maximum } else { bounded = false }
    }
    for child in categories {
      if let maximum = child.maximum { sum += maximum } else { bounded = false }
    }
    if let cap { return bounded ? min(cap, sum) : cap }
    return bounded ? sum : nil
  }
}
