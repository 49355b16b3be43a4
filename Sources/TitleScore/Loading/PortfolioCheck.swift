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
      for record in records { checker.record(record, at: .root) }
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

    private mutating func text(_ value: String, _ path: @autoclosure () -> JSONPath) {
      if going && value.isEmpty { problem(.invalidValue, path(), Message(.diagnosticExpectedNonEmptyText)) }
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
      let root = JSONPath.root
      text(portfolio.id, root.appending("id"))
      text(portfolio.name, root.appending("name"))
      text(portfolio.employer.name, root.appending("employer").appending("name"))
      text(portfolio.employer.sector, root.appending("employer").appending("sector"))
      text(portfolio.residency, root.appending("residency"))
      text(portfolio.specialty, root.appending("specialty"))
      for index in portfolio.education.indices where going {
        text(portfolio.education[index].level, root.appending("education").appending(index).appending("level"))
      }
      nonNegative(portfolio.retrainingMonths, root.appending("retrainingMonths"))
      if let title = portfolio.currentTitle { text(title.title, root.appending("currentTitle").appending("title")) }
      if let skill = portfolio.skill { text(skill.level, root.appending("skill").appending("level")) }
      if let years = portfolio.enterpriseYears { nonNegative(years, root.appending("enterpriseYears")) }
      for entry in portfolio.continuingEducation.entries where going {
        amount(
          entry.hours, root.appending("continuingEducation").appending(String(entry.year)).appending(entry.kind))
      }
      for entry in portfolio.assessments.entries where going {
        text(entry.grade, root.appending("assessments").appending(String(entry.year)))
      }
      for index in portfolio.honours.indices where going {
        let path = root.appending("honours").appending(index)
        text(portfolio.honours[index].code, portfolio.honours[index].date == nil ? path : path.appending("honour"))
      }
      records(portfolio.records, at: root.appending("records"))
      for index in portfolio.recommendations.indices where going {
        text(
          portfolio.recommendations[index].level, root.appending("recommendations").appending(index).appending("level"))
      }
      for index in portfolio.attachments.indices where going {
        let path = root.appending("attachments").appending(index)
        text(portfolio.attachments[index].kind, path.appending("kind"))
        text(portfolio.attachments[index].path, path.appending("path"))
      }
      amounts(portfolio.assessed, root.appending("assessed"))
      if let claimed = portfolio.claimed {
        if let total = claimed.total { amount(total, root.appending("claimed").appending("total")) }
        amounts(claimed.items, root.appending("claimed").appending("items"))
      }
      facts(portfolio.application, root.appending("application"))
      facts(portfolio.facts, root.appending("facts"))
    }

    mutating func records(_ records: [AchievementRecord], at listPath: @autoclosure () -> JSONPath) {
      for index in records.indices where going { record(records[index], at: listPath().appending(index)) }
      if going, let index = PortfolioDecoder.firstRepeatedID(in: records) {
        problem(
          .duplicateID, listPath().appending(index).appending("id"),
          Message(.diagnosticDuplicateRecordId, .text(records[index].id)))
      }
    }

    /// The values of one record, borrowed: a copy would retain each of its texts.
    mutating func record(_ record: borrowing AchievementRecord, at path: @autoclosure () -> JSONPath) {
      text(record.id, path().appending("id"))
      text(record.type, path().appending("type"))
      if let rank = record.rank { count(rank, path().appending("rank")) }
      count(record.count, path().appending("count"))
      text(record.status, path().appending("status"))
      text(record.acquired, path().appending("acquired"))
      if let points = record.assessedPoints { amount(points, path().appending("assessedPoints")) }
      if let characters = record.characters { nonNegative(characters, path().appending("characters")) }
      if let material = record.material {
        text(material.problem, path().appending("material").appending("problem"))
        text(material.severity, path().appending("material").appending("severity"))
      }
    }
  }
}
