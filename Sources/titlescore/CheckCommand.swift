import Foundation
import TitleScore

/// `titlescore check FILE|DIR…`: validates sheets, route guides and portfolios and runs sheets' worked examples.
enum CheckCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard !arguments.positional.isEmpty else { throw UsageError(Message(.cliCheckNeedsInput)) }
    var files: [String] = []
    // Spreadsheets are checked together (an applicants table and its achievements), each row reported at its cell.
    let spreadsheets = arguments.positional.filter(SpreadsheetImport.isSpreadsheet)
    var failed = 0
    if !spreadsheets.isEmpty {
      failed += try checkSpreadsheets(spreadsheets, arguments)
    }
    for argument in arguments.positional where !SpreadsheetImport.isSpreadsheet(argument) {
      var isDirectory: ObjCBool = false
      if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
        files += ScoresheetLibrary.jsonFiles(under: argument)
      } else if !argument.hasSuffix(".schema.json") {
        files.append(argument)
      }
    }
    let glossary = try Console.library(arguments).glossary
    // With `--sheet`, portfolios are also checked against that sheet's vocabulary and what it reads.
    let sheet = try arguments.value("--sheet").map { try Console.sheet($0, arguments) }
    for file in files {
      let report = DocumentCheck.check(file: file, glossary: glossary, sheet: sheet)
      for diagnostic in report.diagnostics { Console.error(diagnostic) }
      let errors = report.diagnostics.filter { $0.severity == .error }.count
      if errors > 0 { failed += 1 }
      Console.out(report.line(file: file).text(Console.messageLanguage) + "\n")
    }
    let checked = files.count + (spreadsheets.isEmpty ? 0 : 1)
    Console.out(
      Message(.checkSummary, .integer(checked - failed), .integer(failed)).text(Console.messageLanguage) + "\n")
    return failed == 0 ? 0 : 1
  }

  /// Checks the spreadsheets as one workbook: every refused row at its cell; 1 when any row is refused.
  private static func checkSpreadsheets(_ files: [String], _ arguments: Arguments) throws -> Int {
    let rows: [SpreadsheetImport.Row]
    do {
      rows = try SpreadsheetImport.read(files, glossary: try Console.library(arguments).glossary)
    } catch let diagnostic as Diagnostic {
      Console.error(diagnostic)
      Console.out(
        Message(
          .checkFailed, .text(files.joined(separator: " ")), .message(Message(.checkKindSpreadsheet, .integer(0)))
        ).text(Console.messageLanguage) + "\n")
      return 1
    }
    var refused = 0
    for row in rows {
      if case .failure(let diagnostic) = row.portfolio {
        Console.error(diagnostic)
        refused += 1
      }
    }
    let line = Message(
      refused == 0 ? .checkPassed : .checkFailed, .text(files.joined(separator: " ")),
      .message(Message(.checkKindSpreadsheet, .integer(rows.count))))
    Console.out(line.text(Console.messageLanguage) + "\n")
    return refused == 0 ? 0 : 1
  }
}
