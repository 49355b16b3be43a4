extension SpreadsheetTable {
  /// The sheet names a template workbook gives its instructions and its drop-down lists (`填表说明`, `选项`, in
  /// either language): they hold no applicants and are not read.
  static func isGuideSheet(_ name: String) -> Bool {
    let key = Glossary.key(name)
    return [MessageKey.workbookSheetInstructions, .workbookSheetLists].contains { sheet in
      Language.allCases.contains { Glossary.key(Message(sheet).text($0)) == key }
    }
  }

  /// The tables of an XLSX workbook: one per worksheet that holds anything, in tab order, the template's
  /// instructions and lists left out. A cell formatted as a date reads as its day (`2021-07-01`), a number as
  /// stored (`57.5`), a merged range as its first cell's value in every cell. A file that is not a readable
  /// workbook is `workbook-unreadable` with the reason.
  package static func workbook(_ bytes: [UInt8], file: String) throws(Diagnostic) -> [SpreadsheetTable] {
    func refuse(_ message: Message) -> Diagnostic {
      Diagnostic(.workbookUnreadable, at: .root, message, file: file)
    }
    // An OLE compound file: the old binary `.xls` (or a password-protected `.xlsx`, which Excel also wraps so).
    if bytes.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
      throw refuse(Message(.diagnosticWorkbookOldXls))
    }
    let sheets: [XLSXReader.Sheet]
    do {
      sheets = try XLSXReader.sheets(bytes)
    } catch {
      switch error {
      case .archive(.notAnArchive): throw refuse(Message(.diagnosticWorkbookNotZip))
      case .archive(.zip64): throw refuse(Message(.diagnosticWorkbookTooLarge))
      case .archive(.corrupt(nil)): throw refuse(Message(.diagnosticWorkbookDirectoryDamaged))
      case .archive(.corrupt(.some(let part))), .archive(.checksum(let part)):
        throw refuse(Message(.diagnosticWorkbookDamaged, .text(part)))
      case .archive(.encrypted(let part)): throw refuse(Message(.diagnosticWorkbookEncrypted, .text(part)))
      case .archive(.method(let method, let part)):
        throw refuse(Message(.diagnosticWorkbookMethod, .text(part), .integer(Int(method))))
      case .missingPart(let part): throw refuse(Message(.diagnosticWorkbookMissingPart, .text(part)))
      case .malformed(let part, let offset):
        throw refuse(Message(.diagnosticWorkbookMalformed, .text(part), .integer(offset)))
      }
    }
    return sheets.compactMap { sheet in
      guard !isGuideSheet(sheet.name), !sheet.rows.isEmpty else { return nil }
      let rows = sheet.rows.map { row in (number: row.number, cells: row.cells.map { $0?.text ?? "" }) }
        .filter { $0.cells.contains { !SpreadsheetValues.trimmed($0).isEmpty } }
      return rows.isEmpty ? nil : SpreadsheetTable(file: file, sheet: sheet.name, rows: rows)
    }
  }
}
