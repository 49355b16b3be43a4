import Testing

@testable import TitleScore

/// Records are matched to selectors, table rows and bases by the numbers the evaluator gives the sheet's record types
/// and levels (`RecordClassifier`); these pin that the numbers decide exactly what the texts did.
@Suite struct RecordClassificationTests {
  let sheet = Fixture.sheet("every-rule-kind.json")

  /// The fixture with one more category of `count` items, each scoring 1 point for every record of a type of its
  /// own, `t0`, `t1` and so on.
  private func sheet(withTypeItems count: Int) -> Scoresheet {
    var sheet = self.sheet
    let provenance = sheet.categories[0].provenance
    let items = (0..<count).map { number in
      Item(
        id: "type-\(number)", title: LocalizedText(zh: "类型", en: "type"), provenance: provenance, cap: nil,
        rule: Rule(CountFloorRule(records: RecordSelector(types: ["t\(number)"]), per: 1, points: 1)))
    }
    sheet.categories.append(
      Category(
        id: "types", title: LocalizedText(zh: "类型", en: "types"), cap: nil, provenance: provenance, items: items,
        categories: []))
    return sheet
  }

  @Test func itemsPastTheSixtyFourthRecordSelectorScoreTheirRecordsByText() {
    let sheet = sheet(withTypeItems: 70)
    let result = Fixture.evaluate(sheet) { portfolio in
      portfolio.records = (0..<70).map { record("R\($0)", "t\($0)") } + [record("X", "unknown-type")]
    }
    for number in 0..<70 {
      #expect(result.linePoints("type-\(number)") == PointsInterval(exactly: 1), "type-\(number)")
    }
    #expect(result.categories.first { $0.categoryID == "types" }?.subtotal == PointsInterval(exactly: 70))
    // Only the record of a type no selector names is turned away.
    #expect(result.deductions.filter { $0.code == .noMatchingRow }.map(\.recordIndex) == [70])
  }

  @Test func aRecordOfALevelTheSheetNeverNamesMatchesOnlyRowsForAnyLevel() {
    let result = Fixture.evaluate(sheet) { portfolio in
      portfolio.records = [
        record("P", "project", level: "national", rank: 1),
        record("A", "paper", level: "national"),
        record("C", "certificate"),
        record("T", "patent", level: "design", rank: 1),
      ]
    }
    let unmatched = result.deductions.filter { $0.code == .noMatchingRow }
    #expect(unmatched.map(\.itemID) == ["projects", "patents", "certificates"])
    #expect(result.linePoints("papers") == PointsInterval(exactly: 2))
  }

  @Test func aSelectorWithLevelsOwnsOnlyRecordsOfThoseLevels() {
    var sheet = self.sheet
    guard var papers = sheet.categories[1].items[5].rule.as(RecordTableRule.self) else {
      Issue.record("the fixture's sixth work item scores papers")
      return
    }
    papers.records = RecordSelector(types: ["paper"], levels: ["core"])
    sheet.categories[1].items[5].rule = Rule(papers)
    let result = Fixture.evaluate(sheet) { portfolio in
      portfolio.records = [record("A", "paper", level: "core"), record("B", "paper", level: "general")]
    }
    #expect(result.linePoints("papers") == PointsInterval(exactly: 2))
    #expect(result.deductions.filter { $0.code == .noMatchingRow }.map(\.recordIndex) == [1])
  }
}
