/// A control item (控制项): failing it makes an applicant ineligible whatever the points.
package struct Gate: Hashable, Sendable {
  /// Stable id, unique in the sheet.
  package var id: String
  /// The gate's name.
  package var title: LocalizedText
  /// The clause it encodes.
  package var provenance: Provenance
  /// What it checks.
  package var kind: Kind

  /// Creates a gate.
  package init(id: String, title: LocalizedText, provenance: Provenance, kind: Kind) {
    self.id = id
    self.title = title
    self.provenance = provenance
    self.kind = kind
  }

  /// What a gate checks: one gate of one kind (see `GateKind`; the kinds are listed in `GateKinds.all`, each in
  /// its own folder under `Kinds/Gates/`).
  package struct Kind: Hashable, Sendable {
    /// The kind and its data.
    let handler: any GateKind

    /// A gate of a kind.
    init(_ handler: some GateKind) {
      self.handler = handler
    }

    /// The kind's name as written in a sheet.
    package var name: String { type(of: handler).name }

    /// The gate as a kind, if it is of that kind.
    func `as`<Handler: GateKind>(_ type: Handler.Type) -> Handler? { handler as? Handler }

    package static func == (lhs: Kind, rhs: Kind) -> Bool { AnyHashable(lhs.handler) == AnyHashable(rhs.handler) }

    package func hash(into hasher: inout Hasher) { hasher.combine(AnyHashable(handler)) }
  }
}
