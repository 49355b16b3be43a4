import Foundation
import TitleScore

/// `titlescore routes PORTFOLIO [--all]`: every matching route, best first.
enum RoutesCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError(Message(.cliRoutesOnePortfolio))
    }
    let language = try Console.language(arguments)
    let portfolio = try Console.portfolio(file, arguments)
    let library = try Console.library(arguments)
    for diagnostic in library.diagnostics { Console.error(diagnostic) }
    let advisor = RouteAdvisor(library: library, portfolio: portfolio, all: arguments.flags.contains("--all")) {
      sheet in
      Console.materials(for: portfolio, file: file, sheet: sheet)
    }
    Console.out(advisor.renderText(portfolio: portfolio, language: language))
    return 0
  }
}

/// `titlescore plan PORTFOLIO --sheet ID|FILE`: the fewest achievements that reach the threshold.
enum PlanCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError(Message(.cliPlanOnePortfolio))
    }
    guard let reference = arguments.value("--sheet") else { throw UsageError(Message(.cliPlanNeedsSheet)) }
    let sheet = try Console.sheet(reference, arguments)
    let portfolio = try Console.portfolio(file, arguments)
    let planner = Planner(sheet: sheet, maximumRecords: try arguments.integer("--max", default: 6))
    Console.out(
      planner.plan(portfolio).renderText(
        sheet: sheet, portfolio: portfolio, language: try Console.language(arguments),
        glossary: try Console.library(arguments).glossary))
    return 0
  }
}

/// `titlescore outcomes PORTFOLIO --sheet ID|FILE`: the exact distribution of the total over assessor ranges.
enum OutcomesCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError(Message(.cliOutcomesOnePortfolio))
    }
    guard let reference = arguments.value("--sheet") else { throw UsageError(Message(.cliOutcomesNeedsSheet)) }
    let sheet = try Console.sheet(reference, arguments)
    let portfolio = try Console.portfolio(file, arguments)
    guard let distribution = OutcomeDistribution(sheet: sheet, portfolio: portfolio) else {
      throw CommandFailure(
        Message(.cliOutcomesTooMany, .text("\(OutcomeDistribution.enumerationLimit)"))
      )
    }
    Console.out(distribution.renderText(language: try Console.language(arguments)))
    return 0
  }
}

/// `titlescore standing PORTFOLIO --cohort BATCH.json --sheet ID|FILE [--quota N | --pass-rate P]`.
enum StandingCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError(Message(.cliStandingOnePortfolio))
    }
    guard let reference = arguments.value("--sheet"), let cohortFile = arguments.value("--cohort") else {
      throw UsageError(Message(.cliStandingNeedsSheetAndCohort))
    }
    if arguments.value("--quota") != nil && arguments.value("--pass-rate") != nil {
      throw UsageError(Message(.cliQuotaOrPassRate))
    }
    let quota = arguments.value("--quota") == nil ? nil : try arguments.integer("--quota", default: 1)
    var passRate: Double?
    if let text = arguments.value("--pass-rate") {
      guard let rate = Double(text), rate > 0, rate <= 1 else {
        throw UsageError(Message(.cliPassRate))
      }
      passRate = rate
    }
    let sheet = try Console.sheet(reference, arguments)
    let portfolio = try Console.portfolio(file, arguments)
    let result = Evaluator(sheet: sheet).evaluate(
      portfolio, materials: Console.materials(for: portfolio, file: file, sheet: sheet))
    let tree: JSONValue
    do {
      tree = try JSONValue.parse(try Console.read(cohortFile))
    } catch let error as JSONSyntaxError {
      throw CommandFailure(
        Diagnostic(error.code, at: .root, error.message, file: cohortFile))
    }
    do {
      let standing = try CohortStanding(result: result, cohortReport: tree, quota: quota, passRate: passRate)
      Console.out(standing.renderText(language: try Console.language(arguments)))
    } catch let diagnostic as Diagnostic {
      throw CommandFailure(diagnostic.located(file: cohortFile))
    }
    return 0
  }
}
