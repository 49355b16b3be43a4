import Foundation
import TitleScore

/// `titlescore template --sheet ID [--format xlsx|csv] [--out FILE|DIR]`: the empty workbook an office fills in.
enum TemplateCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard let reference = arguments.value("--sheet") else { throw UsageError(Message(.cliTemplateNeedsSheet)) }
    let sheet = try Console.sheet(reference, arguments)
    let glossary = try Console.library(arguments).glossary
    let language = try Console.language(arguments)
    switch arguments.value("--format") ?? "xlsx" {
    case "xlsx":
      let out = arguments.value("--out") ?? "\(sheet.id).xlsx"
      let bytes = SpreadsheetWorkbook.template(for: sheet, glossary: glossary, language: language)
      try AtomicFile.write(to: out) { $0.write(bytes: bytes) }
      Console.error(Message(.cliTemplateWritten, .text(out)))
    case "csv":
      guard let folder = arguments.value("--out"), folder != "-" else {
        throw UsageError(Message(.cliGenerateCsvNeedsFolder))
      }
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let tables = SpreadsheetWorkbook.templateCSV(for: sheet, glossary: glossary)
      try AtomicFile.write(to: folder + "/applicants.csv") { $0.write(tables.applicants) }
      try AtomicFile.write(to: folder + "/achievements.csv") { $0.write(tables.achievements) }
      Console.error(Message(.cliTemplateWritten, .text(folder + "/applicants.csv, " + folder + "/achievements.csv")))
    case let other:
      throw UsageError(Message(.cliOptionOneOf, .text("--format"), .text("xlsx, csv"), .text(other)))
    }
    return 0
  }
}
