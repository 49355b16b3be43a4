extension Glossary {
  /// Turns every value of a closed list in a portfolio into its code (`本科` → `bachelor`, `合格` → `competent`)
  /// and returns the first value no term of its list matches, as a `value-outside-vocabulary` diagnostic at the
  /// field's path naming the values the list accepts. Nil when every value is known; the portfolio is then
  /// written in codes only. Values of fields whose list the glossary leaves out are kept as written.
  public func resolve(_ portfolio: inout Portfolio) -> Diagnostic? {
    var resolver = Resolver(glossary: self, limit: 1)
    resolver.portfolio(&portfolio)
    return resolver.found.first
  }

  /// `resolve(_:)`, going on past the first unknown value: every one, in the order of the fields.
  public func problems(resolving portfolio: inout Portfolio) -> [Diagnostic] {
    var resolver = Resolver(glossary: self, limit: .max)
    resolver.portfolio(&portfolio)
    return resolver.found
  }

  /// The code a value of a list is written as, or a diagnostic at `path` naming the accepted values; a value of a
  /// list the glossary leaves out is its own code.
  public func code(of written: String, in list: List, at path: JSONPath = .root) -> Result<String, Diagnostic> {
    guard let vocabulary = vocabularies[list] else { return .success(written) }
    if let code = resolvedCode(written, in: list) { return .success(code) }
    return .failure(Glossary.outside(written, vocabulary, at: path))
  }

  /// The diagnostic for a value outside a list: the value, the list's name and every accepted term with its code.
  static func outside(_ written: String, _ vocabulary: Vocabulary, at path: JSONPath) -> Diagnostic {
    Diagnostic(
      .valueOutsideVocabulary, at: path,
      Message(
        .diagnosticValueOutsideList, .text(written), .localized(vocabulary.name),
        .list(
          vocabulary.terms.map { term in
            .message(
              Message(
                .vocabularyTermWithCode, .localized(LocalizedText(zh: term.name(.zh), en: term.name(.en))),
                .text(term.code)))
          })))
  }

  /// Walks a portfolio's closed-list fields in field order, resolving each in place.
  private struct Resolver {
    let glossary: Glossary
    let limit: Int
    private(set) var found: [Diagnostic] = []

    init(glossary: Glossary, limit: Int) {
      self.glossary = glossary
      self.limit = limit
    }

    var going: Bool { found.count < limit }

    /// Resolves one value where it lies; an empty value is left to `PortfolioCheck`.
    private mutating func value(_ value: inout String, _ list: List, _ path: @autoclosure () -> JSONPath) {
      guard going, !value.isEmpty, glossary.closes(list) else { return }
      guard let code = glossary.resolvedCode(value, in: list) else {
        found.append(Glossary.outside(value, glossary.vocabularies[list]!, at: path()))
        return
      }
      // Compared first so that a code, nearly always the case, is not written again.
      if !code.isSameText(as: value) { value = code }
    }

    private mutating func optional(_ value: inout String?, _ list: List, _ path: @autoclosure () -> JSONPath) {
      guard value != nil else { return }
      self.value(&value!, list, path())
    }

    mutating func portfolio(_ portfolio: inout Portfolio) {
      // Paths are built inside each autoclosure, only for a value outside its list (a path held in a local would
      // be captured, and retained, by every one).
      value(&portfolio.employer.sector, .sector, JSONPath.root.appending("employer").appending("sector"))
      value(&portfolio.employer.city, .city, JSONPath.root.appending("employer").appending("city"))
      value(&portfolio.residency, .residency, JSONPath.root.appending("residency"))
      value(&portfolio.specialty, .specialty, JSONPath.root.appending("specialty"))
      for index in portfolio.education.indices where going {
        value(
          &portfolio.education[index].level, .educationLevel,
          JSONPath.root.appending("education").appending(index).appending("level"))
        optional(
          &portfolio.education[index].degree, .degree,
          JSONPath.root.appending("education").appending(index).appending("degree"))
      }
      if portfolio.currentTitle != nil {
        value(&portfolio.currentTitle!.title, .title, JSONPath.root.appending("currentTitle").appending("title"))
      }
      if portfolio.skill != nil {
        value(&portfolio.skill!.level, .skillLevel, JSONPath.root.appending("skill").appending("level"))
      }
      for index in portfolio.continuingEducation.entries.indices where going {
        let year = portfolio.continuingEducation.entries[index].year
        value(
          &portfolio.continuingEducation.entries[index].kind, .courseKind,
          JSONPath.root.appending("continuingEducation").appending(String(year)))
      }
      for index in portfolio.assessments.entries.indices where going {
        let year = portfolio.assessments.entries[index].year
        value(
          &portfolio.assessments.entries[index].grade, .assessmentGrade,
          JSONPath.root.appending("assessments").appending(String(year)))
      }
      for index in portfolio.honours.indices where going {
        let dated = portfolio.honours[index].date != nil
        value(
          &portfolio.honours[index].code, .honour,
          dated
            ? JSONPath.root.appending("honours").appending(index).appending("honour")
            : JSONPath.root.appending("honours").appending(index))
      }
      for index in portfolio.records.indices where going {
        record(&portfolio.records[index], at: JSONPath.root.appending("records").appending(index))
      }
      for index in portfolio.recommendations.indices where going {
        value(
          &portfolio.recommendations[index].level, .recommendationLevel,
          JSONPath.root.appending("recommendations").appending(index).appending("level"))
      }
    }

    mutating func record(_ record: inout AchievementRecord, at path: @autoclosure () -> JSONPath) {
      value(&record.type, .recordType, path().appending("type"))
      optional(&record.level, .recordLevel, path().appending("level"))
      value(&record.status, .recordStatus, path().appending("status"))
      optional(&record.authorship, .authorship, path().appending("authorship"))
      value(&record.acquired, .acquisition, path().appending("acquired"))
      if record.material != nil {
        value(&record.material!.problem, .materialProblem, path().appending("material").appending("problem"))
        value(&record.material!.severity, .materialSeverity, path().appending("material").appending("severity"))
      }
    }
  }
}
