/// Which routes are open to an applicant: every bundled sheet for the applicant's city and specialty (or all),
/// evaluated and ordered best first, plus what the route guides say about routes with no bundled sheet.
public struct RouteAdvisor: Sendable {
  /// One route's outcome for the applicant.
  public struct Option: Sendable {
    /// The sheet.
    public var sheet: Scoresheet
    /// The result.
    public var result: ScoreResult
  }

  /// A route the notices point the applicant to for which no sheet is bundled (or one that is).
  public struct Pointer: Sendable {
    /// The guide.
    public var guide: RouteGuide
    /// The matching entry.
    public var entry: RouteGuide.Entry
  }

  /// The routes, best first: passing routes, then the ones closest to passing.
  public let options: [Option]
  /// Route-guide entries for the applicant's city and specialty.
  public let pointers: [Pointer]
  /// The sheets left out because they lead to a title the applicant already holds or exceeds (none with `all`).
  public let alreadyHeld: [String]

  /// Evaluates the library's routes for a portfolio; `all` ignores city and specialty.
  ///
  /// - Complexity: one evaluation per sheet that matches (every sheet with `all`), then a sort of the routes.
  public init(
    library: ScoresheetLibrary, portfolio: Portfolio, all: Bool = false,
    materials: (Scoresheet) -> MaterialInspection? = { _ in nil }
  ) {
    let candidates = library.sheets.filter { sheet in
      all || (sheet.city == portfolio.employer.city && sheet.specialties.contains(portfolio.specialty))
    }
    // A route to a title the applicant already holds, or to a lower one, is no route for them (shown with `all`).
    let held = all ? [] : candidates.filter { RouteAdvisor.alreadyHolds(portfolio, theTitleOf: $0) }
    self.alreadyHeld = held.map(\.id)
    let sheets = candidates.filter { !held.map(\.id).contains($0.id) }
    var options = sheets.map { sheet in
      Option(sheet: sheet, result: Evaluator(sheet: sheet).evaluate(portfolio, materials: materials(sheet)))
    }
    options.sort { RouteAdvisor.isBetter($0, than: $1) }
    self.options = options
    var pointers: [Pointer] = []
    for guide in library.guides where guide.city == portfolio.employer.city {
      for entry in guide.entries where guide.applies(entry, to: portfolio) {
        pointers.append(Pointer(guide: guide, entry: entry))
      }
    }
    self.pointers = pointers
  }

  /// Whether the applicant's current title is the sheet's target title or above it, in the sheet's order of titles.
  static func alreadyHolds(_ portfolio: Portfolio, theTitleOf sheet: Scoresheet) -> Bool {
    let titles = sheet.vocabulary.titles
    guard let current = portfolio.currentTitle?.title, let have = titles.firstIndex(of: current),
      let target = titles.firstIndex(of: sheet.targetTitle)
    else { return false }
    return have >= target
  }

  /// The ordering: verdict first; then, among passing routes, the higher title and the larger margin; among the
  /// others, the smaller shortfall; then the sheet id, so the order is stable.
  static func isBetter(_ a: Option, than b: Option) -> Bool {
    if a.result.verdict.kind != b.result.verdict.kind { return a.result.verdict.kind < b.result.verdict.kind }
    let levelA = levelRank(a.sheet.level)
    let levelB = levelRank(b.sheet.level)
    if a.result.verdict.kind == .pass && levelA != levelB { return levelA > levelB }
    let marginA = a.result.margin?.min ?? .zero
    let marginB = b.result.margin?.min ?? .zero
    if marginA != marginB { return marginA > marginB }
    let metA = a.result.conditions.filter(\.met).count
    let metB = b.result.conditions.filter(\.met).count
    if metA != metB { return metA > metB }
    return a.sheet.id < b.sheet.id
  }

  private static func levelRank(_ level: String) -> Int {
    ["assistant", "intermediate", "senior", "full-senior"].firstIndex(of: level) ?? 0
  }

  /// The routes as text.
  public func renderText(portfolio: Portfolio, language: Language) -> String {
    var text =
      Message(.advisorRoutesHeader, .text("\(portfolio.name)"), .text("\(portfolio.id)")).text(language)
    if options.isEmpty {
      text +=
        Message(.advisorRoutesNone).text(language)
    }
    if !alreadyHeld.isEmpty {
      text += Message(.advisorRoutesAlreadyHeld, .integer(alreadyHeld.count)).text(language)
    }
    for (index, option) in options.enumerated() {
      let sheet = option.sheet
      let result = option.result
      let explanation = Explanation(sheet: sheet, portfolio: portfolio, result: result, language: language)
      text += "\n\(index + 1). \(sheet.title.text(language))  [\(sheet.id)]\n"
      func labelled(_ label: MessageKey, _ value: String) -> String {
        Message(.textLabelValue, .word(label), .text(value)).text(language)
      }
      let source =
        "\(sheet.document) · \(sheet.notice) · \(Message(.advisorReviewYear).text(language)) \(sheet.reviewYear)"
      text += "   " + labelled(.advisorSource, source) + "\n"
      var verdict = "   " + labelled(.advisorVerdict, result.verdict.kind.name(language))
      if let threshold = result.threshold {
        let margin = result.margin?.signedDescription ?? ""
        verdict +=
          Message(.advisorScoreThresholdMargin, .text("\(result.total)"), .text("\(threshold)"), .text("\(margin)"))
          .text(language)
      }
      text += verdict + "\n"
      for gate in result.gates where !gate.passed {
        for finding in gate.findings {
          text += "   ✗ " + RouteAdvisor.labelled(gate.gateID, explanation, finding.text(language), language) + "\n"
        }
      }
      // The route's condition and its parts, each with the applicant's own figure beside what it needs: for a
      // part that holds, the figure that meets it; for one that does not, how far short its unmet tests are.
      let conditions = result.conditions
      for (index, condition) in conditions.enumerated() where condition.depth <= 1 {
        let figures = RouteAdvisor.figures(for: index, in: conditions)
        let figure =
          figures.isEmpty
          ? ""
          : Message(.advisorConditionFigure, .list(figures.map { .message($0) })).text(language)
        text += "   \(condition.met ? "✓" : "✗") \(condition.label.text(language))\(figure)\n"
      }
      for flag in result.flags {
        text +=
          "   ⚑ " + Message(.textLabelValue, .text(flag.flag), .text(explanation.title(flag.triggerID))).text(language)
          + "\n"
      }
    }
    for pointer in pointers {
      let sheetNote: String
      if let sheetID = pointer.entry.sheetID {
        sheetNote = Message(.advisorSheet, .text("\(sheetID)")).text(language)
      } else {
        sheetNote = Message(.advisorRoutesNoSheet).text(language)
      }
      text +=
        Message(
          .advisorWhatIfVerdictLine, .text("\(pointer.guide.title.text(language))"),
          .text("\(pointer.entry.applicants.text(language))"), .message(pointer.entry.route.name),
          .text("\(sheetNote)"), .text("\(pointer.guide.provenance.clause)")
        ).text(language)
    }
    // Within 100 columns: long labels and figures wrap under their line's indentation.
    return DisplayWidth.fitted(text, to: 100)
  }

  /// The figures to show beside the condition at `index` of a flattened outcome list: its own, or else those of
  /// the tests under it that decide it — the first that holds for a condition met, the unmet ones (at most two)
  /// for a condition not met.
  static func figures(for index: Int, in conditions: [ConditionOutcome]) -> [Message] {
    let condition = conditions[index]
    if let figure = condition.figure { return [figure] }
    var below: [ConditionOutcome] = []
    for next in conditions[(index + 1)...] {
      if next.depth <= condition.depth { break }
      if next.figure != nil { below.append(next) }
    }
    // Quantities (years, counts) say the most; a value beside a level comes next, and only for what is unmet.
    let quantities: Set<MessageKey> = [.conditionFigureMet, .conditionFigureShort, .conditionFigureMissing]
    let deciding = below.filter { $0.met == condition.met }
    let ranked =
      deciding.filter { quantities.contains($0.figure!.key) }
      + (condition.met ? [] : deciding.filter { !quantities.contains($0.figure!.key) })
    return (condition.met ? Array(ranked.prefix(1)) : Array(ranked.prefix(2))).compactMap(\.figure)
  }

  /// A gate's title and a text after it, as the language punctuates them (`继续教育：…`, `continuing education: …`).
  static func labelled(_ gateID: String, _ explanation: Explanation, _ text: String, _ language: Language) -> String {
    Message(.textLabelValue, .text(explanation.title(gateID)), .text(text)).text(language)
  }
}
