import Foundation
import Testing

@testable import TitleScore

/// Values are checked once, for every source: decoded JSON, portfolios built in code, and (next) spreadsheets.
@Suite struct PortfolioCheckTests {
  private func applicant() -> Portfolio {
    var portfolio = Portfolio(id: "A1", name: "张三", specialty: "energy")
    portfolio.employer = Employer(name: "嘉兴禾润新能源科技有限公司")
    portfolio.records = [record("R1", "paper", level: "core", rank: 1), record("R2", "patent", level: "invention")]
    return portfolio
  }

  @Test func aPortfolioBuiltInCodeHasItsValuesCheckedAsADecodedOneDoes() throws {
    #expect(PortfolioCheck.firstProblem(in: applicant()) == nil)
    var bad = applicant()
    bad.records[1].rank = 0
    bad.continuingEducation = [2021: ["professional": -4]]
    let problems = PortfolioCheck.problems(in: bad)
    #expect(problems.map(\.code) == [.negativeValue, .negativeValue])
    #expect(problems.map(\.path.description) == ["continuingEducation.2021.professional", "records[1].rank"])
    // The same values written as JSON are refused with the same code and path.
    let json = """
      {"id": "A1", "name": "张三", "specialty": "energy", "employer": {"name": "嘉兴禾润新能源科技有限公司"},
       "records": [{"id": "R1", "type": "paper", "date": "2020-06-01"}, {"id": "R2", "type": "patent", "rank": 0,
       "date": "2020-06-01"}]}
      """
    #expect(throws: Diagnostic.self) { try Portfolio.decode(json: Array(json.utf8)) }
    do {
      _ = try Portfolio.decode(json: Array(json.utf8))
    } catch {
      #expect(error.code == .negativeValue && error.path.description == "records[1].rank")
    }
  }

  @Test func repeatedRecordIdsAreFoundWhateverTheSource() {
    var portfolio = applicant()
    portfolio.records[1].id = "R1"
    let problem = PortfolioCheck.firstProblem(in: portfolio)
    #expect(problem?.code == .duplicateID)
    #expect(problem?.path.description == "records[1].id")
  }

  @Test func aProblemIsLocatedByCellForAWorkbook() {
    var portfolio = applicant()
    portfolio.name = ""
    let problem = PortfolioCheck.firstProblem(in: portfolio)!
      .located(file: "applicants.xlsx", cell: CellReference(sheet: "申报人", row: 12, column: "D"))
    #expect(problem.description(.zh).hasPrefix("applicants.xlsx:申报人!D12："))
    #expect(problem.description(.en).hasPrefix("applicants.xlsx:申报人!D12: error[invalid-value] at name"))
  }

  @Test func aBatchOfPortfoliosInCodeRejectsTheOnesWhoseValuesFail() {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    var bad = applicant()
    bad.id = "A2"
    bad.records[0].count = 0
    let results = BatchRunner(sheet: sheet, jobs: 2).run(portfolios: [applicant(), bad], source: "form")
    #expect(results.scoredCount == 1 && results.rejected.count == 1)
    #expect(
      results.rejected.first?.line == 2 && results.rejected.first?.diagnostic.path.description == "records[0].count")
  }
}
