import Foundation
import Testing

@testable import TitleScore

@Suite struct PlannerTests {
  @Test func optimalPlanBeatsTheGreedyChoice() throws {
    let sheet = Fixture.sheet("plan-greedy-trap.json")
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.education = []
    portfolio.workStart = nil
    let planner = Planner(sheet: sheet)
    // The fixture sheet gives no effort weights: every record weighs 1, so the least effort is the fewest records.
    guard case .plans(let plans, _) = planner.plan(portfolio), let steps = plans.first?.steps,
      let result = plans.first?.result
    else {
      Issue.record("expected a plan")
      return
    }
    #expect(plans.first?.aim == .leastEffort && plans.first?.hasFewestRecords == true)
    // Two standards (7 + 7) reach 14. An award (10, only one counts) is worth more alone, but under "higher of"
    // it makes a first standard worthless, so whoever starts with it needs two more records.
    #expect(steps.map(\.record.type) == ["standard", "standard"])
    #expect(result.total == PointsInterval(exactly: 14))

    // Greedy: always add the record that adds the most now. It takes the award, then needs two papers.
    let evaluator = Evaluator(sheet: sheet)
    var greedy = portfolio
    var count = 0
    while evaluator.evaluate(greedy).total.min < 14 {
      let current = evaluator.evaluate(greedy).total.min
      let best = planner.candidates(for: greedy).max { a, b in
        var withA = greedy
        withA.records.append(a.record)
        var withB = greedy
        withB.records.append(b.record)
        return evaluator.evaluate(withA).total.min - current < evaluator.evaluate(withB).total.min - current
      }!
      var next = best.record
      next.id = "G\(count)"
      greedy.records.append(next)
      count += 1
    }
    #expect(count == 3)
    #expect(greedy.records.first?.type == "award")
  }

  @Test func planSaysWhenAGateBlocksIt() throws {
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.employer.sector = "civil-service"
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    guard case .blockedByGates(let gates) = Planner(sheet: sheet).plan(portfolio) else {
      Issue.record("expected the scope gate to block the plan")
      return
    }
    #expect(gates.map(\.gateID).contains("scope"))
  }

  @Test func planSaysWhenCapsAreExhausted() {
    var sheet = Fixture.sheet("plan-greedy-trap.json")
    sheet.categories[0].cap = 10
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.education = []
    guard case .unreachable(let best, _) = Planner(sheet: sheet, maximumRecords: 3).plan(portfolio) else {
      Issue.record("expected the caps to make the threshold unreachable")
      return
    }
    #expect(best.min == 10)
  }

  @Test func planRespectsTheValidityWindow() {
    let sheet = Bundled.sheet("shaoxing-2022-eco-environment-engineer-self-score")
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.specialty = "eco-environment"
    portfolio.employer.city = "shaoxing"
    portfolio.publicityDate = Day("2022-08-20")!
    portfolio.continuingEducation = [2019: ["public": 90], 2020: ["public": 90], 2021: ["public": 90]]
    portfolio.assessments = [2019: "competent", 2020: "competent", 2021: "competent"]
    guard case .plans(let plans, let window) = Planner(sheet: sheet).plan(portfolio) else {
      Issue.record("expected a plan")
      return
    }
    #expect(plans.allSatisfy { plan in plan.steps.allSatisfy { $0.record.date == Day("2022-08-20")! } })
    #expect(window.until == Day("2022-08-20")!)
  }
}

/// The plan weighs how attainable each record is (the sheet's effort weights) and offers alternatives.
@Suite struct LeastEffortPlanTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")

  private func applicant() throws -> Portfolio {
    try Portfolio.decode(
      json: Array(
        try Data(
          contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/jiaxing-energy-engineer-below-threshold.json"))
      ))
  }

  @Test func theFirstPlanHasTheLeastEffortOfAnySetThatReachesTheThreshold() throws {
    let portfolio = try applicant()
    let planner = Planner(sheet: sheet)
    guard case .plans(let plans, _) = planner.plan(portfolio), let first = plans.first else {
      Issue.record("expected a plan")
      return
    }
    #expect(first.aim == .leastEffort)
    #expect(first.result.total.min >= sheet.threshold!)
    #expect(first.effort == first.steps.reduce(0) { $0 + $1.effort })
    // Not the national project and the class-1 certificate the fewest-records search used to propose.
    #expect(!first.steps.contains { $0.record.level == "national" || $0.record.level == "class-1" })
    // Exhaustively: no set of up to three candidates with less effort reaches the threshold.
    let candidates = planner.candidates(for: portfolio)
    let evaluator = Evaluator(sheet: sheet)
    func reaches(_ indices: [Int]) -> Bool {
      var trial = portfolio
      for (number, index) in indices.enumerated() {
        var record = candidates[index].record
        record.id = "T\(number)"
        trial.records.append(record)
      }
      return evaluator.evaluate(trial, tracing: false).total.min >= sheet.threshold!
    }
    var cheaper: [[Int]] = []
    for a in candidates.indices {
      for b in a..<candidates.count {
        for c in [nil] + Array(b..<candidates.count) {
          let set = [a, b] + (c.map { [$0] } ?? [])
          let effort = set.reduce(0) { $0 + candidates[$1].effort }
          if effort < first.effort && reaches(set) { cheaper.append(set) }
        }
      }
    }
    #expect(cheaper.isEmpty)
  }

  @Test func alternativesReachTheThresholdAndNoneIsAnEarlierPlanWithRecordsAdded() throws {
    guard case .plans(let plans, let window) = Planner(sheet: sheet).plan(try applicant()) else {
      Issue.record("expected a plan")
      return
    }
    #expect(plans.count >= 2 && plans.count <= 3)
    #expect(plans.allSatisfy { $0.result.total.min >= sheet.threshold! })
    func kinds(_ plan: Planner.Plan) -> [String] {
      plan.steps.map { "\($0.itemID)|\($0.record.type)|\($0.record.level ?? "")" }.sorted()
    }
    for (later, plan) in plans.enumerated() {
      for earlier in plans[..<later] {
        let part = kinds(earlier)
        var whole = kinds(plan)
        let contained = part.allSatisfy { kind in
          guard let found = whole.firstIndex(of: kind) else { return false }
          whole.remove(at: found)
          return true
        }
        #expect(!contained, "plan \(later + 1) holds plan \(kinds(earlier))")
      }
    }
    // Records count from the current title to the cut-off.
    #expect(window.from == Day("2015-12-01")! && window.until == Day("2022-12-31")!)
  }

  @Test func thePlanSaysTheWeightsAreModelledAndWhereRecordsMustFall() throws {
    let portfolio = try applicant()
    let text = Planner(sheet: sheet).plan(portfolio).renderText(sheet: sheet, portfolio: portfolio, language: .zh)
    #expect(text.contains("最省力") && text.contains("难度权重为模型值"))
    #expect(text.contains("在 2015-12-01 至 2022-12-31 之间"))
    #expect(text.contains("科研项目 · 市级"))
    #expect(text.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 100 || $0.contains("难度权重") })
  }

  @Test func anEffortWeightForEveryRecordIsTheDefaultNotARule() {
    let text = Fixture.sheetText(
      "every-rule-kind.json", replacing: #""tieBreakers": ["#,
      with:
        #""effort": {"default": 2, "weights": [{"weight": 5}], "provenance": {"clause": "x", "status": "modelled"}}, "tieBreakers": ["#
    )
    let outcome = ScoresheetLoader.load(bytes: text, file: "effort.json", runExamples: false)
    #expect(outcome.diagnostics.contains { $0.code == .missingField && $0.path.description == "effort.weights[0]" })
  }
}

@Suite struct OutcomeDistributionTests {
  @Test func distributionIsExactOverAssessorRanges() throws {
    var sheet = Fixture.sheet("every-rule-kind.json")
    sheet.threshold = 13
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.records = [record("R", "project", level: "provincial", rank: 5)]
    let distribution = try #require(OutcomeDistribution(sheet: sheet, portfolio: portfolio))
    // education 2 + seniority 5 + review (1…4 by 0.5, 7 values) + project (1…4, 4 values): 28 combinations.
    #expect(distribution.combinations == 28)
    #expect(distribution.range == PointsInterval(min: 9, max: 15))
    // review + project ≥ 6: 5 + 3 + 1 + 0 of the 28.
    #expect(distribution.reachingThreshold == 9)
    #expect(distribution.counts.first { $0.total == 15 }?.combinations == 1)
    // 11.5 = 7 + 4.5: review 3.5 + 1, 2.5 + 2 or 1.5 + 3.
    #expect(distribution.counts.first { $0.total == p("11.5") }?.combinations == 3)
  }

  @Test func decidedRangesAreNotRandom() throws {
    let sheet = Fixture.sheet("every-rule-kind.json")
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.assessed["review"] = 3
    let distribution = try #require(OutcomeDistribution(sheet: sheet, portfolio: portfolio))
    #expect(distribution.combinations == 1)
    #expect(distribution.range == PointsInterval(exactly: 10))
  }

  @Test func choicesUnderASharedCapAreCountedTogether() throws {
    let sheet = Fixture.sheet("every-rule-kind.json")
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.assessed["review"] = 1
    portfolio.records = [
      record("R1", "project", level: "provincial", rank: 5), record("R2", "project", level: "provincial", rank: 6),
    ]
    let distribution = try #require(OutcomeDistribution(sheet: sheet, portfolio: portfolio))
    // Two "other" rows of 1…4 each, together at most 6: sums 2…8 cut to 6.
    #expect(distribution.combinations == 16)
    #expect(distribution.range == PointsInterval(min: 10, max: 14))
    // Sums of 6, 7 and 8 (3 + 2 + 1 = 6 of 16 combinations) all count as 6.
    #expect(distribution.counts.first { $0.total == 14 }?.combinations == 6)
  }
}

@Suite struct RouteAdvisorTests {
  @Test func bestRouteComesFirstEvenWhenNotFirstListed() throws {
    let portfolio = try Portfolio.decode(
      json: Array(try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/linping-exceptional.json"))))
    let advisor = RouteAdvisor(library: Bundled.library, portfolio: portfolio)
    let ids = advisor.options.map(\.sheet.id)
    #expect(ids.first == "linping-2022-manufacturing-engineer-exceptional")
    #expect(ids.sorted().first != ids.first)
    #expect(advisor.options.first?.result.verdict.kind == .pass)
    #expect(Set(ids) == Set(Bundled.library.sheets.filter { $0.city == "linping" }.map(\.id)))
  }

  @Test func ineligibleRouteNamesWhatIsMissing() throws {
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.employer.city = "jiaxing"
    portfolio.continuingEducation = [
      2019: ["public": 90], 2020: ["public": 90], 2021: ["public": 72], 2022: ["public": 90],
    ]
    portfolio.assessments = [2019: "competent", 2020: "competent", 2021: "competent"]
    let advisor = RouteAdvisor(library: Bundled.library, portfolio: portfolio)
    let selfScore = try #require(advisor.options.first { $0.sheet.id == "jiaxing-2022-energy-engineer-self-score" })
    #expect(selfScore.result.verdict.kind == .ineligible)
    let text = advisor.renderText(portfolio: portfolio, language: .en)
    #expect(text.contains("continuing education 2021: 72 of 90 hours"))
  }

  @Test func exactlyAtTheThresholdIsOpen() throws {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    let example = try #require(sheet.examples.first { $0.name.hasPrefix("work report 1") })
    var writer = JSONWriter()
    writer.value(example.portfolio)
    let portfolio = try Portfolio.decode(json: Array(writer.output.utf8))
    let advisor = RouteAdvisor(library: Bundled.library, portfolio: portfolio)
    let option = try #require(advisor.options.first { $0.sheet.id == sheet.id })
    #expect(option.result.total == PointsInterval(exactly: 60))
    #expect(option.result.margin == PointsInterval(exactly: 0))
    #expect(option.result.verdict.kind == .pass)
  }

  @Test func routeGuidePointsToRoutesWithoutABundledSheet() throws {
    let portfolio = try Portfolio.decode(
      json: Array(
        try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/anji-construction-without-degree.json"))
      ))
    let advisor = RouteAdvisor(library: Bundled.library, portfolio: portfolio)
    #expect(advisor.pointers.map(\.entry.route) == [.selfScore])
    #expect(advisor.pointers.first?.entry.sheetID == nil)
    #expect(advisor.renderText(portfolio: portfolio, language: .en).contains("no sheet for this route is bundled"))
  }
}

@Suite struct CohortAndWhatIfTests {
  @Test func standingInACohortWithQuotaAndPassRate() throws {
    let sheet = Fixture.sheet("every-rule-kind.json")
    let results = try BatchRunner(sheet: sheet, jobs: 1).run([Fixture.path("batch-ties.jsonl")])
    let sink = ReportSink()
    BatchReport.write(results, format: .json, options: ReportOptions(language: .en), to: sink)
    let cohort = try JSONValue.parse(sink.bytes)
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.assessed["review"] = 1
    let result = Evaluator(sheet: sheet).evaluate(portfolio)  // 2 + 5 + 1 = 8, below the three 9s
    let standing = try CohortStanding(result: result, cohortReport: cohort, quota: 3)
    #expect(standing.rank == 4 && standing.poolSize == 4)
    #expect(standing.inside == false)
    #expect(standing.percentile == 0)
    let generous = try CohortStanding(result: result, cohortReport: cohort, passRate: 1)
    #expect(generous.places == 4 && generous.inside == true)
    portfolio.assessed["review"] = 4
    let top = try CohortStanding(
      result: Evaluator(sheet: sheet).evaluate(portfolio), cohortReport: cohort, passRate: 0.25)
    #expect(top.rank == 1 && top.places == 1 && top.inside == true && top.percentile == 100)
  }

  @Test func cohortFromAnotherSheetIsRefused() throws {
    let cohort = try JSONValue.parse(Array(#"{"sheet": "other", "rows": []}"#.utf8))
    let result = Evaluator(sheet: Fixture.sheet("every-rule-kind.json")).evaluate(
      Fixture.portfolio("minimal-portfolio.json"))
    #expect(throws: Diagnostic.self) { try CohortStanding(result: result, cohortReport: cohort) }
  }

  @Test func whatIfAddsHypotheticalRecords() throws {
    let sheet = Fixture.sheet("every-rule-kind.json")
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.records = [record("R1", "paper")]
    let added = try AchievementRecord.decodeList(
      json: Array(#"[{"id": "R1", "type": "patent", "level": "invention", "rank": 2, "date": "2021-01-01"}]"#.utf8))
    let whatIf = WhatIf(sheet: sheet, portfolio: portfolio, added: added)
    #expect(whatIf.after.total.min - whatIf.before.total.min == 8)
    #expect(whatIf.changedPortfolio.records.map(\.id) == ["R1", "R1-2"])
  }
}

@Suite struct PlannerBestTotalTests {
  @Test func theBestTotalOfAnUnreachablePlanIsNeverBelowAddingItsBestRecord() {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    let portfolio = try! Portfolio.decode(
      json: Array(
        try! Data(
          contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/jiaxing-energy-engineer-below-threshold.json"))
      ))
    let evaluator = Evaluator(sheet: sheet)
    for maximum in 1...2 {
      let planner = Planner(sheet: sheet, maximumRecords: maximum)
      guard case .unreachable(let best, _) = planner.plan(portfolio) else { continue }
      // What `score --add` of each single candidate gives: the plan's best can be no lower.
      for candidate in planner.candidates(for: portfolio) {
        var added = portfolio
        var record = candidate.record
        record.id = "ADDED"
        added.records.append(record)
        let total = evaluator.evaluate(added, tracing: false).total
        #expect(
          best.min >= total.min, "max \(maximum): \(best) below \(total) with \(record.type) \(record.level ?? "")")
      }
    }
  }
}

@Suite struct AdviceWordingTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")

  private func example(_ name: String) throws -> Portfolio {
    try Portfolio.decode(
      json: Array(try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/" + name))))
  }

  @Test func outcomesAreOneSentenceWhenNothingLeftOpenChangesThePass() throws {
    var portfolio = try example("jiaxing-energy-engineer.json")
    portfolio.assessed = [:]
    let distribution = try #require(OutcomeDistribution(sheet: sheet, portfolio: portfolio))
    if distribution.chanceOfReachingThreshold == 0 || distribution.chanceOfReachingThreshold == 1 {
      let text = distribution.renderText(language: .zh)
      #expect(text.split(separator: "\n").count == 1, "\(text)")
      #expect(text.contains("%"))
    } else {
      Issue.record("the example was meant to be decided either way: \(distribution.chanceOfReachingThreshold)")
    }
  }

  @Test func standingInsideTheQuotaButBelowTheLineSaysItTakesNoPlace() throws {
    let result = Evaluator(sheet: sheet).evaluate(try example("jiaxing-energy-engineer.json"))
    #expect(result.verdict.kind == .belowThreshold)
    let cohort =
      #"{"sheet": "jiaxing-2022-energy-engineer-self-score", "rows": [{"id": "B", "verdict": "below-threshold", "total": 40}]}"#
    let standing = try CohortStanding(result: result, cohortJSON: Array(cohort.utf8), quota: 5)
    #expect(standing.inside == true)
    let text = standing.renderText(language: .zh)
    #expect(text.contains("不能占用名额"), "\(text)")
    #expect(!text.contains("在名额内\n"))
  }
}

@Suite struct RoutesLeaveOutHeldTitlesTests {
  @Test func aRouteToATitleTheApplicantHoldsIsLeftOutUnlessAll() throws {
    let portfolio = try Portfolio.decode(
      json: Array(
        try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/jiaxing-energy-engineer.json"))))
    #expect(portfolio.currentTitle?.title == "assistant-engineer")
    let assistantRoute = "jiaxing-2022-energy-assistant-engineer-skill-talent"
    let advisor = RouteAdvisor(library: Bundled.library, portfolio: portfolio)
    #expect(!advisor.options.map(\.sheet.id).contains(assistantRoute))
    #expect(advisor.alreadyHeld.contains(assistantRoute))
    #expect(advisor.renderText(portfolio: portfolio, language: .zh).contains("--all"))
    let everything = RouteAdvisor(library: Bundled.library, portfolio: portfolio, all: true)
    #expect(everything.options.map(\.sheet.id).contains(assistantRoute))
    #expect(everything.alreadyHeld.isEmpty)
  }

  @Test func routesShowTheApplicantsOwnFigureBesideWhatEachConditionNeedsAndHowFarShort() throws {
    var portfolio = try Portfolio.decode(
      json: Array(try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/linping-normal.json"))))
    // Assistant engineer since December 2019: three years by the cut-off, where the normal route needs four.
    portfolio.currentTitle?.date = Day(year: 2019, month: 12, day: 20)!
    let advisor = RouteAdvisor(library: Bundled.library, portfolio: portfolio)
    let normal = try #require(advisor.options.first { $0.sheet.id == "linping-2022-manufacturing-engineer-normal" })
    #expect(normal.result.verdict.kind == .criteriaNotMet)
    let chinese = advisor.renderText(portfolio: portfolio, language: .zh)
    #expect(chinese.contains("本科或专科学历，聘任助理工程师满4年（有 3 年，需 4 年，差 1 年）"))
    let english = advisor.renderText(portfolio: portfolio, language: .en)
    #expect(english.contains("has 3 years, needs 4 years, 1 short"))
    // The exceptional route counts achievements: the figure is the count against the two it needs.
    #expect(chinese.contains("任现职以来具备下列条件2项（有 0 项，需 2 项，差 2 项）"))
  }
}
