/// At least `years` whole years of related work after an education that `rung` selects, counted from the later of
/// its graduation and the start of related work to the cut-off, the best such education counting
/// ("本科毕业后，从事本专业或相近专业工作5年以上").
package struct RelatedWorkCondition: Hashable, Sendable {
  /// The educations that start the count.
  package var rung: EducationRung
  /// The least whole years.
  package var years: Int

  /// Creates the condition.
  package init(after rung: EducationRung, atLeast years: Int) {
    self.rung = rung
    self.years = years
  }
}

extension RelatedWorkCondition: ConditionKind {
  static let key = "relatedWorkAfter"

  static func decode(_ fields: inout KindFields) -> RelatedWorkCondition? {
    let reader = fields.reader
    let path = fields.path
    let rung = fields.optional(key).flatMap { educationRung($0, path.appending(key), reader: reader) }
    let years = fields.required("atLeastYears").flatMap {
      reader.integer($0, path.appending("atLeastYears"), minimum: 1)
    }
    guard let rung, let years else { return nil }
    return RelatedWorkCondition(after: rung, atLeast: years)
  }

  /// `{"level": "bachelor", "degrees": ["master"]}`: at least one of the two.
  private static func educationRung(_ value: JSONValue, _ path: JSONPath, reader: TreeReader) -> EducationRung? {
    guard var members = reader.object(value, path) else { return nil }
    let level = members.optional("level").flatMap { reader.string($0, path.appending("level")) }
    let degrees = members.optional("degrees").flatMap { reader.strings($0, path.appending("degrees")) } ?? []
    members.finish()
    if level == nil && degrees.isEmpty {
      reader.report(.missingField, path, Message(.diagnosticRungEmpty))
      return nil
    }
    return EducationRung(level: level, degrees: degrees)
  }

  /// The rung's level and degrees are compared with the vocabulary as the applicant's education is.
  func validate(_ check: inout KindCheck, at path: JSONPath) {}

  func evaluate(_ context: EvaluationContext, depth: Int, outcomes: inout [ConditionOutcome]?, recording: Bool)
    -> (met: Bool, observed: String)
  {
    let have = context.facts.relatedWorkYears(after: rung, vocabulary: context.sheet.vocabulary)
    return ((have ?? 0) >= years, recording ? "years=\(have.map(String.init) ?? "—")" : "")
  }

  func figure(_ context: EvaluationContext) -> Message? {
    let have = context.facts.relatedWorkYears(after: rung, vocabulary: context.sheet.vocabulary)
    return ConditionFigure.amount(have.map { Points($0) }, needed: Points(years), unit: .wordYears)
  }

  var defaultLabel: LocalizedText {
    let after = ([rung.level].compactMap { $0 } + rung.degrees).joined(separator: "/")
    return LocalizedText(Message(.conditionRelatedWork, .text(after), .integer(years)))
  }

  var recordSelectors: [RecordSelector] { [] }
}
