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

  /// Reads a CSV text. A quote left open at the end, or text that is not UTF-8, is an error at its row. The bytes
  /// are split as they are (commas, quotes and line ends are ASCII, never inside a multi-byte character), and each
  /// cell becomes a `String` once.
  package static func parse(_ bytes: [UInt8], file: String) throws(Diagnostic) -> CSVTable {
    let start = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    let valid = bytes.withUnsafeBufferPointer { UTF8Validation.isValid(UnsafeBufferPointer(rebasing: $0[start...])) }
    guard valid else {
      throw Diagnostic(.jsonSyntax, at: .root, Message(.diagnosticSpreadsheetNotUtf8), file: file)
    }
    var rows: [(number: Int, cells: [String])] = []
    var cells: [String] = []
    var cell: [UInt8] = []
    var quoted = false
    var row = 1
    var rowStart = 1
    var index = start
    func endCell() {
      cells.append(String(decoding: cell, as: UTF8.self))
      cell.removeAll(keepingCapacity: true)
    }
    func endRow() {
      endCell()
      if cells.contains(where: { !SpreadsheetValues.trimmed($0).isEmpty }) { rows.append((rowStart, cells)) }
      cells = []
    }
    while index < bytes.count {
      let byte = bytes[index]
      index += 1
      if quoted {
        if byte == 0x22 {
          if index < bytes.count && bytes[index] == 0x22 {
            cell.append(0x22)
            index += 1
          } else {
            quoted = false
          }
        } else {
          if byte == 0x0A { row += 1 }
          cell.append(byte)
        }
        continue
      }
      switch byte {
      case 0x22 where cell.isEmpty: quoted = true
      case 0x2C: endCell()
      case 0x0D, 0x0A:
        if byte == 0x0D && index < bytes.count && bytes[index] == 0x0A { index += 1 }
        endRow()
        row += 1
        rowStart = row
      default: cell.append(byte)
      }
    }
    if quoted {
      throw Diagnostic(.jsonSyntax, at: .root, Message(.diagnosticSpreadsheetOpenQuote), file: file, line: rowStart)
    }
    if !cell.isEmpty || !cells.isEmpty { endRow() }
    guard let header = rows.first else { return CSVTable(headers: [], rows: [], file: file) }
    return CSVTable(headers: header.cells.map(SpreadsheetValues.trimmed), rows: Array(rows.dropFirst()), file: file)
  }
}
