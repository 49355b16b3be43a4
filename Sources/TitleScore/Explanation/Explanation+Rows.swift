/// The rows an explained result is shown in, shared by the text and HTML renderers: the points table (categories
/// with their subtotals and caps, items with the records they counted) and the claimed-versus-accepted table.
extension Explanation {
  /// One row of the points table.
  struct PointsRow: Sendable {
    /// How deep in the sheet's categories the row is (0 for a first-level category).
    var depth: Int
    /// The category's or item's title (a category's cap after it).
    var name: String
    /// The record counted (`R2 论文…`), `—` for none, empty for a category or a "higher of" item.
    var record: String
    /// The table row the record matched (shown when tracing).
    var matched: String
    /// The points, or the subtotal.
    var points: String
    /// Whether the row is a category's.
    var isCategory: Bool
  }

  /// The points table's rows, in the sheet's order.
  func pointsRows() -> [PointsRow] {
    var rows: [PointsRow] = []
    let linesByItem = Dictionary(grouping: result.lines, by: \.itemID)
    func visit(_ category: Category, depth: Int) {
      let outcome = result.categories.first { $0.categoryID == category.id }
      var name = category.title.text(language)
      if let cap = category.cap { name += Message(.resultCap, .text("\(cap)")).text(language) }
      rows.append(
        PointsRow(
          depth: depth, name: name, record: "", matched: "", points: outcome.map { $0.subtotal.description } ?? "",
          isCategory: true))
      func item(_ item: Item, depth: Int) {
        let lines = linesByItem[item.id] ?? []
        let name = item.title.text(language)
        let alternatives = item.rule.alternatives
        if !alternatives.isEmpty {
          let kept = alternatives.flatMap { linesByItem[$0.id] ?? [] }.reduce(PointsInterval.zero) { $0 + $1.points }
          rows.append(
            PointsRow(depth: depth, name: name, record: "", matched: "", points: kept.description, isCategory: false))
        } else if lines.isEmpty {
          rows.append(PointsRow(depth: depth, name: name, record: "—", matched: "", points: "0", isCategory: false))
        }
        for (index, line) in lines.enumerated() {
          rows.append(
            PointsRow(
              depth: depth, name: index == 0 ? name : "", record: line.recordIndex.map(recordLabel) ?? "—",
              matched: matchDescription(line), points: line.points.description, isCategory: false))
        }
        for alternative in alternatives {
          for line in linesByItem[alternative.id] ?? [] {
            rows.append(
              PointsRow(
                depth: depth + 1, name: alternative.title.text(language),
                record: line.recordIndex.map(recordLabel) ?? "—",
                matched: matchDescription(line), points: line.points.description, isCategory: false))
          }
        }
      }
      for entry in category.items { item(entry, depth: depth + 1) }
      for child in category.categories { visit(child, depth: depth + 1) }
    }
    for category in sheet.categories { visit(category, depth: 0) }
    return rows
  }

  /// One row of the claimed-versus-accepted table.
  struct ClaimRow: Sendable {
    var item: String
    var claimed: String
    var accepted: String
    var difference: String
    /// The reasons' short names, listed.
    var reasons: String
  }

  /// The claimed-versus-accepted rows, one per item the applicant claimed.
  func claimRows() -> [ClaimRow] {
    result.claims.map { claim in
      let claimed = claim.claimed ?? .zero
      return ClaimRow(
        item: title(claim.itemID), claimed: claimed.description, accepted: claim.accepted.description,
        difference: (claim.accepted - claimed).signedDescription,
        reasons: claim.reasons.map { $0.shortName(language) }.joined(separator: Message(.punctListComma).text(language))
      )
    }
  }
}
