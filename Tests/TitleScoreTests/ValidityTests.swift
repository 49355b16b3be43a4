import Testing

@testable import TitleScore

@Suite struct ValidityTests {
  let sheet = Fixture.sheet("every-rule-kind.json")

  private func codes(for change: (inout AchievementRecord) -> Void) -> Set<ReasonCode> {
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    var paper = record("X", "paper")
    change(&paper)
    portfolio.records = [paper]
    let result = Evaluator(sheet: sheet).evaluate(portfolio)
    let recordCodes = Set(result.deductions.filter { $0.recordIndex != nil }.map(\.code))
    #expect(result.linePoints("papers") == (recordCodes.isEmpty ? PointsInterval(exactly: 2) : .zero))
    return recordCodes
  }

  @Test func aSelectorMatchesTypesOfAnyLengthAndFollowsChangesToItsTypes() {
    var selector = RecordSelector(types: ["paper", "research-project"], levels: ["core"])
    #expect(selector.selects(type: "paper", level: "core"))
    #expect(selector.selects(type: "research-project", level: "core"))
    #expect(!selector.selects(type: "award", level: "core"))  // same length as "paper", different text
    #expect(!selector.selects(type: "patent", level: "core"))
    #expect(!selector.selects(type: "paper", level: "general"))
    selector.types = ["patent"]
    #expect(selector.selects(type: "patent", level: "core"))
    #expect(!selector.selects(type: "paper", level: "core"))
    #expect(selector == RecordSelector(types: ["patent"], levels: ["core"]))
  }

  @Test func countsAValidRecord() {
    #expect(codes { _ in }.isEmpty)
  }

  @Test func recordBeforeTheCurrentTitleIsOutsideTheWindow() {
    #expect(codes { $0.date = Day("2014-12-31")! } == [.outsideWindow])
  }

  @Test func recordAfterTheCutoffIsOutsideTheWindow() {
    #expect(codes { $0.date = Day("2023-01-01")! } == [.outsideWindow])
  }

  @Test func recordOnTheTitleDateCounts() {
    #expect(codes { $0.date = Day("2015-01-01")! }.isEmpty)
  }

  @Test func recordWithoutEvidenceDoesNotCount() {
    #expect(codes { $0.evidence = false } == [.noEvidence])
  }

  @Test func collectiveWorkNeedsMainContributorEvidence() {
    #expect(
      codes {
        $0.collective = true
        $0.mainContributor = false
      } == [.notMainContributor])
    #expect(
      codes {
        $0.collective = true
        $0.mainContributor = true
      }.isEmpty)
  }

  @Test func acceptedButUnpublishedPaperDoesNotCount() {
    #expect(codes { $0.status = "accepted" } == [.notPublished])
  }

  @Test func transferredPatentIsNotRecognised() {
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    var patent = record("P", "patent", level: "invention", rank: 1)
    patent.acquired = "transfer"
    portfolio.records = [patent]
    let result = Evaluator(sheet: sheet).evaluate(portfolio)
    #expect(result.deductions.filter { $0.recordIndex != nil }.map(\.code) == [.patentTransferred])
    #expect(result.linePoints("patents") == .zero)
  }

  @Test func recordsCountUntilThePublicityDateWhereTheSheetSaysSo() {
    var policySheet = sheet
    policySheet.validity.countUntil = .publicityDate
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.publicityDate = Day("2022-08-20")!
    portfolio.records = [record("A", "paper", date: "2022-08-20"), record("B", "paper", date: "2022-08-21")]
    let result = Evaluator(sheet: policySheet).evaluate(portfolio)
    #expect(result.linePoints("papers") == PointsInterval(exactly: 2))
    #expect(result.deductions.contains { $0.code == .outsideWindow && $0.recordIndex == 1 })
  }

  @Test func unrelatedMajorFallsBackToTheHighestRelatedDegree() {
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.education = [
      EducationRecord(
        level: "bachelor", degree: "bachelor", major: "电气", related: true, fullTime: true, date: Day("2010-07-01")!),
      EducationRecord(
        level: "master", degree: "master", major: "管理", related: false, fullTime: true, date: Day("2014-07-01")!),
    ]
    let result = Evaluator(sheet: sheet).evaluate(portfolio)
    #expect(result.linePoints("education") == PointsInterval(exactly: 2))
    #expect(result.deductions.contains { $0.code == .unrelatedMajor && $0.lost == PointsInterval(exactly: 2) })
    portfolio.retrainingMonths = 12
    let retrained = Evaluator(sheet: sheet).evaluate(portfolio)
    #expect(retrained.linePoints("education") == PointsInterval(exactly: 4))
    #expect(!retrained.codes.contains(.unrelatedMajor))
  }

  @Test func technicalSchoolClassCountsAsItsEquivalentLevel() {
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.education = [
      EducationRecord(
        level: "senior-worker-class", degree: nil, major: "电工", related: true, fullTime: true, date: Day("2010-07-01")!)
    ]
    let level = ApplicantFacts.withFacts(of: portfolio, sheet: SharedSheet(sheet)) { $0.value("education.level") }
    #expect(level == .text("junior-college"))
  }
}
