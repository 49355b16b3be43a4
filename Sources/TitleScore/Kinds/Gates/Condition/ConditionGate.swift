/// A condition the applicant must meet, such as tenure or skill level on a criteria route.
package struct ConditionGate: Hashable, Sendable {
  /// The condition.
  package var condition: Condition

  /// Creates the gate.
  package init(condition: Condition) {
    self.condition = condition
  }
}

extension ConditionGate: GateKind {
  static let name = "condition"

  static func decode(_ fields: inout KindFields) -> ConditionGate? {
    let decoder = fields.decoder
    let path = fields.path
    return fields.required("condition").flatMap { decoder.condition($0, path.appending("condition")) }.map {
      ConditionGate(condition: $0)
    }
  }

  func validate(_ check: inout KindCheck) {
    condition.validate(&check, at: check.path.appending("condition"))
  }

  /// The route's own condition and its direct parts say what is missing; deeper nodes are detail.
  func findings(in context: borrowing EvaluationContext, materials: MaterialInspection?) -> [GateFinding] {
    var outcomes: [ConditionOutcome]? = []
    guard !condition.holds(context, depth: 0, outcomes: &outcomes) else { return [] }
    return (outcomes ?? []).filter { !$0.met && $0.depth <= 1 }.map {
      .conditionNotMet(label: $0.label, observed: $0.observed)
    }
  }

  var inspectsMaterials: Bool { false }

  var recordSelectors: [RecordSelector] { condition.recordSelectors }

  /// The condition's records are sampled with the sheet's other condition selectors (see `PortfolioGenerator`).
  func addSamples(to samples: inout GeneratorSamples) {}
}
