import Testing

@testable import TitleScore

@Suite struct CriteriaRouteTests {
  let sheet = Fixture.sheet("criteria-route.json")

  private func evaluate(_ change: (inout Portfolio) -> Void) -> ScoreResult {
    Fixture.evaluate(sheet, changing: change)
  }

  @Test func tenurePlusTwoOfFourAchievementsPasses() {
    let result = evaluate {
      $0.currentTitle = TitleRecord(title: "assistant-engineer", date: Day("2019-12-31")!)
      $0.records = [record("A", "award", level: "city"), record("K", "key-project")]
    }
    #expect(result.verdict.kind == .pass)
    #expect(result.conditions.first?.met == true)
  }

  @Test func oneAchievementIsNotEnough() {
    let result = evaluate {
      $0.records = [record("A", "award", level: "city"), record("P", "paper")]
      $0.honours = []
    }
    #expect(result.verdict.kind == .criteriaNotMet)
    #expect(result.codes.contains(.conditionNotMet))
    #expect(result.conditions.contains { $0.label.en == "2 of 4 achievements" && $0.observed == "1/4" })
  }

  @Test func withoutTheRequiredEducationTenureIsFourYears() {
    let withEducation: (inout Portfolio) -> Void = {
      $0.currentTitle = TitleRecord(title: "assistant-engineer", date: Day("2020-01-02")!)
      $0.records = [record("K", "key-project", date: "2021-01-01")]
      $0.honours = ["model-worker"]
    }
    #expect(evaluate(withEducation).verdict.kind == .criteriaNotMet)  // one day short of 3 years
    let exactlyThree = evaluate {
      withEducation(&$0)
      $0.currentTitle = TitleRecord(title: "assistant-engineer", date: Day("2020-01-01")!)
    }
    #expect(exactlyThree.verdict.kind == .pass)  // 3 whole years on 31 December 2022, the cut-off day included
    let threeYears = evaluate {
      withEducation(&$0)
      $0.currentTitle = TitleRecord(title: "assistant-engineer", date: Day("2019-12-31")!)
    }
    #expect(threeYears.verdict.kind == .pass)
    let noEducation = evaluate {
      withEducation(&$0)
      $0.currentTitle = TitleRecord(title: "assistant-engineer", date: Day("2019-12-31")!)
      $0.education = []
    }
    #expect(noEducation.verdict.kind == .criteriaNotMet)
    let fourYears = evaluate {
      withEducation(&$0)
      $0.currentTitle = TitleRecord(title: "assistant-engineer", date: Day("2018-12-31")!)
      $0.education = []
    }
    #expect(fourYears.verdict.kind == .pass)
  }
}

@Suite struct ClaimTests {
  @Test func claimedAndAcceptedSideBySideWithReasons() throws {
    let sheet = Fixture.sheet("every-rule-kind.json")
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    var late = record("P2", "paper", date: "2014-01-01")
    late.title = "old paper"
    portfolio.records = [record("P1", "paper"), late]
    portfolio.claimed = ClaimedScore(total: 20, items: ["papers": 4, "seniority": 5, "bogus": 3])
    let result = Evaluator(sheet: sheet).evaluate(portfolio)
    let papers = result.claims.first { $0.itemID == "papers" }
    #expect(papers?.accepted == PointsInterval(exactly: 2))
    #expect(papers?.reasons == [.outsideWindow])
    #expect(result.claims.first { $0.itemID == "seniority" }?.reasons == [])
    #expect(result.claims.first { $0.itemID == "bogus" }?.reasons == [.unknownClaimedItem])
    #expect(result.claimedTotal == 20)
  }
}

@Suite struct ClaimAboveTableTests {
  @Test func claimAboveWhatTheTableGivesIsExplained() {
    let sheet = Fixture.sheet("every-rule-kind.json")
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.records = [record("P1", "paper")]
    portfolio.claimed = ClaimedScore(total: nil, items: ["papers": 5, "education": 2])
    let result = Evaluator(sheet: sheet).evaluate(portfolio)
    #expect(result.claims.first { $0.itemID == "papers" }?.reasons == [.claimAboveTable])
    #expect(result.claims.first { $0.itemID == "education" }?.reasons == [])
  }
}
