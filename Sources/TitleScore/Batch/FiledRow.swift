/// A scored applicant as a batch files it: everything but the numbers (which `BatchResults.numbers` holds at the
/// sheet's stride), kept together so that a report reading rows in rank order reaches each row with one or two
/// memory accesses rather than one per column (twelve, when each field had a column of its own).
struct FiledRow: Sendable {
  var id: String
  var name: String
  /// The identity number and the phone as `Masking.compact` keeps them.
  var idNumber: String
  var phone: String
  /// The sheet's gates the applicant failed and flag triggers it raised, by position.
  var positions: RowPositions
  /// The employer, by its number in `BatchResults.employers`.
  var employerIndex: Int32
  /// The main deduction reasons, as `ReasonPacking` packs them.
  var reasonCodes: UInt32
  /// The input file, by index in `BatchResults.files`.
  var fileIndex: Int32
  /// The 1-based line, or 0 for a whole-file portfolio.
  var line: Int32
  /// The verdict, by index in `Verdict.Kind.byIndex`.
  var verdict: UInt8
}
