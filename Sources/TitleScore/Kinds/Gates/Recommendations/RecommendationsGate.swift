/// At least `minimum` recommendations by experts of `level` (两名正高级职称专家推荐).
package struct RecommendationsGate: Hashable, Sendable {
  /// The least number of recommendations.
  package var minimum: Int
  /// The experts' level, e.g. `full-senior`.
  package var level: String

  /// Creates the gate.
  package init(minimum: Int, level: String) {
    self.minimum = minimum
    self.level = level
  }
}

extension RecommendationsGate: GateKind {
  static let name = "recommendations"

  static func decode(_ fields: inout KindFields) -> RecommendationsGate? {
    let reader = fields.reader
    let path = fields.path
    let minimum = fields.required("minimum").flatMap { reader.integer($0, path.appending("minimum"), minimum: 1) }
    let level = fields.required("level").flatMap { reader.string($0, path.appending("level")) }
    guard let minimum, let level else { return nil }
    return RecommendationsGate(minimum: minimum, level: level)
  }

  /// Decoding checks the fields; nothing crosses them.
  func validate(_ check: inout KindCheck) {}

  func findings(in context: borrowing EvaluationContext, materials: MaterialInspection?) -> [GateFinding] {
    let count = context.facts.portfolio.recommendations.filter { $0.level == level }.count
    return count < minimum ? [.recommendationsShort(count: count, minimum: minimum, level: level)] : []
  }

  var inspectsMaterials: Bool { false }

  var recordSelectors: [RecordSelector] { [] }

  /// The generator writes no recommendations: a sheet that asks for them fails generated applicants here.
  func addSamples(to samples: inout GeneratorSamples) {}
}
