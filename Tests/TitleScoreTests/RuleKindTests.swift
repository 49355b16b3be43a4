import Testing

@testable import TitleScore

@Suite struct RuleKindTests {
  let sheet = Fixture.sheet("every-rule-kind.json")

  private func score(_ change: (inout Portfolio) -> Void) -> ScoreResult {
    Fixture.evaluate(sheet, changing: change)
  }

  @Test func theFixtureScoresEveryRegisteredKind() {
    // Each kind scores through its own `RuleNode` subclass; a kind the fixture leaves out would go unexercised.
    let used = Set(sheet.itemsInOrder.map(\.item.rule.kindName))
    #expect(used == Set(RuleKinds.all.map { $0.name }))
    let result = score { _ in }
    #expect(result.total.max > .zero)
  }

  @Test func aSheetNamesRuleKindsOnlyFromTheRegistry() {
    let text = Fixture.sheetText(
      "every-rule-kind.json", replacing: #"{"kind": "formula""#, with: #"{"kind": "formulae""#)
    let diagnostics = ScoresheetLoader.load(bytes: text, file: "s.json").diagnostics
    #expect(diagnostics.map(\.code).contains(.unknownRuleKind))
  }

  @Test func lookupTakesTheFirstRowWhoseFactsAllMatch() {
    let fullTime = score {
      $0.education = [
        EducationRecord(
          level: "master", degree: "master", major: "m", related: true, fullTime: true, date: Day("2012-07-01")!)
      ]
    }
    #expect(fullTime.linePoints("education") == PointsInterval(exactly: 4))
    let partTime = score {
      $0.education = [
        EducationRecord(
          level: "master", degree: "master", major: "m", related: true, fullTime: false, date: Day("2012-07-01")!)
      ]
    }
    #expect(partTime.linePoints("education") == PointsInterval(exactly: 3))
    #expect(partTime.lines.first { $0.itemID == "education" }?.rowIndex == 1)
  }

  @Test func lookupWithoutTheFactIsAMissingField() {
    let result = score { $0.education = [] }
    #expect(result.deductions.contains { $0.code == .missingField && $0.itemID == "education" })
  }

  @Test func tiersChooseByYearsCountedToTheCutoff() {
    // 2010-07-01 to 2022-12-31 is 12 whole years.
    #expect(score { _ in }.linePoints("seniority") == PointsInterval(exactly: 5))
    #expect(score { $0.workStart = Day("2018-01-02")! }.linePoints("seniority") == PointsInterval(exactly: 1))
    // Work from 1 January 2018 has 5 whole years on 31 December 2022: the cut-off day counts.
    #expect(score { $0.workStart = Day("2018-01-01")! }.linePoints("seniority") == PointsInterval(exactly: 3))
    #expect(score { $0.workStart = Day("2017-12-31")! }.linePoints("seniority") == PointsInterval(exactly: 3))
  }

  @Test func rankTableMultipliesByCount() {
    let result = score { $0.records = [record("R1", "project", level: "provincial", rank: 2, count: 3)] }
    #expect(result.linePoints("projects") == PointsInterval(exactly: 42))
  }

  @Test func manyRecordsScoreLikeOneRecordOfTheSameCount() {
    // Past 64 records the counting records are listed rather than kept as bits of one word.
    for count in [3, 64, 65, 70] {
      let many = score { $0.records = (0..<count).map { record("P\($0)", "paper") } }
      let one = score { $0.records = [record("P", "paper", count: count)] }
      #expect(many.linePoints("papers") == one.linePoints("papers"), "\(count)")
      #expect(many.linePoints("papers") == PointsInterval(exactly: Points(2 * count)), "\(count)")
    }
  }

  @Test func otherRowsShareTheirCumulativeCap() {
    let result = score {
      $0.records = [
        record("R1", "project", level: "city", rank: 5),
        record("R2", "project", level: "city", rank: 6),
        record("R3", "project", level: "provincial", rank: 9, assessed: 2),
      ]
    }
    // 3 + 3 + 2 = 8 in "other" rows, cut to the shared cap of 6.
    #expect(result.linePoints("projects") == PointsInterval(exactly: 6))
    #expect(result.codes.contains(.sharedCapReached))
  }

  @Test func rankTablesScoreEveryListedRankHoweverHigh() {
    // Ranks are looked up by position up to a bound and in the row's own table beyond it.
    var sheet = self.sheet
    guard var projects = sheet.categories[1].items[0].rule.as(RecordTableRule.self),
      case .table(var byRank) = projects.rows[0].ranks
    else {
      Issue.record("the fixture's first work item is a rank table")
      return
    }
    byRank[255] = .fixed(9)
    byRank[256] = .fixed(8)
    byRank[1000] = .fixed(7)
    projects.rows[0].ranks = .table(byRank)
    sheet.categories[1].items[0].rule = Rule(projects)
    func points(rank: Int) -> PointsInterval {
      Fixture.evaluate(sheet) { $0.records = [record("R1", "project", level: "provincial", rank: rank)] }
        .linePoints("projects")
    }
    #expect(points(rank: 2) == PointsInterval(exactly: 14))
    #expect(points(rank: 255) == PointsInterval(exactly: 9))
    #expect(points(rank: 256) == PointsInterval(exactly: 8))
    #expect(points(rank: 1000) == PointsInterval(exactly: 7))
    // Unlisted ranks on either side of the bound fall to the level's "other ranks" row.
    for rank in [254, 257, 999] { #expect(points(rank: rank) == PointsInterval(min: 1, max: 4), "\(rank)") }
  }

  @Test func otherRowWithoutAssessorValueGivesARange() {
    let result = score { $0.records = [record("R1", "project", level: "provincial", rank: 5)] }
    #expect(result.linePoints("projects") == PointsInterval(min: 1, max: 4))
    #expect(!result.total.isExact)
  }

  @Test func assessorValueOutsideTheRangeIsIgnored() {
    let result = score { $0.records = [record("R1", "project", level: "provincial", rank: 5, assessed: 5)] }
    #expect(result.codes.contains(.assessedOutOfRange))
    #expect(result.linePoints("projects") == PointsInterval(min: 1, max: 4))
  }

  @Test func recordWithoutARankInARankTableIsAMissingField() {
    let result = score { $0.records = [record("R1", "project", level: "provincial")] }
    #expect(result.deductions.contains { $0.code == .missingField && $0.details == ["rank"] })
  }

  @Test func rankCoefficientScalesBasePoints() {
    let result = score {
      $0.records = [
        record("P1", "patent", level: "invention", rank: 2),
        record("P2", "patent", level: "utility-model", rank: 7),
      ]
    }
    // 10 × 0.8 + 3 × 0.3
    #expect(result.linePoints("patents") == PointsInterval(exactly: p("8.9")))
  }

  @Test func countFloorGivesPointsPerFullBlock() {
    #expect(
      score { $0.records = [record("M", "monitoring-certification", count: 14)] }.linePoints("monitoring")
        == PointsInterval(exactly: 4))
    #expect(
      score { $0.records = [record("M", "monitoring-certification", count: 19)] }.linePoints("monitoring")
        == PointsInterval(exactly: 6))
    #expect(
      score { $0.records = [record("M", "monitoring-certification", count: 20)] }.linePoints("monitoring")
        == PointsInterval(exactly: 8))
  }

  @Test func higherOfKeepsOnlyTheHigherItem() {
    let result = score {
      $0.records = [record("A", "award"), record("S", "standard")]
    }
    #expect(result.linePoints("standards") == PointsInterval(exactly: 7))
    #expect(result.linePoints("awards") == .zero)
    #expect(result.deductions.contains { $0.code == .notHigherItem && $0.itemID == "awards" })
    #expect(result.subtotal("work") == PointsInterval(exactly: 7))
  }

  @Test func anEvaluatorScoresEveryRuleKindAfterItsSheetIsGone() {
    // The evaluator reads its nodes through unmanaged references; it must keep them alive on its own.
    let evaluator = Evaluator(sheet: Fixture.sheet("every-rule-kind.json"))
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.records = [record("A", "award"), record("S", "standard")]
    portfolio.facts["examScore"] = .number(77)
    let first = evaluator.evaluate(portfolio)
    #expect(first == Evaluator(sheet: sheet).evaluate(portfolio))
    #expect(evaluator.evaluate(portfolio) == first)
    #expect(first.linePoints("standards") == PointsInterval(exactly: 7))
  }

  @Test func formulaIsClampedToItsBounds() {
    #expect(score { $0.facts["examScore"] = .number(77) }.linePoints("exam") == PointsInterval(exactly: p("4.25")))
    #expect(score { $0.facts["examScore"] = .number(50) }.linePoints("exam") == .zero)
    #expect(score { $0.facts["examScore"] = .number(120) }.linePoints("exam") == PointsInterval(exactly: 10))
  }

  @Test func assessedItemIsARangeUntilDecided() {
    #expect(score { _ in }.linePoints("review") == PointsInterval(min: 1, max: 4))
    #expect(score { $0.assessed["review"] = p("2.5") }.linePoints("review") == PointsInterval(exactly: p("2.5")))
    #expect(score { $0.assessed["review"] = p("2.25") }.codes.contains(.assessedOutOfRange))
  }

  @Test func perCertificatePointsByLevel() {
    let result = score {
      $0.records = [
        record("C1", "certificate", level: "class-1"), record("C2", "certificate", level: "class-3", count: 2),
      ]
    }
    #expect(result.linePoints("certificates") == PointsInterval(exactly: 16))
  }

  @Test func categoryCapCutsTheSubtotal() {
    let result = score {
      $0.records = [record("R1", "project", level: "provincial", rank: 1, count: 3)]
    }
    #expect(result.subtotal("work") == PointsInterval(exactly: 40))
    #expect(
      result.deductions.contains {
        $0.code == .capReached && $0.itemID == "work" && $0.lost == PointsInterval(exactly: 8)
      })
  }

  @Test func itemCapCutsTheItem() {
    let result = score { $0.records = [record("M", "monitoring-certification", count: 30)] }
    #expect(result.linePoints("monitoring") == PointsInterval(exactly: 8))
    #expect(!result.codes.contains(.capReached))
  }

  @Test func recordOfATypeNoRuleScoresIsReported() {
    let result = score { $0.records = [record("X", "poem")] }
    #expect(result.deductions.contains { $0.code == .noMatchingRow && $0.recordIndex == 0 && $0.itemID == nil })
  }

  @Test func thresholdDecidesTheVerdict() {
    // education 2 + seniority 5 + review 1–4 → the minimum decides.
    let below = score { $0.records = [record("R1", "project", level: "provincial", rank: 3)] }
    #expect(below.total == PointsInterval(min: 20, max: 23))
    #expect(below.verdict.kind == .belowThreshold)
    let at = score {
      $0.records = [
        record("R1", "project", level: "provincial", rank: 3), record("C", "certificate", level: "class-3"),
      ]
      $0.assessed["review"] = 1
      $0.facts["examScore"] = .number(88)  // (88 − 60) × 0.25 = 7
    }
    #expect(at.total == PointsInterval(exactly: 30))
    #expect(at.verdict.kind == .pass)
  }
}
