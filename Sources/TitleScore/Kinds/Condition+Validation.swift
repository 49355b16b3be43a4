extension Condition {
  /// Reports what only makes sense against the sheet: an ordered comparison of a fact with no order, a level its
  /// vocabulary does not list.
  func validate(_ check: inout KindCheck, at path: JSONPath) {
    switch test {
    case .all(let conditions), .any(let conditions):
      let key = test == .all(conditions) ? "all" : "any"
      for (index, child) in conditions.enumerated() { child.validate(&check, at: path.appending(key).appending(index)) }
    case .atLeast(_, let conditions):
      for (index, child) in conditions.enumerated() {
        child.validate(&check, at: path.appending("of").appending(index))
      }
    case .not(let inner): inner.validate(&check, at: path.appending("not"))
    case .fact(let name, .atLeastLevel(let level)):
      guard let order = ApplicantFacts.order(of: name, in: check.sheet.vocabulary) else {
        check.report(
          .invalidValue, path.appending("atLeast"), "\(name) is not an ordered fact; compare it with equals or in")
        return
      }
      if !order.contains(level) {
        check.report(
          .rowNeverMatches, path.appending("atLeast"), "\"\(level)\" is not in the vocabulary ordering \(name)")
      }
    default: break
    }
  }
}
