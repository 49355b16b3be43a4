/// Where a value in a scoresheet comes from, so an office can trust it clause by clause.
package struct Provenance: Hashable, Sendable {
  /// Whether a value is taken from an official text or modelled on the known structure.
  package enum Status: String, Hashable, Sendable, CaseIterable {
    /// Read from the notice or the official annex.
    case official
    /// Built on the known structure of the tables; an office must confirm it against the annex.
    case modelled
  }

  /// The clause or annex row the value encodes, e.g. `嘉人社〔2022〕29号 五(二)`.
  package var clause: String
  /// Official or modelled.
  package var status: Status
  /// Any remark for the office, such as which value to confirm.
  package var note: String?

  /// Creates a provenance.
  package init(clause: String, status: Status, note: String? = nil) {
    self.clause = clause
    self.status = status
    self.note = note
  }
}
