/// A cell of a workbook, as an office names it: `申报人!D12`.
public struct CellReference: Hashable, Sendable, CustomStringConvertible {
  /// The sheet's name.
  public var sheet: String
  /// The 1-based row.
  public var row: Int
  /// The column's letters (`D`).
  public var column: String

  /// A cell of a sheet.
  public init(sheet: String, row: Int, column: String) {
    self.sheet = sheet
    self.row = row
    self.column = column
  }

  /// `sheet!D12`, or `D12` for a file of one table (CSV), whose sheet has no name.
  public var description: String { sheet.isEmpty ? "\(column)\(row)" : "\(sheet)!\(column)\(row)" }
}
