import Foundation

extension SpreadsheetTable {
  /// Reads a CSV file as Excel, WPS and LibreOffice write it: UTF-8 with or without a byte-order mark, fields
  /// separated by commas, quoted fields with doubled quotes inside (and line breaks), CRLF or LF line ends.
  /// A quote left open at the end, or text that is not UTF-8, is an error at its row. The bytes
  /// are split as they are (commas, quotes and line ends are ASCII, never inside a multi-byte character), and each
  /// cell becomes a `String` once.
  package static func csv(_ bytes: [UInt8], file: String) throws(Diagnostic) -> SpreadsheetTable {
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
    return SpreadsheetTable(file: file, sheet: "", rows: rows)
  }
}
