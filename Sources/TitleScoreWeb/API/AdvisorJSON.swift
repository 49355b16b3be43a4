import TitleScore

/// The advisor's answers as JSON for the API: the figures a page shows, and `text`, the same explanation the
/// command line prints (`titlescore plan`, `outcomes`, `routes`, `standing`).
enum AdvisorJSON {
  private static func verdict(_ result: ScoreResult, language: Language, into writer: inout JSONWriter) {
    writer.member("verdict", result.verdict.kind.rawValue)
    writer.member("verdictName", result.verdict.kind.name(language))
    writer.key("total")
    writer.interval(result.total)
    writer.key("threshold")
    if let threshold = result.threshold { writer.points(threshold) } else { writer.null() }
  }

  static func plan(
    _ outcome: Planner.Outcome, sheet: Scoresheet, portfolio: Portfolio, language: Language, glossary: Glossary
  ) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    switch outcome {
    case .noThreshold: writer.member("outcome", "no-threshold")
    case .alreadyPasses: writer.member("outcome", "already-passes")
    case .blockedByGates: writer.member("outcome", "blocked-by-gates")
    case .unreachable(let best, _):
      writer.member("outcome", "unreachable")
      writer.key("best")
      writer.interval(best)
    case .plans(let plans, let window):
      writer.member("outcome", "plans")
      writer.key("window")
      writer.beginObject()
      writer.key("from")
      if let from = window.from { writer.string(from.description) } else { writer.null() }
      writer.member("until", window.until.description)
      writer.endObject()
      writer.key("plans")
      writer.beginArray()
      for plan in plans {
        writer.beginObject()
        writer.member("aim", plan.aim.rawValue)
        writer.member("effort", integer: plan.effort)
        verdict(plan.result, language: language, into: &writer)
        writer.key("steps")
        writer.beginArray()
        for step in plan.steps {
          writer.beginObject()
          writer.member("item", step.itemID)
          writer.member("type", step.record.type)
          writer.member("typeName", glossary.name(of: step.record.type, in: .recordType, language))
          if let level = step.record.level {
            writer.member("level", level)
            writer.member("levelName", glossary.name(of: level, in: .recordLevel, language))
          }
          writer.key("adds")
          writer.interval(step.adds)
          writer.member("effort", integer: step.effort)
          writer.endObject()
        }
        writer.endArray()
        writer.endObject()
      }
      writer.endArray()
    }
    writer.member(
      "text", outcome.renderText(sheet: sheet, portfolio: portfolio, language: language, glossary: glossary))
    writer.endObject()
    return writer.output
  }

  static func outcomes(_ distribution: OutcomeDistribution?, language: Language) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    guard let distribution else {
      writer.member("outcome", "too-many")
      writer.member(
        "text",
        Message(.cliOutcomesTooMany, .text("\(OutcomeDistribution.enumerationLimit)")).text(language))
      writer.endObject()
      return writer.output
    }
    writer.member("outcome", "distribution")
    writer.key("range")
    writer.interval(distribution.range)
    writer.key("threshold")
    if let threshold = distribution.threshold { writer.points(threshold) } else { writer.null() }
    writer.key("chance")
    writer.rawNumber(String(format: "%.6f", distribution.chanceOfReachingThreshold))
    writer.key("totals")
    writer.beginArray()
    for entry in distribution.counts {
      writer.beginObject()
      writer.member("total", points: entry.total)
      writer.key("share")
      writer.rawNumber(String(format: "%.6f", entry.combinations / distribution.combinations))
      writer.endObject()
    }
    writer.endArray()
    writer.member("text", distribution.renderText(language: language))
    writer.endObject()
    return writer.output
  }

  static func routes(_ advisor: RouteAdvisor, portfolio: Portfolio, language: Language) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("routes")
    writer.beginArray()
    for option in advisor.options {
      writer.beginObject()
      writer.member("sheet", option.sheet.id)
      writer.member("title", option.sheet.title.text(language))
      writer.member("route", option.sheet.route.rawValue)
      writer.member("routeName", option.sheet.route.name.text(language))
      verdict(option.result, language: language, into: &writer)
      writer.key("margin")
      if let margin = option.result.margin { writer.interval(margin) } else { writer.null() }
      writer.endObject()
    }
    writer.endArray()
    writer.key("alreadyHeld")
    writer.beginArray()
    for id in advisor.alreadyHeld { writer.string(id) }
    writer.endArray()
    writer.member("text", advisor.renderText(portfolio: portfolio, language: language))
    writer.endObject()
    return writer.output
  }

  static func standing(_ standing: CohortStanding, language: Language) -> String {
    var writer = JSONWriter()
    writer.beginObject()
    writer.member("rank", integer: standing.rank)
    writer.member("poolSize", integer: standing.poolSize)
    writer.key("percentile")
    writer.rawNumber(String(format: "%.2f", standing.percentile))
    writer.key("places")
    if let places = standing.places { writer.integer(places) } else { writer.null() }
    writer.key("inside")
    if let inside = standing.inside { writer.bool(inside) } else { writer.null() }
    verdict(standing.result, language: language, into: &writer)
    writer.member("text", standing.renderText(language: language))
    writer.endObject()
    return writer.output
  }
}
