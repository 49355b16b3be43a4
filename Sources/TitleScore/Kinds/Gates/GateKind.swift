/// One kind of control item (控制项), with every facet the engine needs of it: how a sheet writes it, what makes it
/// valid, what it finds short in an application, the records it reads, and what the generator makes of it.
///
/// As with `RuleKind`, no requirement has a default: a new kind does not compile until it has all of them. Each
/// kind lives in one folder under `Kinds/Gates/`; adding one takes that folder and one line in `GateKinds.all`.
protocol GateKind: Hashable, Sendable {
  /// The kind's name as a sheet writes it (`"kind": "annualAssessment"`).
  static var name: String { get }

  /// Decodes the gate's fields; `id`, `title`, `provenance` and `kind` are already read.
  static func decode(_ fields: inout KindFields) -> Self?

  /// Reports what only makes sense across the gate's fields and the sheet (a grade the vocabulary lacks).
  func validate(_ check: inout KindCheck)

  /// What the application falls short of; empty when the gate passes. `materials` is the inspection of the
  /// portfolio's files, for the kinds that check them.
  func findings(in context: borrowing EvaluationContext, materials: MaterialInspection?) -> [GateFinding]

  /// Whether the gate reads the inspection of the portfolio's files (the CLI and the batch inspect them only then).
  var inspectsMaterials: Bool { get }

  /// The record selectors in the gate's conditions, in order (see `RecordClassifier`).
  var recordSelectors: [RecordSelector] { get }

  /// Adds what the portfolio generator should write for the gate (the years it checks).
  func addSamples(to samples: inout GeneratorSamples)
}

extension GateKind {
  /// Decodes a gate kind of this type, wrapped as a `Gate.Kind`.
  static func decodeKind(_ fields: inout KindFields) -> Gate.Kind? {
    decode(&fields).map(Gate.Kind.init)
  }
}

/// The gate kinds a sheet may use, by name. A new kind is registered here, and nowhere else.
enum GateKinds {
  /// Every kind, in the order the documentation lists them.
  static let all: [any GateKind.Type] = [
    AnnualAssessmentGate.self,
    ContinuingEducationRequirement.self,
    ScopeRequirement.self,
    RecommendationsGate.self,
    MaterialRequirement.self,
    ConditionGate.self,
    CurrentAppointmentGate.self,
  ]

  /// The kind a sheet names, if there is one.
  static func named(_ name: String) -> (any GateKind.Type)? {
    all.first { $0.name == name }
  }
}
