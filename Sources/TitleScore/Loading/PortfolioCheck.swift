/// The checks of a portfolio's values that every source shares: JSON and JSON Lines (after `PortfolioDecoder` has
/// checked their shape), portfolios built in code, and the spreadsheets and forms to come. Decoding says whether a
/// text has the shape of a portfolio; this says whether the values in it can be scored: texts a field needs are
/// not empty, counts and ranks are whole numbers from 1, hours and points are not negative and fit the engine's
/// exact arithmetic, and no two records share an id.
///
/// Each problem is a diagnostic at the field's path inside the portfolio (`records[2].rank`,
/// `continuingEducation.2021.professional`); a source puts its own location on it: the file and line of a JSON
/// Lines record (`Diagnostic.located(file:line:)`), or the sheet, row and column a spreadsheet read the field from
/// (`Diagnostic.located(file:cell:)`).
public enum PortfolioCheck {
  /// The largest rank or count a record may give: the bound keeps points × count far from overflowing.
  static let largestCount = 100_000

  /// Every problem with a portfolio's values, in the order of its fields.
  public static func problems(in portfolio: Portfolio) -> [Diagnostic] {
    var checker = Checker(limit: .max)
    checker.portfolio(portfolio)
    return checker.found
  }

  /// The first problem with a portfolio's values, or nil when every value can be scored.
  public static func firstProblem(in portfolio: Portfolio) -> Diagnostic? {
    var checker = Checker(limit: 1)
    checker.portfolio(portfolio)
    return checker.found.first
  }

  /// The first problem with the values of achievement records given on their own (`score --add`), at their paths
  /// in the list (`[1].rank`), or in the one record (`rank`) when not `listed`.
  public static func firstProblem(in records: [AchievementRecord], listed: Bool = true) -> Diagnostic? {
    var checker = Checker(limit: 1)
    if listed {
      checker.records(records, at: .root)
    } else {
      for index in records.indices { checker.record(index, of: records, at: .root) }
    }
    return checker.found.first
  }

  /// Walks a portfolio's fields and files what is wrong with each, up to a number of problems. A field's path is
  /// worked out only for a problem: a batch checks every field of every applicant, nearly all of them fine.
  private struct Checker {
    /// How many problems to find before stopping.
    let limit: Int
    /// The problems found, in field order.
    private(set) var found: [Diagnostic] = []

    init(limit: Int) {
      self.limit = limit
    }

    /// Whether to go on looking.
    var going: Bool { found.count < limit }

    private mutating func problem(_ code: DiagnosticCode, _ path: JSONPath, _ message: Message) {
      guard going else { return }
      found.append(Diagnostic(code, at: path, message))
    }

    /// A text a field needs, by whether it is empty: the caller reads `isEmpty` in place, for a text handed over
    /// would be retained and released (some forty times per applicant in a batch).
    private mutating func text(empty: Bool, _ path: @autoclosure () -> JSONPath) {
      if going && empty { problem(.invalidValue, path(), Message(.diagnosticExpectedNonEmptyText)) }
    }

    private mutating func count(_ value: Int, _ path: @autoclosure () -> JSONPath) {
      guard going else { return }
      if value < 1 {
        problem(.negativeValue, path(), Message(.diagnosticExpectedIntegerAtLeast1, .integer(value)))
      } else if value > PortfolioCheck.largestCount {
        problem(
          .invalidValue, path(),
          Message(.diagnosticExpectedAtMost, .integer(PortfolioCheck.largestCount), .integer(value)))
      }
    }

    private mutating func nonNegative(_ value: Int, _ path: @autoclosure () -> JSONPath) {
      if going && value < 0 {
        problem(.negativeValue, path(), Message(.diagnosticExpectedIntegerAtLeast0, .integer(value)))
      }
    }

    private mutating func amount(_ value: Points, _ path: @autoclosure () -> JSONPath) {
      guard going else { return }
      if value < .zero {
        problem(.negativeValue, path(), Message(.diagnosticExpectedNonNegativeNumber, .points(value)))
      } else if value > Points.largestInput {
        problem(
          .invalidNumber, path(), Message(.diagnosticExpectedAtMost, .points(Points.largestInput), .points(value)))
      }
    }

    private static func tooLarge(_ value: FactValue) -> Bool {
      if case .number(let number) = value { return number.units.magnitude > Points.largestInput.units.magnitude }
      return false
    }

    private mutating func facts(_ map: [String: FactValue], _ path: @autoclosure () -> JSONPath) {
      guard going, map.values.contains(where: Checker.tooLarge) else { return }
      // In key order, so that the first problem does not depend on how the dictionary hashes.
      for (name, value) in map.sorted(by: { $0.key < $1.key }) where going && Checker.tooLarge(value) {
        guard case .number(let number) = value else { continue }
        problem(
          .invalidNumber, path().appending(name),
          Message(.diagnosticExpectedSizeAtMost, .points(Points.largestInput), .points(number)))
      }
    }

    private mutating func amounts(_ map: [String: Points], _ path: @autoclosure () -> JSONPath) {
      guard going, map.values.contains(where: { $0 < .zero || $0 > Points.largestInput }) else { return }
      for (name, value) in map.sorted(by: { $0.key < $1.key }) where going { amount(value, path().appending(name)) }
    }

    mutating func portfolio(_ portfolio: Portfolio) {
      // Paths start from `JSONPath.root` inside each autoclosure: a path held in a local would be captured, and
      // retained, by every check.
      text(empty: portfolio.id.isEmpty, JSONPath.root.appending("id"))
      text(empty: portfolio.name.isEmpty, JSONPath.root.appending("name"))
      text(empty: portfolio.employer.name.isEmpty, JSONPath.root.appending("employer").appending("name"))
      text(empty: portfolio.employer.sector.isEmpty, JSONPath.root.appending("employer").appending("sector"))
      text(empty: portfolio.residency.isEmpty, JSONPath.root.appending("residency"))
      text(empty: portfolio.specialty.isEmpty, JSONPath.root.appending("specialty"))
      for index in portfolio.education.indices where going {
        text(
          empty: portfolio.education[index].level.isEmpty,
          JSONPath.root.appending("education").appending(index).appending("level"))
      }
      nonNegative(portfolio.retrainingMonths, JSONPath.root.appending("retrainingMonths"))
      // Optional parts and list entries are read in place, by index: taken out, each would be retained.
      if portfolio.currentTitle != nil {
        text(empty: portfolio.currentTitle!.title.isEmpty, JSONPath.root.appending("currentTitle").appending("title"))
      }
      if portfolio.skill != nil {
        text(empty: portfolio.skill!.level.isEmpty, JSONPath.root.appending("skill").appending("level"))
      }
      if let years = portfolio.enterpriseYears { nonNegative(years, JSONPath.root.appending("enterpriseYears")) }
      let hours = portfolio.continuingEducation.entries
      for index in hours.indices where going {
        amount(
          hours[index].hours,
          JSONPath.root.appending("continuingEducation").appending(String(hours[index].year)).appending(
            hours[index].kind))
      }
      let grades = portfolio.assessments.entries
      for index in grades.indices where going {
        text(
          empty: grades[index].grade.isEmpty,
          JSONPath.root.appending("assessments").appending(String(grades[index].year)))
      }
      for index in portfolio.honours.indices where going {
        text(
          empty: portfolio.honours[index].code.isEmpty,
          portfolio.honours[index].date == nil
            ? JSONPath.root.appending("honours").appending(index)
            : JSONPath.root.appending("honours").appending(index).appending("honour"))
      }
      records(portfolio.records, at: JSONPath.root.appending("records"))
      for index in portfolio.recommendations.indices where going {
        text(
          empty: portfolio.recommendations[index].level.isEmpty,
          JSONPath.root.appending("recommendations").appending(index).appending("level"))
      }
      for index in portfolio.attachments.indices where going {
        text(
          empty: portfolio.attachments[index].kind.isEmpty,
          JSONPath.root.appending("attachments").appending(index).appending("kind"))
        text(
          empty: portfolio.attachments[index].path.isEmpty,
          JSONPath.root.appending("attachments").appending(index).appending("path"))
      }
      amounts(portfolio.assessed, JSONPath.root.appending("assessed"))
      if portfolio.claimed != nil {
        if let total = portfolio.claimed!.total { amount(total, JSONPath.root.appending("claimed").appending("total")) }
        amounts(portfolio.claimed!.items, JSONPath.root.appending("claimed").appending("items"))
      }
      facts(portfolio.application, JSONPath.root.appending("application"))
      facts(portfolio.facts, JSONPath.root.appending("facts"))
    }

    mutating func records(_ records: [AchievementRecord], at listPath: @autoclosure () -> JSONPath) {
      for index in records.indices where going { record(index, of: records, at: listPath().appending(index)) }
      if going, let index = PortfolioDecoder.firstRepeatedID(in: records) {
        problem(
          .duplicateID, listPath().appending(index).appending("id"),
          Message(.diagnosticDuplicateRecordId, .text(records[index].id)))
      }
    }

    /// The values of one record, read field by field where it lies: a record taken out of the list, even to be
    /// borrowed, is copied with every text in it (a batch checks millions).
    mutating func record(_ index: Int, of records: [AchievementRecord], at path: @autoclosure () -> JSONPath) {
      text(empty: records[index].id.isEmpty, path().appending("id"))
      text(empty: records[index].type.isEmpty, path().appending("type"))
      if let rank = records[index].rank { count(rank, path().appending("rank")) }
      count(records[index].count, path().appending("count"))
      text(empty: records[index].status.isEmpty, path().appending("status"))
      text(empty: records[index].acquired.isEmpty, path().appending("acquired"))
      if let points = records[index].assessedPoints { amount(points, path().appending("assessedPoints")) }
      if let characters = records[index].characters { nonNegative(characters, path().appending("characters")) }
      if records[index].material != nil {
        text(empty: records[index].material!.problem.isEmpty, path().appending("material").appending("problem"))
        text(empty: records[index].material!.severity.isEmpty, path().appending("material").appending("severity"))
      }
    }
  }
}
