extension Node<Gate> {
  /// Checks the gate by its kind; findings say what is missing when it fails. The gate is read in place (see
  /// `Node`).
  func check(_ context: borrowing EvaluationContext, materials: MaterialInspection?) -> GateOutcome {
    let findings = value.kind.handler.findings(in: context, materials: materials)
    return GateOutcome(gateID: value.id, passed: findings.isEmpty, findings: findings)
  }
}
