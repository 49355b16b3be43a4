// An example of the library's public API, built as a program of its own: it loads the bundled sheets, builds a
// portfolio in code, scores it, prints the explanation in Chinese, and asks the planner what would close the gap.
// A test type-checks it under a package name of its own, as a program outside this package: it may use only what
// TitleScore makes public.
//
//   swift run ScoreInCode [SHEETS-FOLDER]

import Foundation
import TitleScore

let sheetsFolder = CommandLine.arguments.dropFirst().first ?? "scoresheets"
let library = ScoresheetLibrary(directory: sheetsFolder)
guard let sheet = library.sheet(id: "jiaxing-2022-energy-engineer-self-score") else {
  let problems = library.diagnostics.map { $0.description(.zh) }.joined(separator: "\n")
  FileHandle.standardError.write(Data("找不到评分表（\(sheetsFolder)）\n\(problems)\n".utf8))
  exit(1)
}

var portfolio = Portfolio(id: "EX-001", name: "王伟", specialty: "energy")
portfolio.employer = Employer(name: "嘉兴南湖电力工程有限公司", city: "jiaxing")
portfolio.education = [
  EducationRecord(level: "bachelor", degree: "bachelor", major: "电气工程及其自动化", date: Day("2010-07-01")!)
]
portfolio.workStart = Day("2010-08-01")
portfolio.currentTitle = TitleRecord(title: "assistant-engineer", date: Day("2015-12-30")!)
portfolio.continuingEducation = [
  2019: ["professional": 64, "public": 30], 2020: ["professional": 60, "public": 30],
  2021: ["professional": 60, "public": 30], 2022: ["professional": 90, "public": 30],
]
portfolio.assessments = [2019: "competent", 2020: "excellent", 2021: "competent"]
portfolio.records = [
  AchievementRecord(
    id: "R1", type: "engineering-project", level: "city", rank: 1, date: Day("2019-06-30")!,
    title: "南湖区10kV配电网改造工程"),
  AchievementRecord(
    id: "R2", type: "patent", level: "utility-model", rank: 1, date: Day("2020-03-15")!, title: "一种电缆接头测温装置"),
]

let result = Evaluator(sheet: sheet).evaluate(portfolio)
let explanation = Explanation(sheet: sheet, portfolio: portfolio, result: result, language: .zh)
print(ResultTextRenderer(explanation: explanation).render())
if case .plans(let plans, let window) = Planner(sheet: sheet).plan(portfolio), let cheapest = plans.first {
  print("最省力：补充 \(cheapest.steps.count) 项业绩（\(window.until) 前取得）后总分 \(cheapest.result.total)：")
  for step in cheapest.steps {
    print("  + \(step.record.type) \(step.record.level ?? "") → +\(step.adds)（难度 \(step.effort)）")
  }
}
