import Foundation
import TitleScore

/// `titlescore check FILE|DIR…`: validates sheets, route guides and portfolios and runs sheets' worked examples.
enum CheckCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard !arguments.positional.isEmpty else { throw UsageError(Message(.cliCheckNeedsInput)) }
    var files: [String] = []
    for argument in arguments.positional {
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
    var failed = 0
    for file in files {
      let report = DocumentCheck.check(file: file, glossary: glossary, sheet: sheet)
      for diagnostic in report.diagnostics { Console.error(diagnostic) }
      let errors = report.diagnostics.filter { $0.severity == .error }.count
      if errors > 0 { failed += 1 }
      Console.out(report.line(file: file).text(Console.messageLanguage) + "\n")
    }
    Console.out(
      Message(.checkSummary, .integer(files.count - failed), .integer(failed)).text(Console.messageLanguage) + "\n")
    return failed == 0 ? 0 : 1
  }
}
