extension ScopeRequirement: GateKind {
  static let name = "scope"

  static func decode(_ fields: inout KindFields) -> ScopeRequirement? {
    let reader = fields.reader
    let path = fields.path
    func texts(_ key: String) -> [String]? {
      fields.optional(key).flatMap { reader.strings($0, path.appending(key)) }
    }
    return ScopeRequirement(
      specialties: texts("specialties"), excludedSpecialties: texts("excludedSpecialties") ?? [],
      excludedSectors: texts("excludedSectors") ?? [], residency: texts("residency"))
  }

  /// The lists are open texts (specialties, sectors, residency codes): nothing crosses them.
  func validate(_ check: inout KindCheck) {}

  func findings(in context: borrowing EvaluationContext, materials: MaterialInspection?) -> [GateFinding] {
    exclusions(of: context.facts)
  }

  var inspectsMaterials: Bool { false }

  var recordSelectors: [RecordSelector] { [] }

  /// Generated applicants are in scope by construction (the sheet's own specialties).
  func addSamples(to samples: inout GeneratorSamples) {}
}
