/// Annual assessment (年度考核) at least `minimum` in each listed year.
package struct AnnualAssessmentGate: Hashable, Sendable {
  /// The years checked.
  package var years: [Int]
  /// The least grade that passes, from the sheet's `assessmentGrades`.
  package var minimum: String

  /// Creates the gate.
  package init(years: [Int], minimum: String) {
    self.years = years
    self.minimum = minimum
  }
}

extension AnnualAssessmentGate: GateKind {
  static let name = "annualAssessment"

  static func decode(_ fields: inout KindFields) -> AnnualAssessmentGate? {
    let reader = fields.reader
    let path = fields.path
    let years = fields.required("years").flatMap { fields.decoder.yearList($0, path.appending("years")) }
    let minimum = fields.required("minimum").flatMap { reader.string($0, path.appending("minimum")) }
    guard let years, let minimum else { return nil }
    return AnnualAssessmentGate(years: years, minimum: minimum)
  }

  func validate(_ check: inout KindCheck) {
    if !check.sheet.vocabulary.assessmentGrades.contains(minimum) {
      check.report(
        .invalidValue, check.path.appending("minimum"), Message(.diagnosticGradeNotInVocabulary, .text("\(minimum)")))
    }
  }

  func findings(in context: borrowing EvaluationContext, materials: MaterialInspection?) -> [GateFinding] {
    let grades = context.sheet.vocabulary.assessmentGrades
    let needed = grades.firstIndex(of: minimum) ?? 0
    var findings: [GateFinding] = []
    for year in years {
      guard let grade = context.facts.portfolio.assessments[year] else {
        findings.append(.assessmentMissing(year: year))
        continue
      }
      guard let have = grades.firstIndex(where: { $0.isSameText(as: grade) }) else {
        findings.append(.assessmentUnknown(year: year, grade: grade))
        continue
      }
      if have < needed {
        findings.append(.assessmentBelow(year: year, grade: grade, minimum: minimum))
      }
    }
    return findings
  }

  var inspectsMaterials: Bool { false }

  var recordSelectors: [RecordSelector] { [] }

  /// The generator writes an assessment for each year checked.
  func addSamples(to samples: inout GeneratorSamples) { samples.assessmentYears = years }
}
