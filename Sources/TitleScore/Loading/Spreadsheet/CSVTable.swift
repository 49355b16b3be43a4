import Foundation

/// A CSV file as a table of texts, read as Excel, WPS and LibreOffice write it: UTF-8 with or without a
/// byte-order mark, fields separated by commas, quoted fields with doubled quotes inside (and line breaks), CRLF or
/// LF line ends. Rows are numbered from 1 as a spreadsheet numbers them, the header row being 1.
package struct CSVTable: Sendable {
  /// The header row's texts, trimmed.
  package let headers: [String]
  /// The rows after the header, each with its 1-based row number; rows whose cells are all empty are left out.
  package let rows: [(number: Int, cells: [String])]
  /// The file, as diagnostics name it.
  package let file: String

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

  /// Reads a CSV text. A quote left open at the end, or text that is not UTF-8, is an error at its row.
  package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> CSVTable {
    var start = 0
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { start = 3 }
    guard let text = String(validating: bytes[start...], as: UTF8.self) else {
      throw Diagnostic(.jsonSyntax, at: .root, Message(.diagnosticSpreadsheetNotUtf8), file: file)
    }
    var rows: [(number: Int, cells: [String])] = []
    var cells: [String] = []
    var cell = ""
    var quoted = false
    var row = 1
    var rowStart = 1
    var scalars = text.unicodeScalars.makeIterator()
    var pending: Unicode.Scalar? = nil
    func endRow() {
      cells.append(cell)
      cell = ""
      if cells.contains(where: { !$0.trimmingCharacters(in: .whitespaces).isEmpty }) {
        rows.append((rowStart, cells))
      }
      cells = []
    }
    while let scalar = pending ?? scalars.next() {
      pending = nil
      if quoted {
        if scalar == "\"" {
          if let next = scalars.next() {
            if next == "\"" {
              cell.unicodeScalars.append("\"")
            } else {
              quoted = false
              pending = next
            }
          } else {
            quoted = false
          }
        } else {
          if scalar == "\n" { row += 1 }
          cell.unicodeScalars.append(scalar)
        }
        continue
      }
      switch scalar {
      case "\"" where cell.isEmpty: quoted = true
      case ",":
        cells.append(cell)
        cell = ""
      case "\r":
        if let next = scalars.next(), next != "\n" { pending = next }
        endRow()
        row += 1
        rowStart = row
      case "\n":
        endRow()
        row += 1
        rowStart = row
      default: cell.unicodeScalars.append(scalar)
      }
    }
    if quoted {
      throw Diagnostic(.jsonSyntax, at: .root, Message(.diagnosticSpreadsheetOpenQuote), file: file, line: rowStart)
    }
    if !cell.isEmpty || !cells.isEmpty { endRow() }
    guard let header = rows.first else { return CSVTable(headers: [], rows: [], file: file) }
    return CSVTable(
      headers: header.cells.map { $0.trimmingCharacters(in: .whitespaces) }, rows: Array(rows.dropFirst()), file: file)
  }
}
