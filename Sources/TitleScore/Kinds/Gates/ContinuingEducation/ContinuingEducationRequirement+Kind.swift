extension ContinuingEducationRequirement: GateKind {
  static let name = "continuingEducation"

  static func decode(_ fields: inout KindFields) -> ContinuingEducationRequirement? {
    let reader = fields.reader
    let path = fields.path
    let years = fields.required("years").flatMap { fields.decoder.yearList($0, path.appending("years")) }
    let perYearTotal = fields.optional("perYearTotal").flatMap { reader.points($0, path.appending("perYearTotal")) }
    var byKind: [String: Points] = [:]
    if let value = fields.optional("perYearByKind"), let map = reader.object(value, path.appending("perYearByKind")) {
      for member in map.members {
        if let points = reader.points(member.value, path.appending("perYearByKind").appending(member.key)) {
          byKind[member.key] = points
        }
      }
    }
    let allowance = fields.optional("cumulativeAllowance").flatMap {
      reader.points($0, path.appending("cumulativeAllowance"))
    }
    let needsFinal =
      fields.optional("allowanceNeedsFinalYear").flatMap { reader.bool($0, path.appending("allowanceNeedsFinalYear")) }
      ?? false
    let minimum = fields.optional("cumulativeMinimum").flatMap {
      reader.points($0, path.appending("cumulativeMinimum"))
    }
    let unit = fields.optional("unit").flatMap { reader.string($0, path.appending("unit")) } ?? "hours"
    if perYearTotal == nil && byKind.isEmpty && minimum == nil {
      fields.report(
        .missingField, path, Message(.diagnosticCeNeedsMinimum))
    }
    guard let years else { return nil }
    return ContinuingEducationRequirement(
      years: years, perYearTotal: perYearTotal, perYearByKind: byKind, cumulativeAllowance: allowance,
      allowanceNeedsFinalYear: needsFinal, cumulativeMinimum: minimum, unit: unit)
  }

  func validate(_ check: inout KindCheck) {
    if years != years.sorted() || Set(years).count != years.count {
      check.report(.invalidValue, check.path.appending("years"), Message(.diagnosticYearsUnordered))
    }
  }

  func findings(in context: borrowing EvaluationContext, materials: MaterialInspection?) -> [GateFinding] {
    shortfalls(in: context.facts.portfolio.continuingEducation)
  }

  var inspectsMaterials: Bool { false }

  var recordSelectors: [RecordSelector] { [] }

  /// The generator writes hours for each year checked.
  func addSamples(to samples: inout GeneratorSamples) { samples.continuingEducationYears = years }
}
