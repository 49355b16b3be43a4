/// A control item (控制项): failing it makes an applicant ineligible whatever the points.
public struct Gate: Hashable, Sendable {
  /// Stable id, unique in the sheet.
  public var id: String
  /// The gate's name.
  public var title: LocalizedText
  /// The clause it encodes.
  public var provenance: Provenance
  /// What it checks.
  public var kind: Kind

  /// Creates a gate.
  public init(id: String, title: LocalizedText, provenance: Provenance, kind: Kind) {
    self.id = id
    self.title = title
    self.provenance = provenance
    self.kind = kind
  }

  /// What a gate checks: one gate of one kind (see `GateKind`; the kinds are listed in `GateKinds.all`, each in
  /// its own folder under `Kinds/Gates/`).
  public struct Kind: Hashable, Sendable {
    /// The kind and its data.
    let handler: any GateKind

    /// A gate of a kind.
    init(_ handler: some GateKind) {
      self.handler = handler
    }

    /// The kind's name as written in a sheet.
    public var name: String { type(of: handler).name }

    /// The gate as a kind, if it is of that kind.
    func `as`<Handler: GateKind>(_ type: Handler.Type) -> Handler? { handler as? Handler }

    public static func == (lhs: Kind, rhs: Kind) -> Bool { AnyHashable(lhs.handler) == AnyHashable(rhs.handler) }

    public func hash(into hasher: inout Hasher) { hasher.combine(AnyHashable(handler)) }
  }
}
