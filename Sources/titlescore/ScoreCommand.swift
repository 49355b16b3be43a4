import Foundation
import TitleScore

/// `titlescore score PORTFOLIO --sheet ID|FILE`: one explained result, as text or JSON; `--add` scores a what-if.
enum ScoreCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positional.count == 1, let file = arguments.positional.first else {
      throw UsageError(Message(.cliScoreOnePortfolio))
    }
    guard let sheetReference = arguments.value("--sheet") else { throw UsageError(Message(.cliScoreNeedsSheet)) }
    let format = arguments.value("--format") ?? "text"
    guard format == "text" || format == "json" else { throw UsageError(Message(.cliFormatTextOrJson)) }
    let language = try Console.language(arguments)
    let sheet = try Console.sheet(sheetReference, arguments)
    let portfolio = try Console.portfolio(file, arguments)
    let evaluator = Evaluator(sheet: sheet)
    let materials = Console.materials(for: portfolio, file: file, sheet: sheet)
    let result = evaluator.evaluate(portfolio, materials: materials)
    let explanation = Explanation(sheet: sheet, portfolio: portfolio, result: result, language: language)

    // `--fail-below`: a script learns from the status whether the applicant passes (3 when not).
    let failStatus: Int32 = arguments.flags.contains("--fail-below") && result.verdict.kind != .pass ? 3 : 0
    let additions = arguments.values("--add")
    guard !additions.isEmpty else {
      Console.out(
        format == "json"
          ? ResultJSONRenderer(explanation: explanation).render()
          : ResultTextRenderer(explanation: explanation, trace: arguments.flags.contains("--trace")).render())
      return failStatus
    }
    var records: [AchievementRecord] = []
    for addition in additions {
      do {
        records += try AchievementRecord.decodeList(
          json: try Console.read(addition), glossary: try Console.library(arguments).glossary)
      } catch let diagnostic as Diagnostic {
        throw CommandFailure(diagnostic.located(file: addition))
      }
    }
    let whatIf = WhatIf(sheet: sheet, portfolio: portfolio, added: records, materials: materials)
    let after = Explanation(sheet: sheet, portfolio: whatIf.changedPortfolio, result: whatIf.after, language: language)
    if format == "json" {
      Console.out(WhatIfRenderer(before: explanation, after: after).renderJSON())
    } else {
      Console.out(ResultTextRenderer(explanation: after, trace: arguments.flags.contains("--trace")).render())
      Console.out("\n" + WhatIfRenderer(before: explanation, after: after).renderText())
    }
    return arguments.flags.contains("--fail-below") && whatIf.after.verdict.kind != .pass ? 3 : 0
  }
}
