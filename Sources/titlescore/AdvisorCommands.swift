import Foundation
import TitleScore

/// `titlescore routes PORTFOLIO [--all]`: every matching route, best first.
enum RoutesCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    try arguments.allow(["--all", "--lang", "--sheets"])
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError("routes takes one portfolio file")
    }
    let language = try Console.language(arguments)
    let portfolio = try Console.portfolio(file)
    let library = Console.library(arguments)
    for diagnostic in library.diagnostics { Console.error(diagnostic.description) }
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
    try arguments.allow(["--sheet", "--lang", "--sheets", "--max"])
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError("plan takes one portfolio file")
    }
    guard let reference = arguments.value("--sheet") else { throw UsageError("plan needs --sheet ID|FILE") }
    let sheet = try Console.sheet(reference, arguments)
    let portfolio = try Console.portfolio(file)
    let planner = Planner(sheet: sheet, maximumRecords: try arguments.integer("--max", default: 6))
    Console.out(
      planner.plan(portfolio).renderText(sheet: sheet, portfolio: portfolio, language: try Console.language(arguments)))
    return 0
  }
}

/// `titlescore outcomes PORTFOLIO --sheet ID|FILE`: the exact distribution of the total over assessor ranges.
enum OutcomesCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    try arguments.allow(["--sheet", "--lang", "--sheets"])
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError("outcomes takes one portfolio file")
    }
    guard let reference = arguments.value("--sheet") else { throw UsageError("outcomes needs --sheet ID|FILE") }
    let sheet = try Console.sheet(reference, arguments)
    let portfolio = try Console.portfolio(file)
    guard let distribution = OutcomeDistribution(sheet: sheet, portfolio: portfolio) else {
      throw CommandFailure(
        "more than \(OutcomeDistribution.enumerationLimit) combinations in one group of coupled categories; decide some ranges first"
      )
    }
    Console.out(distribution.renderText(language: try Console.language(arguments)))
    return 0
  }
}

/// `titlescore standing PORTFOLIO --cohort BATCH.json --sheet ID|FILE [--quota N | --pass-rate P]`.
enum StandingCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    try arguments.allow(["--sheet", "--cohort", "--quota", "--pass-rate", "--lang", "--sheets"])
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError("standing takes one portfolio file")
    }
    guard let reference = arguments.value("--sheet"), let cohortFile = arguments.value("--cohort") else {
      throw UsageError("standing needs --sheet ID|FILE and --cohort BATCH.json")
    }
    if arguments.value("--quota") != nil && arguments.value("--pass-rate") != nil {
      throw UsageError("give --quota or --pass-rate, not both")
    }
    let quota = arguments.value("--quota") == nil ? nil : try arguments.integer("--quota", default: 1)
    var passRate: Double?
    if let text = arguments.value("--pass-rate") {
      guard let rate = Double(text), rate > 0, rate <= 1 else {
        throw UsageError("--pass-rate takes a share above 0 and at most 1")
      }
      passRate = rate
    }
    let sheet = try Console.sheet(reference, arguments)
    let portfolio = try Console.portfolio(file)
    let result = Evaluator(sheet: sheet).evaluate(
      portfolio, materials: Console.materials(for: portfolio, file: file, sheet: sheet))
    let tree: JSONValue
    do {
      tree = try JSONValue.parse(try Console.read(cohortFile))
    } catch let error as JSONSyntaxError {
      throw CommandFailure(
        Diagnostic(error.code, at: .root, error.message, file: cohortFile).description)
    }
    do {
      let standing = try CohortStanding(result: result, cohortReport: tree, quota: quota, passRate: passRate)
      Console.out(standing.renderText(language: try Console.language(arguments)))
    } catch let diagnostic as Diagnostic {
      throw CommandFailure(diagnostic.located(file: cohortFile).description)
    }
    return 0
  }
}
