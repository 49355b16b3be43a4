/// The outcome of one gate.
public struct GateOutcome: Hashable, Sendable {
  /// The gate.
  public var gateID: String
  /// Whether it passed.
  public var passed: Bool
  /// What falls short (typed; `GateFinding.message` words it); empty when the gate passed.
  public var findings: [GateFinding]
}
