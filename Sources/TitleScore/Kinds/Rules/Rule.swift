/// How a scoresheet item turns an applicant's facts and records into points: one rule of one kind (see
/// `RuleKind`; the kinds are listed in `RuleKinds.all`, each in its own folder under `Rules/`).
package struct Rule: Hashable, Sendable {
  /// The rule's kind and data.
  let kind: any RuleKind

  /// A rule of a kind.
  init(_ kind: some RuleKind) {
    self.kind = kind
  }

  /// The rule kind's name as written in a sheet.
  package var kindName: String { type(of: kind).name }

  /// The rule as a kind, if it is of that kind.
  func `as`<Kind: RuleKind>(_ type: Kind.Type) -> Kind? { kind as? Kind }

  /// The items nested in the rule ("higher of" alternatives), in order; empty for the other kinds.
  var alternatives: [Item] { kind.alternatives }

  /// The records the rule scores, for the kinds that score records.
  var recordSelector: RecordSelector? { kind.selectedRecords }

  package static func == (lhs: Rule, rhs: Rule) -> Bool { AnyHashable(lhs.kind) == AnyHashable(rhs.kind) }

  package func hash(into hasher: inout Hasher) { hasher.combine(AnyHashable(kind)) }
}
