import Testing

@testable import TitleScore

@Suite struct ScoresheetValidationTests {
  private func codes(replacing old: String, with new: String, in fixture: String = "every-rule-kind.json")
    -> [DiagnosticCode]
  {
    let outcome = ScoresheetLoader.load(bytes: Fixture.sheetText(fixture, replacing: old, with: new), file: fixture)
    return outcome.diagnostics.map(\.code)
  }

  private func diagnostics(replacing old: String, with new: String) -> [Diagnostic] {
    ScoresheetLoader.load(bytes: Fixture.sheetText("every-rule-kind.json", replacing: old, with: new), file: "s.json")
      .diagnostics
  }

  @Test func fixturesAreValid() {
    #expect(ScoresheetLoader.load(bytes: Fixture.bytes("every-rule-kind.json"), file: "f").diagnostics.isEmpty)
    #expect(ScoresheetLoader.load(bytes: Fixture.bytes("criteria-route.json"), file: "f").diagnostics.isEmpty)
  }

  @Test func truncatedSheetIsASyntaxError() {
    let bytes = Array(Fixture.bytes("every-rule-kind.json").prefix(200))
    let outcome = ScoresheetLoader.load(bytes: bytes, file: "cut.json")
    #expect(outcome.diagnostics.map(\.code) == [.jsonSyntax])
    #expect(outcome.diagnostics.first?.file == "cut.json")
    #expect(outcome.sheet == nil)
  }

  @Test func unknownRuleKindIsLocated() {
    let found = diagnostics(replacing: #""kind": "formula""#, with: #""kind": "formular""#)
    #expect(found.map(\.code) == [.unknownRuleKind])
    #expect(found.first?.path.description == "categories[0].items[2].rule.kind")
  }

  @Test func everyProblemIsReportedAtOnce() {
    var text = String(decoding: Fixture.bytes("every-rule-kind.json"), as: UTF8.self)
    text = text.replacingOccurrences(of: #""kind": "formula""#, with: #""kind": "formular""#)
    text = text.replacingOccurrences(of: #""cap": 40"#, with: #""cap": "40""#)
    text = text.replacingOccurrences(of: #""zh": "测试表：每种规则", "#, with: "")
    let codes = ScoresheetLoader.load(bytes: Array(text.utf8), file: "f").diagnostics.map(\.code)
    #expect(Set(codes) == [.unknownRuleKind, .wrongType, .missingChineseTitle])
  }

  @Test func wrongTypeAndMissingFieldAndUnknownField() {
    #expect(codes(replacing: #""threshold": 30"#, with: #""threshold": "30""#) == [.wrongType])
    #expect(codes(replacing: #""cutoff": "2022-12-31","#, with: "") == [.missingField])
    #expect(
      codes(replacing: #""cutoff": "2022-12-31","#, with: #""cutoff": "2022-12-31", "cutof": 1,"#) == [.unknownField])
  }

  @Test func impossibleDateAndNegativeAndInexactNumbers() {
    #expect(codes(replacing: #""cutoff": "2022-12-31""#, with: #""cutoff": "2022-02-30""#) == [.invalidDate])
    #expect(codes(replacing: #""cap": 40"#, with: #""cap": -40"#) == [.negativeValue])
    #expect(codes(replacing: #""cap": 40"#, with: #""cap": 40.00001"#) == [.invalidNumber])
  }

  @Test func duplicateIDsAndKeys() {
    #expect(codes(replacing: #""id": "seniority""#, with: #""id": "education""#) == [.duplicateID])
    #expect(codes(replacing: #""cap": 40,"#, with: #""cap": 40, "cap": 30,"#) == [.duplicateKey])
  }

  @Test func unorderedAndOverlappingTiers() {
    #expect(
      codes(replacing: #"{"min": 5, "below": 10, "points": 3}"#, with: #"{"min": 5, "below": 4, "points": 3}"#)
        .contains(.tiersUnordered))
    #expect(
      codes(replacing: #"{"min": 5, "below": 10, "points": 3}"#, with: #"{"min": 4, "below": 10, "points": 3}"#) == [
        .tiersOverlap
      ])
    #expect(
      codes(replacing: #"{"min": 10, "points": 5}"#, with: #"{"min": 1, "below": 2, "points": 5}"#).contains(
        .tiersUnordered))
  }

  @Test func gapInARankTable() {
    #expect(
      codes(replacing: #""byRank": {"1": 16, "2": 14, "3": 12}"#, with: #""byRank": {"1": 16, "3": 12}"#) == [
        .rankTableGap
      ])
  }

  @Test func duplicateAndShadowedRows() {
    #expect(
      codes(
        replacing: #"{"level": "class-2", "points": 5}"#,
        with: #"{"level": "class-2", "points": 5}, {"level": "class-2", "points": 6}"#) == [.rowDuplicate])
    #expect(
      codes(
        replacing: #"{"match": {"education.level": "master", "education.fullTime": true}, "points": 4},"#,
        with:
          #"{"match": {"education.level": "master"}, "points": 3}, {"match": {"education.level": "master", "education.fullTime": true}, "points": 4},"#
      ).contains(.rowNeverMatches))
    #expect(
      codes(
        replacing: #"{"match": {"education.level": "bachelor"}, "points": 2}"#,
        with: #"{"match": {"education.level": "bachelors"}, "points": 2}"#) == [.rowNeverMatches])
    #expect(
      codes(
        replacing: #"{"match": {"education.level": "bachelor"}, "points": 2}"#,
        with: #"{"match": {"education.level": "master"}, "points": 3}"#) == [.rowDuplicate])
  }

  @Test func capNoItemCanReach() {
    #expect(codes(replacing: #""cap": 8,"#, with: #""cap": 9,"#) == [.capUnreachable])
    let found = codes(
      replacing: #""id": "basics", "title": {"zh": "基础", "en": "basics"},"#,
      with: #""id": "basics", "title": {"zh": "基础", "en": "basics"}, "cap": 50,"#)
    #expect(found == [.capUnreachable])
  }

  @Test func thresholdAboveTheMaximum() {
    let text = Fixture.sheetText("every-rule-kind.json", replacing: #""cap": 40,"#, with: #""cap": 10,"#)
    let changed = String(decoding: text, as: UTF8.self).replacingOccurrences(
      of: #""threshold": 30"#, with: #""threshold": 42"#)
    let codes = ScoresheetLoader.load(bytes: Array(changed.utf8), file: "f").diagnostics.map(\.code)
    // basics at most 4 + 5 + 10 + 4 = 23, work at most 10.
    #expect(codes == [.thresholdUnreachable])
  }

  @Test func missingChineseTitle() {
    #expect(
      codes(replacing: #""title": {"zh": "学历", "en": "education"}"#, with: #""title": {"en": "education"}"#) == [
        .missingChineseTitle
      ])
  }

  @Test func categoriesNestAtMostFourLevels() {
    let leaf =
      #"{"id": "L", "title": {"zh": "l"}, "provenance": {"clause": "f", "status": "modelled"}, "items": [], "categories": []}"#
    var nested = leaf
    for level in (1...4).reversed() {
      nested =
        #"{"id": "N\#(level)", "title": {"zh": "n"}, "provenance": {"clause": "f", "status": "modelled"}, "categories": [\#(nested)]}"#
    }
    #expect(codes(replacing: #""categories": [\#n"#, with: "\"categories\": [\(nested),\n").contains(.categoryTooDeep))
  }

  @Test func unknownSharedCapAndFactAndGateAndCondition() {
    #expect(
      codes(replacing: #""points": 3, "sharedCap": "others""#, with: #""points": 3, "sharedCap": "other""#) == [
        .unknownSharedCap
      ])
    #expect(
      codes(replacing: #""fact": "years.professional""#, with: #""fact": "years.proffesional""#) == [.unknownFact])
    #expect(
      codes(
        replacing: #""gates": []"#,
        with:
          #""gates": [{"id": "g", "title": {"zh": "g"}, "kind": "hours", "provenance": {"clause": "c", "status": "official"}}]"#
      ) == [.unknownGateKind])
    #expect(
      codes(
        replacing: #""fact": "years.currentTitle", "atLeast": 4"#, with: #""fakt": "years.currentTitle""#,
        in: "criteria-route.json"
      ).contains(.unknownConditionKind))
  }

  @Test func invalidRangeAndIncompleteRoute() {
    #expect(
      codes(replacing: #""points": {"min": 1, "max": 4, "step": 0.5}"#, with: #""points": {"min": 4, "max": 1}"#) == [
        .invalidRange
      ])
    #expect(
      codes(
        replacing: #""points": {"min": 1, "max": 4, "step": 0.5}"#,
        with: #""points": {"min": 1, "max": 4, "step": 0.7}"#) == [.invalidRange])
    #expect(codes(replacing: #""threshold": 30,"#, with: "") == [.routeIncomplete])
  }

  @Test func failingWorkedExampleIsReported() {
    let example = #"""
      "examples": [{"name": "bachelor only", "clause": "f",
        "portfolio": {"id": "E", "name": "e", "employer": {"name": "x"}, "specialty": "energy",
                      "education": [{"level": "bachelor", "major": "m", "related": true, "fullTime": true, "date": "2010-07-01"}],
                      "workStart": "2010-07-01", "assessed": {"review": 1}},
        "expect": {"total": 9, "verdict": "below-threshold"}}],
      "tieBreakers"
      """#
    #expect(codes(replacing: #""tieBreakers""#, with: example) == [.exampleFailed])
    let passing = example.replacingOccurrences(of: #""total": 9"#, with: #""total": 8"#)
    #expect(codes(replacing: #""tieBreakers""#, with: passing).isEmpty)
    let badPortfolio = example.replacingOccurrences(
      of: #""workStart": "2010-07-01""#, with: #""workStart": "2010-17-01""#)
    let found = diagnostics(replacing: #""tieBreakers""#, with: badPortfolio)
    #expect(found.map(\.code) == [.invalidDate])
    #expect(found.first?.path.description == "examples[0].portfolio.workStart")
  }

  @Test func unreadableFileAndInvalidValues() {
    #expect(ScoresheetLoader.load(file: "/no/such/sheet.json").diagnostics.map(\.code) == [.unreadableFile])
    #expect(codes(replacing: #""route": "self-score""#, with: #""route": "self-scoring""#) == [.invalidValue])
    #expect(
      codes(replacing: #""tieBreakers": [{"category": "work"}]"#, with: #""tieBreakers": [{"category": "works"}]"#) == [
        .invalidValue
      ])
    #expect(
      codes(
        replacing: #"{"clause": "fixture", "status": "modelled"}"#, with: #"{"clause": "fixture", "status": "guessed"}"#
      ) == [.invalidValue])
  }
}
