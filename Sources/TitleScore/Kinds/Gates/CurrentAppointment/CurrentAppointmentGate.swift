/// The current appointment is held in the review year (申报当年须在聘); an applicant without a current title passes.
package struct CurrentAppointmentGate: Hashable, Sendable {
  /// Creates the gate.
  package init() {}
}

extension CurrentAppointmentGate: GateKind {
  static let name = "currentAppointment"

  /// The gate has no fields of its own.
  static func decode(_ fields: inout KindFields) -> CurrentAppointmentGate? { CurrentAppointmentGate() }

  /// The gate has no fields to check.
  func validate(_ check: inout KindCheck) {}

  func findings(in context: borrowing EvaluationContext, materials: MaterialInspection?) -> [GateFinding] {
    guard let title = context.facts.portfolio.currentTitle, !title.heldInReviewYear else { return [] }
    return [.appointmentNotHeld(title: title.title, year: context.sheet.reviewYear)]
  }

  var inspectsMaterials: Bool { false }

  var recordSelectors: [RecordSelector] { [] }

  /// Generated applicants hold their titles in the review year.
  func addSamples(to samples: inout GeneratorSamples) {}
}
