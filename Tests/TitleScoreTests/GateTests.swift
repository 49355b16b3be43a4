import Foundation
import Testing

@testable import TitleScore

@Suite struct GateTests {
  private func sheet(with gate: Gate) -> Scoresheet {
    var sheet = Fixture.sheet("every-rule-kind.json")
    sheet.gates = [gate]
    return sheet
  }

  private func gate(_ kind: some GateKind) -> Gate {
    Gate(
      id: "g", title: LocalizedText(zh: "控制项", en: "gate"), provenance: Provenance(clause: "t", status: .official),
      kind: Gate.Kind(kind))
  }

  private func check(_ kind: some GateKind, materials: MaterialInspection? = nil, _ change: (inout Portfolio) -> Void)
    -> ScoreResult
  {
    Fixture.evaluate(sheet(with: gate(kind)), materials: materials, changing: change)
  }

  @Test func failedGateMakesTheApplicantIneligibleWhateverThePoints() {
    let result = check(AnnualAssessmentGate(years: [2020, 2021], minimum: "competent")) {
      $0.assessments = [2020: "excellent", 2021: "basic-competent"]
      $0.records = [record("R", "project", level: "provincial", rank: 1, count: 3)]
    }
    #expect(result.verdict == Verdict(kind: .ineligible, failedGates: ["g"]))
    #expect(result.codes.contains(.gateFailed))
    #expect(
      result.gates.first?.findings == [.assessmentBelow(year: 2021, grade: "basic-competent", minimum: "competent")])
  }

  @Test func missingAssessmentYearFails() {
    let result = check(AnnualAssessmentGate(years: [2019, 2020, 2021], minimum: "competent")) {
      $0.assessments = [2020: "competent", 2021: "competent"]
    }
    #expect(result.verdict.kind == .ineligible)
  }

  private func hours(_ total: Int, professional: Int? = nil) -> [String: Points] {
    let professionalHours = professional ?? total - 30
    return ["professional": Points(professionalHours), "public": Points(total - professionalHours)]
  }

  private let jiaxing2021 = ContinuingEducationRequirement(
    years: [2019, 2020, 2021], perYearTotal: 90, perYearByKind: [:], cumulativeAllowance: 270,
    allowanceNeedsFinalYear: true, cumulativeMinimum: nil, unit: "hours")

  @Test func continuingEducationNeedsEachYear() {
    let result = check(jiaxing2021) {
      $0.continuingEducation = [2019: hours(90), 2020: hours(90), 2021: hours(89)]
    }
    #expect(result.verdict.kind == .ineligible)
    #expect(
      result.gates[0].findings.contains(.hoursShort(year: 2021, have: Points(89), needed: Points(90), unit: "hours")))
    #expect(result.gates[0].findings.map(\.code) == ["hours-short", "cumulative-hours-short"])
  }

  @Test func cumulativeAllowanceMakesUpForShortEarlierYears() {
    let at = check(jiaxing2021) {
      $0.continuingEducation = [2019: hours(60), 2020: hours(120), 2021: hours(90)]
    }
    #expect(at.gates[0].passed)
    let below = check(jiaxing2021) {
      $0.continuingEducation = [2019: hours(60), 2020: hours(119), 2021: hours(90)]
    }
    #expect(!below.gates[0].passed)
  }

  @Test func allowanceCanRequireTheFinalYearComplete() {
    let result = check(jiaxing2021) {
      $0.continuingEducation = [2019: hours(150), 2020: hours(60), 2021: hours(60)]
    }
    #expect(!result.gates[0].passed)
    var relaxed = jiaxing2021
    relaxed.allowanceNeedsFinalYear = false
    let passes = check(relaxed) {
      $0.continuingEducation = [2019: hours(150), 2020: hours(60), 2021: hours(60)]
    }
    #expect(passes.gates[0].passed)
  }

  @Test func hoursByKindAreCheckedEachYear() {
    let anji = ContinuingEducationRequirement(
      years: [2020], perYearTotal: 90, perYearByKind: ["professional": 60, "public": 18], cumulativeAllowance: nil,
      allowanceNeedsFinalYear: false, cumulativeMinimum: nil, unit: "hours")
    #expect(
      check(anji) { $0.continuingEducation = [2020: hours(90, professional: 72)] }.gates[0].passed
    )
    #expect(
      !check(anji) { $0.continuingEducation = [2020: hours(90, professional: 73)] }.gates[0]
        .passed)
    #expect(
      !check(anji) { $0.continuingEducation = [2020: hours(90, professional: 59)] }.gates[0]
        .passed)
  }

  @Test func cumulativeMinimumIsRequiredOverTheWindow() {
    let linping = ContinuingEducationRequirement(
      years: [2019, 2020, 2021, 2022], perYearTotal: nil, perYearByKind: [:], cumulativeAllowance: nil,
      allowanceNeedsFinalYear: false, cumulativeMinimum: 45, unit: "credits")
    #expect(
      check(linping) {
        $0.continuingEducation = [2019: ["public": 20], 2022: ["professional": 25]]
      }.gates[0].passed)
    #expect(
      !check(linping) {
        $0.continuingEducation = [2019: ["public": 20], 2022: ["professional": p("24.5")]]
      }.gates[0].passed)
  }

  @Test func scopeExcludesSpecialtiesSectorsAndResidency() {
    let scope = ScopeRequirement(
      specialties: nil, excludedSpecialties: ["computer-software"], excludedSectors: ["civil-service"],
      residency: ["citizen", "foreign-permanent", "hmt"])
    #expect(check(scope) { _ in }.gates[0].passed)
    #expect(!check(scope) { $0.specialty = "computer-software" }.gates[0].passed)
    #expect(!check(scope) { $0.employer.sector = "civil-service" }.gates[0].passed)
    #expect(check(scope) { $0.residency = "hmt" }.gates[0].passed)
    #expect(!check(scope) { $0.residency = "foreign-other" }.gates[0].passed)
  }

  @Test func recommendationsNeedEnoughExpertsOfTheLevel() {
    let kind = RecommendationsGate(minimum: 2, level: "full-senior")
    #expect(
      !check(kind) {
        $0.recommendations = [
          Recommendation(expert: "甲", level: "full-senior"), Recommendation(expert: "乙", level: "senior"),
        ]
      }.gates[0].passed)
    #expect(
      check(kind) {
        $0.recommendations = [
          Recommendation(expert: "甲", level: "full-senior"), Recommendation(expert: "乙", level: "full-senior"),
        ]
      }.gates[0].passed)
  }

  @Test func conditionGateFailsWhenTheConditionDoesNot() {
    let condition = Condition(test: Condition.Test(FactCondition(name: "years.skill", comparison: .atLeast(3))))
    #expect(
      check(ConditionGate(condition: condition)) {
        $0.skill = SkillRecord(level: "technician", date: Day("2020-01-02")!)
      }.gates[0]
        .passed == false)
    #expect(
      check(ConditionGate(condition: condition)) {
        $0.skill = SkillRecord(level: "technician", date: Day("2020-01-01")!)
      }.gates[0]
        .passed)
    #expect(
      check(ConditionGate(condition: condition)) {
        $0.skill = SkillRecord(level: "technician", date: Day("2019-12-31")!)
      }.gates[0]
        .passed)
  }

  // MARK: - Materials

  private let photoRule = MaterialRequirement(
    idPhoto: PhotoRequirement(
      extensions: ["jpg", "jpeg"], minBytesExclusive: 30 * 1024, maxBytesExclusive: 1024 * 1024, minWidth: 215,
      minHeight: 300, minAspect: p("0.65"), maxAspect: p("0.8")),
    attachmentsMustExist: true)

  /// A JPEG header with a frame of the given size, padded to `bytes`.
  static func jpeg(width: Int, height: Int, bytes: Int) -> [UInt8] {
    var data: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10] + Array(repeating: 0, count: 14)
    data += [
      0xFF, 0xC0, 0x00, 0x11, 0x08, UInt8(height >> 8), UInt8(height & 0xFF), UInt8(width >> 8), UInt8(width & 0xFF),
    ]
    data += Array(repeating: 0, count: max(0, bytes - data.count - 2)) + [0xFF, 0xD9]
    return data
  }

  private func inspect(photo: [UInt8], name: String = "photo.jpg") throws -> (Portfolio, MaterialInspection) {
    let directory = try Scratch.directory()
    try Data(photo).write(to: directory.appendingPathComponent(name))
    var portfolio = Fixture.portfolio("minimal-portfolio.json")
    portfolio.attachments = [Attachment(kind: "id-photo", path: name), Attachment(kind: "degree", path: "missing.pdf")]
    return (portfolio, MaterialInspection.inspect(portfolio, baseDirectory: directory.path))
  }

  @Test func filesHandedInAreInspectedAsTheSameFilesInAFolder() throws {
    let photo = GateTests.jpeg(width: 214, height: 300, bytes: 40_000)
    let (portfolio, fromFolder) = try inspect(photo: photo)
    let handedIn = MaterialInspection.inspect(portfolio, files: ["photo.jpg": photo])
    #expect(handedIn == fromFolder && handedIn.missingAttachments == [1])
    #expect(handedIn.photo?.pixels?.width == 214 && handedIn.photo?.bytes == 40_000)
    #expect(MaterialInspection.inspect(portfolio, files: [:]).missingAttachments == [0, 1])
  }

  @Test func jpegHeaderGivesThePixelSize() {
    let size = JPEGHeader.pixelSize(of: GateTests.jpeg(width: 240, height: 320, bytes: 40_000))
    #expect(size?.width == 240 && size?.height == 320)
    #expect(JPEGHeader.pixelSize(of: [0x89, 0x50, 0x4E, 0x47]) == nil)
  }

  @Test func photoWithinEveryLimitPassesAndMissingAttachmentFails() throws {
    let (portfolio, inspection) = try inspect(photo: GateTests.jpeg(width: 240, height: 320, bytes: 40_000))
    #expect(inspection.missingAttachments == [1])
    let result = Evaluator(sheet: sheet(with: gate(photoRule))).evaluate(portfolio, materials: inspection)
    #expect(result.gates[0].findings == [.attachmentMissing(path: "missing.pdf")])
  }

  @Test func photoOutsideTheLimitsFailsEachCheck() throws {
    let cases: [([UInt8], String, String)] = [
      (GateTests.jpeg(width: 240, height: 320, bytes: 30 * 1024), "photo.jpg", "photo-bytes"),
      (GateTests.jpeg(width: 240, height: 320, bytes: 1024 * 1024), "photo.jpg", "photo-bytes"),
      (GateTests.jpeg(width: 214, height: 300, bytes: 40_000), "photo.jpg", "photo-pixels"),
      (GateTests.jpeg(width: 300, height: 300, bytes: 40_000), "photo.jpg", "photo-aspect"),
      (GateTests.jpeg(width: 240, height: 320, bytes: 40_000), "photo.png", "photo-format"),
    ]
    for (bytes, name, expected) in cases {
      var (portfolio, inspection) = try inspect(photo: bytes, name: name)
      portfolio.attachments.removeLast()
      inspection.missingAttachments = []
      let result = Evaluator(sheet: sheet(with: gate(photoRule))).evaluate(portfolio, materials: inspection)
      #expect(result.gates[0].findings.contains { $0.code == expected }, "\(name) \(expected)")
    }
  }

  @Test func aspectBoundsAreInclusive() throws {
    // 260 × 400 is exactly 0.65; 240 × 300 is exactly 0.8.
    for (width, height) in [(260, 400), (240, 300)] {
      var (portfolio, inspection) = try inspect(photo: GateTests.jpeg(width: width, height: height, bytes: 40_000))
      portfolio.attachments.removeLast()
      inspection.missingAttachments = []
      let result = Evaluator(sheet: sheet(with: gate(photoRule))).evaluate(portfolio, materials: inspection)
      #expect(result.gates[0].passed, "\(width)×\(height)")
    }
  }

  @Test func findingsAreWordedInBothLanguagesOnlyWhenShown() {
    let finding = GateFinding.hoursShort(year: 2021, have: Points(72), needed: Points(90), unit: "hours")
    #expect(finding.text(.en) == "continuing education 2021: 72 of 90 hours")
    #expect(finding.text(.zh) == "继续教育 2021 年：72/90 学时")
    #expect(
      GateFinding.cumulativeShort(
        total: Points(200), allowance: Points(270), unit: "credits", finalYearIncomplete: true
      )
      .text(.zh) == "累计 200/270 学分，且当年学时未完成")
    #expect(
      GateFinding.spanShort(firstYear: 2019, lastYear: 2021, total: Points(80), minimum: Points(90), unit: "hours")
        .text(.en)
        == "continuing education 2019–2021: 80 of 90 hours")
  }
}
