import Foundation
import Testing

@testable import TitleScore

/// Values as people write them: the shared vocabulary (`scoresheets/vocabulary.json`) resolves the Chinese terms
/// to codes, and a value no list knows is a located error naming the accepted values, never a silent zero.
@Suite struct GlossaryTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")

  private func example(_ change: (inout [String: Any]) -> Void) throws -> [UInt8] {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/jiaxing-energy-engineer.json"))
    var object = try JSONSerialization.jsonObject(with: bytes) as! [String: Any]
    change(&object)
    return [UInt8](try JSONSerialization.data(withJSONObject: object))
  }

  /// The applicant of `examples/jiaxing-energy-engineer.json` with every closed value written in Chinese.
  private func writtenInChinese() throws -> [UInt8] {
    try example { object in
      object["specialty"] = "能源"
      var employer = object["employer"] as! [String: Any]
      employer["city"] = "嘉兴"
      employer["sector"] = "企业"
      object["employer"] = employer
      var education = object["education"] as! [[String: Any]]
      education[0]["level"] = "大专"
      education[1]["level"] = "本科"
      education[1]["degree"] = "学士学位"
      object["education"] = education
      var title = object["currentTitle"] as! [String: Any]
      title["title"] = "助理工程师"
      object["currentTitle"] = title
      object["assessments"] = ["2019": "合格", "2020": "优秀", "2021": "称职（或合格）"]
      var records = object["records"] as! [[String: Any]]
      records[0]["type"] = "科研项目"
      records[0]["level"] = "省级"
      records[1]["level"] = "市级"
      object["records"] = records
    }
  }

  @Test func chineseTermsResolveToCodesAndScoreAsTheCodesDo() throws {
    let coded = try Portfolio.decode(json: try example { _ in })
    let written = try Portfolio.decode(json: try writtenInChinese())
    #expect(
      written.specialty == "energy" && written.employer.city == "jiaxing" && written.employer.sector == "enterprise")
    #expect(written.education.map(\.level) == ["junior-college", "bachelor"])
    #expect(written.currentTitle?.title == "assistant-engineer")
    #expect(written.records[0].type == "research-project" && written.records[1].level == "city")
    let evaluator = Evaluator(sheet: sheet)
    let fromCodes = evaluator.evaluate(coded)
    let fromTerms = evaluator.evaluate(written)
    #expect(fromTerms.total == fromCodes.total)
    #expect(fromTerms.verdict == fromCodes.verdict)
    #expect(!fromTerms.deductions.contains { $0.code == .valueOutsideVocabulary })
  }

  @Test func theDecoderAndTheResolverOfPortfoliosBuiltInCodeAgreeOnEveryField() throws {
    // Every closed list written in Chinese, some with full-width brackets and spaces around them.
    let text = """
      {"id": "Z1", "name": "张三", "employer": {"name": "某公司", "sector": "事业单位", "city": " 绍兴市 "},
       "residency": "港澳台", "specialty": "生态环境",
       "education": [{"level": "硕士研究生", "degree": "硕士学位", "major": "环境工程", "date": "2012-07-01"}],
       "workStart": "2012-07-01", "currentTitle": {"title": "工程师", "date": "2017-12-01"},
       "skill": {"level": "高级技师", "date": "2016-01-01"},
       "continuingEducation": {"2021": {"专业科目": 60, "公需科目": 30}},
       "assessments": {"2019": "优秀", "2020": "基本合格", "2021": "称职（合格）"},
       "honours": ["全国技术能手", {"honour": "世界技能大赛金牌", "date": "2020-01-01"}],
       "records": [{"id": "R1", "type": "论文", "level": "核心期刊", "date": "2020-06-01", "status": "已录用",
                    "authorship": "独著", "acquired": "原始取得",
                    "material": {"problem": "不规范", "severity": "较重"}},
                   {"id": "R2", "type": "专利", "level": "发明专利", "date": "2021-03-01", "status": "已授权",
                    "acquired": "受让"}],
       "recommendations": [{"expert": "李四", "level": "正高级"}]}
      """
    let decoded = try Portfolio.decode(json: Array(text.utf8))
    var resolved = try Portfolio.decode(json: Array(text.utf8), glossary: .empty)
    #expect(Glossary.bundled.problems(resolving: &resolved).isEmpty)
    #expect(decoded == resolved)
    #expect(decoded.employer.city == "shaoxing" && decoded.residency == "hmt")
    #expect(decoded.continuingEducation.entries.map(\.kind) == ["professional", "public"])
    #expect(decoded.assessments.entries.map(\.grade) == ["excellent", "basic-competent", "competent"])
    #expect(decoded.honours.map(\.code) == ["national-technical-expert", "worldskills-gold"])
    #expect(decoded.records.map(\.status) == ["accepted", "granted"])
    #expect(decoded.records[1].acquired == "transfer" && decoded.records[0].material?.severity == "major")
    #expect(decoded.recommendations.map(\.level) == ["full-senior"])
  }

  @Test func qualifiedCountsAsCompetentAsTheNoticesWrite() throws {
    // The notices write "称职（或合格）": 合格 is the competent grade, 基本合格 the basically competent one.
    let glossary = Glossary.bundled
    #expect(try glossary.code(of: "合格", in: .assessmentGrade).get() == "competent")
    #expect(try glossary.code(of: "称职（或合格）", in: .assessmentGrade).get() == "competent")
    #expect(try glossary.code(of: "称职(或合格)", in: .assessmentGrade).get() == "competent")
    #expect(try glossary.code(of: "基本合格", in: .assessmentGrade).get() == "basic-competent")
    #expect(try glossary.code(of: " Competent ", in: .assessmentGrade).get() == "competent")
  }

  @Test func aValueOutsideEveryListIsALocatedErrorNamingTheAcceptedValues() throws {
    let bytes = try example { object in
      var education = object["education"] as! [[String: Any]]
      education[1]["level"] = "大本科"
      object["education"] = education
    }
    do {
      _ = try Portfolio.decode(json: bytes)
      Issue.record("an unknown education level was accepted")
    } catch {
      #expect(error.code == .valueOutsideVocabulary)
      #expect(error.path.description == "education[1].level")
      let chinese = error.message.text(.zh)
      #expect(chinese.contains("大本科") && chinese.contains("本科（bachelor）") && chinese.contains("硕士（master）"))
    }
  }

  @Test func aBatchRejectsARecordWithAnUnknownValueAtItsLineAndScoresTheRest() throws {
    let good = String(decoding: try writtenInChinese(), as: UTF8.self)
    let bad = String(
      decoding: try example { object in
        object["id"] = "JX-BAD"
        object["assessments"] = ["2019": "良好", "2020": "优秀", "2021": "称职"]
      }, as: UTF8.self)
    let file = Scratch.file("jsonl")
    try (good + "\n" + bad + "\n").write(to: file, atomically: true, encoding: .utf8)
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([file.path])
    #expect(results.scoredCount == 1)
    #expect(results.rejected.count == 1)
    #expect(results.rejected.first?.line == 2)
    #expect(results.rejected.first?.diagnostic.code == .valueOutsideVocabulary)
    #expect(results.rejected.first?.diagnostic.path.description == "assessments.2019")
  }

  @Test func withAnEmptyGlossaryValuesAreTakenAsWritten() throws {
    let written = try Portfolio.decode(json: try writtenInChinese(), glossary: .empty)
    #expect(written.education[1].level == "本科")
    // The engine then says the sheet cannot place the value, rather than scoring it as zero unsaid.
    let result = Evaluator(sheet: sheet).evaluate(written)
    #expect(result.deductions.contains { $0.code == .valueOutsideVocabulary })
  }

  @Test func everyCodeABundledSheetOrGuideNamesIsInTheSharedVocabulary() {
    let glossary = Bundled.library.glossary
    var missing: [String] = []
    func expect(_ codes: [String], _ list: Glossary.List, _ owner: String) {
      for code in codes where !(glossary[list]?.contains(code: code) ?? false) {
        missing.append("\(owner): \(list.rawValue) \(code)")
      }
    }
    for sheet in Bundled.library.sheets {
      let vocabulary = sheet.vocabulary
      expect(vocabulary.educationLevels + Array(vocabulary.educationEquivalents.keys), .educationLevel, sheet.id)
      expect(vocabulary.degreeLevels, .degree, sheet.id)
      expect(vocabulary.titles + [sheet.targetTitle], .title, sheet.id)
      expect(vocabulary.skillLevels, .skillLevel, sheet.id)
      expect(vocabulary.assessmentGrades, .assessmentGrade, sheet.id)
      let selectors = sheet.itemsInOrder.compactMap { $0.item.rule.recordSelector } + sheet.conditionRecordSelectors
      expect(selectors.flatMap(\.types), .recordType, sheet.id)
      expect(sheet.recordLevels, .recordLevel, sheet.id)
      if let material = sheet.validity.material {
        expect(material.problems, .materialProblem, sheet.id)
        expect(material.severities.map(\.severity), .materialSeverity, sheet.id)
      }
      for gate in sheet.gates {
        guard let scope = gate.kind.as(ScopeRequirement.self) else { continue }
        expect((scope.specialties ?? []) + scope.excludedSpecialties, .specialty, sheet.id)
        expect(scope.excludedSectors, .sector, sheet.id)
        expect(scope.residency ?? [], .residency, sheet.id)
      }
    }
    for guide in Bundled.library.guides {
      expect([guide.city], .city, guide.id)
      expect(guide.entries.flatMap(\.specialties), .specialty, guide.id)
      expect(guide.entries.flatMap { $0.sectors ?? [] }, .sector, guide.id)
    }
    #expect(missing.isEmpty, "codes without a term: \(missing)")
  }

  @Test func aTermTwoCodesClaimOrAnUnknownListIsAnErrorInTheVocabularyFile() throws {
    let text = """
      {"vocabularies": {
        "assessmentGrade": {"name": {"zh": "年度考核结果", "en": "grade"}, "terms": [
          {"code": "competent", "zh": ["称职", "合格"]}, {"code": "excellent", "zh": ["优秀", "合格"]}]},
        "hairColour": {"name": {"zh": "发色", "en": "hair"}, "terms": []}}}
      """
    let outcome = Glossary.load(tree: try JSONValue.parse(Array(text.utf8)), file: "vocabulary.json")
    let paths = outcome.diagnostics.map(\.path.description)
    #expect(outcome.diagnostics.allSatisfy { $0.code == .invalidValue && $0.file == "vocabulary.json" })
    #expect(paths.contains("vocabularies.assessmentGrade.terms[1]"))
    #expect(paths.contains("vocabularies.hairColour"))
  }

  @Test func aFolderVocabularyReplacesTheBundledListOfTheSameName() throws {
    let folder = try Scratch.directory()
    let text = """
      {"vocabularies": {"city": {"name": {"zh": "地区", "en": "city"}, "terms": [
        {"code": "jiaxing", "zh": ["嘉兴", "禾城"], "en": "Jiaxing"}]}}}
      """
    try text.write(to: folder.appendingPathComponent("vocabulary.json"), atomically: true, encoding: .utf8)
    let library = ScoresheetLibrary.bundled.overridden(by: ScoresheetLibrary(directory: folder.path))
    #expect(try library.glossary.code(of: "禾城", in: .city).get() == "jiaxing")
    #expect((try? library.glossary.code(of: "绍兴", in: .city).get()) == nil)
    // The lists the folder does not give stay as bundled.
    #expect(try library.glossary.code(of: "本科", in: .educationLevel).get() == "bachelor")
  }
}

/// `check PORTFOLIO --sheet ID`: what a portfolio gives that the sheet cannot use, and what it leaves out.
@Suite struct PortfolioFitTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")

  private func applicant() throws -> Portfolio {
    let bytes = try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/jiaxing-energy-engineer.json"))
    return try Portfolio.decode(json: [UInt8](bytes))
  }

  @Test func theExampleApplicantHasNoErrorsAndIsToldOfTheItemsItLeavesEmpty() throws {
    let findings = PortfolioFit.findings(try applicant(), against: sheet)
    #expect(findings.allSatisfy { $0.severity == .warning && $0.code == .fieldOmitted })
    // No book: the book item scores 0; an award scores, so the award-or-standard item is not named.
    #expect(findings.contains { $0.message.text(.zh).contains("没有著作类业绩") })
    #expect(!findings.contains { $0.message.text(.zh).contains("标准规范") })
  }

  @Test func missingAssessmentsAreNamedWithTheGateTheyFail() throws {
    var portfolio = try applicant()
    portfolio.assessments = [2019: "competent"]
    let findings = PortfolioFit.findings(portfolio, against: sheet).filter { $0.path.description != "records" }
    #expect(findings.map(\.code) == [.fieldOmitted, .fieldOmitted])
    #expect(findings.map(\.path.description) == ["assessments.2020", "assessments.2021"])
    #expect(findings.allSatisfy { $0.severity == .warning && $0.message.text(.zh).contains("年度考核") })
  }

  @Test func aMissingFactNamesTheItemItCostsAndItsMaximum() throws {
    var portfolio = try applicant()
    portfolio.workStart = nil
    let findings = PortfolioFit.findings(portfolio, against: sheet)
    let finding = findings.first { $0.path.description == "workStart" }
    #expect(finding?.code == .fieldOmitted)
    #expect(finding?.message.text(.en).contains("up to 10 points") == true)
  }

  @Test func noRecordsOfATypeAnItemCountsIsNamedWithWhatItCouldGive() throws {
    var portfolio = try applicant()
    portfolio.records.removeAll { $0.type == "paper" }
    let findings = PortfolioFit.findings(portfolio, against: sheet)
    #expect(findings.contains { $0.code == .fieldOmitted && $0.message.text(.zh).contains("没有论文类业绩") })
  }

  @Test func aValueTheSheetDoesNotListIsAnErrorAndARecordItNeverCountsAWarning() throws {
    var portfolio = try applicant()
    portfolio.skill = SkillRecord(level: "technician", date: Day(year: 2015, month: 1, day: 1)!)
    portfolio.education[0].level = "technician-class"
    let linping = Bundled.sheet("linping-2022-manufacturing-engineer-exceptional")
    let findings = PortfolioFit.findings(portfolio, against: linping)
    #expect(findings.contains { $0.code == .recordNotRead && $0.path.description.hasSuffix(".type") })
    #expect(findings.filter { $0.severity == .error }.allSatisfy { $0.code == .valueOutsideVocabulary })
    var unknown = try applicant()
    unknown.assessments = [2019: "competent", 2020: "good", 2021: "competent"]
    let graded = PortfolioFit.findings(unknown, against: sheet)
    #expect(graded.contains { $0.code == .valueOutsideVocabulary && $0.path.description == "assessments.2020" })
  }
}
