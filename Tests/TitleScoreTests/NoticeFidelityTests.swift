import Foundation
import Testing

@testable import TitleScore

/// The readings of the notices' clauses that verdicts rest on, pinned on both sides of each limit.
@Suite struct NoticeFidelityTests {
  private func evaluate(_ sheetID: String, _ json: String) throws -> ScoreResult {
    Evaluator(sheet: Bundled.sheet(sheetID)).evaluate(try portfolio(json))
  }

  private func codes(_ result: ScoreResult) -> Set<ReasonCode> { Set(result.deductions.map(\.code)) }

  // MARK: - Years to the cut-off (Jiaxing 二(三), Linping 附件2 三.2, Shaoxing 二, Anji 一)

  @Test func yearsToTheCutoffIncludeTheCutoffDay() {
    let cutoff = Day("2022-12-31")!
    #expect(Day("2018-01-01")!.wholeYears(through: cutoff) == 5)  // January 2018 – December 2022: 60 months
    #expect(Day("2018-01-02")!.wholeYears(through: cutoff) == 4)
    #expect(Day("2017-12-31")!.wholeYears(through: cutoff) == 5)
    #expect(Day("2022-12-31")!.nextDay == Day("2023-01-01")!)
    #expect(Day("2024-02-28")!.nextDay == Day("2024-02-29")!)
  }

  // MARK: - Linping direct route (附件1 二(二)1)

  private let linpingDirect = "linping-2022-manufacturing-engineer-direct"

  private func directApplicant(education: String, extra: String = "", sector: String = "enterprise") -> String {
    """
    {"id": "D", "name": "直接申报", "employer": {"name": "单位", "sector": "\(sector)", "city": "linping"},
     "specialty": "mechatronics", "education": [\(education)], "workStart": "2010-07-01",
     "continuingEducation": {"2019": {"public": 12}, "2020": {"public": 12}, "2021": {"public": 12}, "2022": {"public": 12}},
     "assessments": {"2019": "competent", "2020": "competent", "2021": "competent"}\(extra)}
    """
  }

  @Test func relatedWorkYearsCountFromTheLaterOfDegreeAndRelatedWork() throws {
    let bachelor = #"{"level": "bachelor", "degree": "bachelor", "major": "机械", "date": "2010-07-01"}"#
    for (start, verdict) in [("2017-12-31", Verdict.Kind.pass), ("2018-01-01", .pass), ("2018-01-02", .criteriaNotMet)]
    {
      let result = try evaluate(
        linpingDirect, directApplicant(education: bachelor, extra: #", "relatedWorkStart": "\#(start)""#))
      #expect(result.verdict.kind == verdict, "related work from \(start)")
    }
  }

  @Test func eachRungCountsFromItsOwnDegreeAndAMasterDegreeQualifies() throws {
    let both = """
      {"level": "bachelor", "degree": "bachelor", "major": "机械", "date": "2012-07-01"},
      {"level": "master", "degree": "master", "major": "机械", "fullTime": false, "date": "2021-07-01"}
      """
    #expect(try evaluate(linpingDirect, directApplicant(education: both)).verdict.kind == .pass)
    let degreeOnly = #"{"level": "bachelor", "degree": "master", "major": "机械", "date": "2021-01-01"}"#
    #expect(try evaluate(linpingDirect, directApplicant(education: degreeOnly)).verdict.kind == .pass)
    let bachelorDegree = #"{"level": "bachelor", "degree": "bachelor", "major": "机械", "date": "2021-01-01"}"#
    #expect(try evaluate(linpingDirect, directApplicant(education: bachelorDegree)).verdict.kind == .criteriaNotMet)
  }

  @Test func staffMovedFromAnEnterpriseCountEnterpriseYearsWithTheAssistantTitle() throws {
    let bachelor = #"{"level": "bachelor", "degree": "bachelor", "major": "机械", "date": "2010-07-01"}"#
    func moved(_ extra: String) throws -> Verdict.Kind {
      try evaluate(linpingDirect, directApplicant(education: bachelor, extra: extra, sector: "public-institution"))
        .verdict.kind
    }
    #expect(try moved("") == .criteriaNotMet)
    #expect(try moved(#", "enterpriseYears": 5"#) == .pass)
    #expect(try moved(#", "enterpriseYears": 4"#) == .criteriaNotMet)
    let title = #", "currentTitle": {"title": "assistant-engineer", "date": "DATE"}"#
    #expect(try moved(#", "enterpriseYears": 3"# + title.replacingOccurrences(of: "DATE", with: "2021-01-01")) == .pass)
    #expect(
      try moved(#", "enterpriseYears": 3"# + title.replacingOccurrences(of: "DATE", with: "2021-01-02"))
        == .criteriaNotMet)
  }

  // MARK: - Linping exceptional route (附件1 二(三))

  private let exceptional = "linping-2022-manufacturing-engineer-exceptional"

  private func exceptionalApplicant(records: String, honours: String = "[]") -> String {
    """
    {"id": "E", "name": "破格", "employer": {"name": "单位", "sector": "enterprise", "city": "linping"},
     "specialty": "mechatronics",
     "education": [{"level": "bachelor", "degree": "bachelor", "major": "机械", "date": "2010-07-01"}],
     "workStart": "2010-07-01", "currentTitle": {"title": "assistant-engineer", "date": "2019-12-31"},
     "continuingEducation": {"2019": {"public": 12}, "2020": {"public": 12}, "2021": {"public": 12}, "2022": {"public": 12}},
     "assessments": {"2019": "competent", "2020": "competent", "2021": "competent"},
     "records": [\(records)], "honours": \(honours)}
    """
  }

  private let keyProject =
    #"{"id": "K", "type": "key-project", "level": "city", "rank": 2, "date": "2020-09-01"}"#

  @Test func awardsCountOnlyForAMainWinner() throws {
    let award = #"{"id": "A", "type": "award", "level": "hangzhou-third-or-above", "date": "2021-05-01""#
    let named = try evaluate(
      exceptional, exceptionalApplicant(records: award + #", "mainWinner": true}, "# + keyProject))
    #expect(named.verdict.kind == .pass)
    let unnamed = try evaluate(exceptional, exceptionalApplicant(records: award + "}, " + keyProject))
    #expect(unnamed.verdict.kind == .criteriaNotMet)
    #expect(codes(unnamed).contains(.notMainWinner))
  }

  @Test func papersCountOnlySoleAuthoredAndBooksFromThirtyThousandCharacters() throws {
    func paper(_ id: String, _ authorship: String) -> String {
      #"{"id": "\#(id)", "type": "paper", "level": "city", "date": "2021-03-01", "authorship": "\#(authorship)"}"#
    }
    let sole = try evaluate(
      exceptional,
      exceptionalApplicant(records: [keyProject, paper("P1", "sole"), paper("P2", "sole")].joined(separator: ",")))
    #expect(sole.verdict.kind == .pass)
    let co = try evaluate(
      exceptional,
      exceptionalApplicant(records: [keyProject, paper("P1", "sole"), paper("P2", "co")].joined(separator: ",")))
    #expect(co.verdict.kind == .criteriaNotMet)
    #expect(codes(co).contains(.authorshipNotAccepted))
    for (characters, verdict) in [(29_999, Verdict.Kind.criteriaNotMet), (30_000, .pass)] {
      let book = #"{"id": "B", "type": "book", "date": "2021-10-01", "characters": \#(characters)}"#
      let result = try evaluate(exceptional, exceptionalApplicant(records: keyProject + ", " + book))
      #expect(result.verdict.kind == verdict, "\(characters) characters")
    }
  }

  @Test func honoursCountOnlyWhenReceivedSinceTheCurrentTitle() throws {
    func verdict(_ honours: String) throws -> Verdict.Kind {
      try evaluate(exceptional, exceptionalApplicant(records: keyProject, honours: honours)).verdict.kind
    }
    #expect(try verdict(#"[{"honour": "county-model-worker", "date": "2019-12-31"}]"#) == .pass)
    #expect(try verdict(#"[{"honour": "county-model-worker", "date": "2019-12-30"}]"#) == .criteriaNotMet)
    #expect(try verdict(#"["county-model-worker"]"#) == .criteriaNotMet)
  }

  @Test func anAppointmentNotHeldInTheReviewYearFailsItsGate() throws {
    let held = exceptionalApplicant(
      records: keyProject, honours: #"[{"honour": "county-model-worker", "date": "2021-01-01"}]"#)
    let notHeld = held.replacingOccurrences(
      of: #""date": "2019-12-31"}"#, with: #""date": "2019-12-31", "heldInReviewYear": false}"#)
    #expect(try evaluate(exceptional, held).verdict.kind == .pass)
    let result = try evaluate(exceptional, notHeld)
    #expect(result.verdict.failedGates == ["current-appointment"])
    #expect(result.gates.contains { $0.findings.map(\.code) == ["appointment-not-held"] })
  }

  // MARK: - Shaoxing (二, 五(一)3, and the published senior table)

  private let shaoxingSenior = "shaoxing-2022-eco-environment-senior-engineer-self-score"

  private func shaoxingApplicant(_ changes: (inout Portfolio) -> Void) -> ScoreResult {
    let example = Bundled.sheet(shaoxingSenior).examples[0].portfolio
    var writer = JSONWriter()
    writer.value(example)
    var applicant = try! Portfolio.decode(json: Array(writer.output.utf8))
    changes(&applicant)
    return Evaluator(sheet: Bundled.sheet(shaoxingSenior)).evaluate(applicant)
  }

  @Test func otherRowsAreCappedOncePerIndicatorNotPooled() {
    let result = shaoxingApplicant { applicant in
      applicant.records.removeAll {
        ["research-project", "engineering-project", "new-technology", "standard"].contains($0.type)
      }
      applicant.records += [
        AchievementRecord(id: "S1", type: "standard", level: "provincial", rank: 3, date: Day("2019-09-01")!),
        AchievementRecord(id: "S2", type: "standard", level: "provincial", rank: 3, date: Day("2020-09-01")!),
        AchievementRecord(
          id: "E1", type: "engineering-project", level: "provincial-major", rank: 5, count: 4, date: Day("2020-06-01")!),
      ]
    }
    // Standards 3 + 3 = 6 at their cap; engineering 2 × 4 = 8 cut to its own 6: 12, where one pooled cap gave 6.
    #expect(result.categories.first { $0.categoryID == "achievements" }?.subtotal == PointsInterval(exactly: 12))
    #expect(result.deductions.filter { $0.code == .sharedCapReached }.count == 1)
  }

  @Test func educationAfterThePublicityDateNeitherScoresNorTriggersTheInterview() {
    func withDoctorate(on date: String) -> ScoreResult {
      shaoxingApplicant {
        $0.education.append(EducationRecord(level: "doctorate", degree: "doctorate", major: "环境", date: Day(date)!))
      }
    }
    let onTheDay = withDoctorate(on: "2022-08-20")
    let after = withDoctorate(on: "2022-08-21")
    #expect(onTheDay.flags.contains { $0.triggerID == "recent-later-degree" })
    #expect(!after.flags.contains { $0.triggerID == "recent-later-degree" })
    #expect(onTheDay.total.min > after.total.min)
    let none = shaoxingApplicant { $0.publicityDate = nil }
    #expect(none.deductions.contains { $0.code == .missingField && $0.details.first == "publicityDate" })
  }

  @Test func deficientMaterialCostsWhatTheSheetSaysBySeverity() {
    let clean = shaoxingApplicant { _ in }
    func marked(_ severity: String) -> ScoreResult {
      shaoxingApplicant { applicant in
        let paper = applicant.records.firstIndex { $0.type == "paper" }!
        applicant.records[paper].material = MaterialIssue(problem: "unclear", severity: severity)
      }
    }
    #expect(marked("minor").total.min == clean.total.min - Points(1))
    #expect(marked("major").total.min == clean.total.min - Points(3))
    #expect(codes(marked("severe")).contains(.materialDeficient))
    #expect(marked("severe").total.min < marked("major").total.min)
    let unknown = marked("catastrophic")
    #expect(unknown.total == clean.total)
    #expect(codes(unknown).contains(.valueOutsideVocabulary))
  }

  @Test func aValueOutsideTheVocabularyIsNotedWithItsPath() {
    let result = shaoxingApplicant { $0.education[0].level = "本科" }
    #expect(
      result.deductions.contains { $0.code == .valueOutsideVocabulary && $0.details == ["education[0].level=本科"] })
  }

  // MARK: - Jiaxing 2022 五(二)

  @Test func theAllowanceMakesUpEarlierYearsButNotTheReviewYear() {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-skill-talent")
    let gate = sheet.gates.first { $0.id == "continuing-education" }!
    guard let requirement = gate.kind.as(ContinuingEducationRequirement.self) else {
      Issue.record("not a CE gate")
      return
    }
    func log(_ hours: [Int: Int]) -> ContinuingEducationLog {
      var log = ContinuingEducationLog()
      for (year, total) in hours.sorted(by: { $0.key < $1.key }) {
        log.entries.append(ContinuingEducationLog.Entry(year: year, kind: "professional", hours: Points(total)))
      }
      return log
    }
    #expect(requirement.shortfalls(in: log([2019: 60, 2020: 60, 2021: 150, 2022: 90])).isEmpty)
    #expect(!requirement.shortfalls(in: log([2019: 150, 2020: 90, 2021: 90, 2022: 60])).isEmpty)
  }

  // MARK: - Anji 三(二)

  @Test func theAnjiGuideIsForEnterpriseStaffWithoutTheRequiredEducation() throws {
    var applicant = Fixture.portfolio("minimal-portfolio.json")
    applicant.employer = Employer(name: "安吉建工", sector: "enterprise", city: "anji")
    applicant.specialty = "construction"
    applicant.education = [EducationRecord(level: "secondary-vocational", major: "建筑", date: Day("2005-07-01")!)]
    #expect(RouteAdvisor(library: Bundled.library, portfolio: applicant).pointers.count == 1)
    applicant.employer.sector = "public-institution"
    #expect(RouteAdvisor(library: Bundled.library, portfolio: applicant).pointers.isEmpty)
    applicant.employer.sector = "enterprise"
    applicant.education = [EducationRecord(level: "bachelor", major: "土木", date: Day("2005-07-01")!)]
    #expect(RouteAdvisor(library: Bundled.library, portfolio: applicant).pointers.isEmpty)
  }

  // MARK: - Checking sheets (issue 13.6) and stating modelled values (13.10)

  @Test func checkReportsAnOrderedLookupThatLeavesALevelOutOrScoresItBelowALowerOne() {
    let text = Fixture.sheetText(
      "every-rule-kind.json",
      replacing: #"{"match": {"education.level": "master", "education.fullTime": true}, "points": 4},"#,
      with: #"{"match": {"education.level": "doctorate"}, "points": 1},"#)
    let codes = ScoresheetLoader.load(bytes: text, file: "s.json").diagnostics.map(\.code)
    #expect(codes.contains(.levelUnscored))
    #expect(codes.contains(.levelOrderInverted))
    #expect(Bundled.library.diagnostics.filter { [.levelUnscored, .levelOrderInverted].contains($0.code) }.isEmpty)
  }

  @Test func everyResultOnASheetWithModelledValuesSaysSo() {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    #expect(sheet.modelledValueCount > 0)
    let applicant = Fixture.portfolio("minimal-portfolio.json")
    let result = Evaluator(sheet: sheet).evaluate(applicant)
    for language in [Language.zh, .en] {
      let json = ResultJSONRenderer(
        explanation: Explanation(sheet: sheet, portfolio: applicant, result: result, language: language)
      ).render()
      #expect(json.contains("\"modelledValues\""))
      #expect(json.contains(sheet.document))
    }
    #expect(
      Explanation.modelledNotice(Bundled.sheet("linping-2022-manufacturing-engineer-skill-talent"), language: .zh)
        != nil)
  }
}
