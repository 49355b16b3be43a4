import Foundation

/// A table of texts as an office keeps it: a CSV file, or one sheet of a workbook. Rows are numbered from 1 as a
/// spreadsheet numbers them, the header row being 1.
package struct SpreadsheetTable: Sendable {
  /// The header row's texts, trimmed.
  package let headers: [String]
  /// The rows after the header, each with its 1-based row number; rows whose cells are all empty are left out.
  package let rows: [(number: Int, cells: [String])]
  /// The file, as diagnostics name it.
  package let file: String
  /// The sheet's name in a workbook; empty for a CSV file, which has one table.
  package let sheet: String

  /// A table from its rows, the first being the header.
  package init(file: String, sheet: String, rows: [(number: Int, cells: [String])]) {
    self.file = file
    self.sheet = sheet
    self.headers = rows.first?.cells.map(SpreadsheetValues.trimmed) ?? []
    self.rows = Array(rows.dropFirst())
  }

  /// The cell at a row and 0-based column, as diagnostics name it (`申报人!D12`, or `D12` in a CSV file).
  package func cell(row: Int, column: Int) -> CellReference {
    CellReference(sheet: sheet, row: row, column: SpreadsheetTable.columnName(column))
  }

  /// The column letters of a 0-based column index: A … Z, AA …
  package static func columnName(_ index: Int) -> String {
    var index = index
    var name = ""
    repeat {
      name = String(UnicodeScalar(UInt8(65 + index % 26))) + name
      index = index / 26 - 1
    } while index >= 0
    return name
  }
}
