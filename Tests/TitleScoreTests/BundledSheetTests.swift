import Foundation
import Testing

@testable import TitleScore

@Suite struct BundledSheetTests {
  @Test func everyBundledDocumentIsValidAndItsExamplesPass() {
    let files = ScoresheetLibrary.jsonFiles(under: Bundled.directory)
    #expect(files.count >= 19)
    for file in files {
      let report = DocumentCheck.check(file: file)
      #expect(report.diagnostics.isEmpty, "\(file): \(report.diagnostics)")
    }
  }

  @Test func everyRouteOfTheNoticesIsBundled() {
    let ids = Set(Bundled.library.sheets.map(\.id))
    for id in [
      "jiaxing-2022-energy-engineer-self-score", "jiaxing-2021-information-technology-engineer-self-score",
      "shaoxing-2022-eco-environment-engineer-self-score", "shaoxing-2022-eco-environment-senior-engineer-self-score",
      "linping-2022-manufacturing-engineer-normal", "linping-2022-manufacturing-engineer-direct",
      "linping-2022-manufacturing-engineer-exceptional", "linping-2022-manufacturing-engineer-skill-talent",
      "jiaxing-2022-energy-assistant-engineer-skill-talent", "jiaxing-2022-energy-engineer-skill-talent",
      "anji-2021-assistant-engineer-skill-talent", "anji-2021-engineer-skill-talent",
      "anji-2021-senior-engineer-skill-talent",
      "shaoxing-2022-eco-environment-engineer-skill-talent",
      "shaoxing-2022-eco-environment-senior-engineer-skill-talent",
      "shaoxing-2022-eco-environment-full-senior-engineer-honour",
    ] {
      #expect(ids.contains(id), "\(id) is missing")
    }
    #expect(Bundled.library.guides.map(\.id) == ["anji-2021-without-required-education"])
  }

  @Test func thresholdsAreThoseOfTheNotices() {
    #expect(Bundled.sheet("jiaxing-2022-energy-engineer-self-score").threshold == 60)
    #expect(Bundled.sheet("jiaxing-2021-information-technology-engineer-self-score").threshold == 60)
    #expect(Bundled.sheet("shaoxing-2022-eco-environment-engineer-self-score").threshold == 80)
    #expect(Bundled.sheet("shaoxing-2022-eco-environment-senior-engineer-self-score").threshold == 80)
  }

  @Test func everyItemCarriesProvenance() {
    for sheet in Bundled.library.sheets {
      func visit(_ item: Item) {
        #expect(!item.provenance.clause.isEmpty, "\(sheet.id) \(item.id)")
        item.rule.alternatives.forEach(visit)
      }
      func visit(_ category: Category) {
        #expect(!category.provenance.clause.isEmpty)
        category.items.forEach(visit)
        category.categories.forEach(visit)
      }
      sheet.categories.forEach(visit)
      for gate in sheet.gates { #expect(!gate.provenance.clause.isEmpty, "\(sheet.id) \(gate.id)") }
      #expect(!sheet.examples.isEmpty, "\(sheet.id) has no worked examples")
    }
  }

  @Test func seniorSelfScoreRaisesTheInterviewFlagWithItsReason() throws {
    let sheet = Bundled.sheet("shaoxing-2022-eco-environment-senior-engineer-self-score")
    #expect(sheet.flags.count == 7)
    let portfolio = try Portfolio.decode(
      json: Array(
        try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/shaoxing-senior-engineer.json"))))
    let result = Evaluator(sheet: sheet).evaluate(portfolio)
    // Self-score for senior engineer, and a master's degree obtained in 2021 (less than 2 years before the cut-off).
    #expect(result.flags.map(\.triggerID) == ["self-score-senior", "recent-later-degree"])
    #expect(result.flags.allSatisfy { $0.flag == "interview-required" })
  }

  @Test func examplePortfoliosDecode() throws {
    for file in ScoresheetLibrary.jsonFiles(under: Bundled.examplesDirectory) {
      let report = DocumentCheck.check(file: file)
      #expect(report.diagnostics.isEmpty, "\(file)")
    }
  }
}

@Suite struct ExplanationTests {
  private func explained(_ language: Language) throws -> (Explanation, String) {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    let portfolio = try Portfolio.decode(
      json: Array(
        try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/jiaxing-energy-engineer.json"))))
    let explanation = Explanation(
      sheet: sheet, portfolio: portfolio, result: Evaluator(sheet: sheet).evaluate(portfolio), language: language)
    return (explanation, ResultTextRenderer(explanation: explanation).render())
  }

  @Test func textReportAlignsChineseByDisplayWidth() throws {
    let (_, text) = try explained(.zh)
    let lines = text.split(separator: "\n").map(String.init)
    let header = try #require(lines.firstIndex { $0.contains("指标") && $0.contains("得分") })
    let rule = lines[header + 1]
    // Every row of the table ends its points column where the rule ends.
    let width = DisplayWidth.of(rule)
    for line in lines[(header + 2)...].prefix(8) { #expect(DisplayWidth.of(line) == width, "\(line)") }
  }

  @Test func everyDeductionHasAMessageInBothLanguages() throws {
    let (zh, _) = try explained(.zh)
    let (en, _) = try explained(.en)
    for deduction in zh.result.deductions {
      #expect(!zh.message(deduction).isEmpty)
      #expect(!en.message(deduction).isEmpty)
      #expect(zh.message(deduction) != en.message(deduction))
    }
    for code in ReasonCode.allCases {
      #expect(en.message(Deduction(code)) != "")
      #expect(code.shortName(.zh) != code.shortName(.en))
    }
  }

  @Test func jsonResultRoundTripsAndCarriesClaims() throws {
    let (explanation, _) = try explained(.en)
    let json = try JSONValue.parse(Array(ResultJSONRenderer(explanation: explanation).render().utf8))
    #expect(json["verdict"] == .string("below-threshold"))
    #expect(json["total"] == .number(JSONNumber(text: "55.5")))
    guard case .array(let claims)? = json["claims"] else {
      Issue.record("no claims")
      return
    }
    #expect(claims.count == 10)
  }
}
