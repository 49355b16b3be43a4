import Foundation
import TitleScore

/// `titlescore generate --count N [--seed S] [--sheet ID] [--invalid-rate R] [--out FILE]`: synthetic portfolios
/// as JSON Lines.
enum GenerateCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard arguments.value("--count") != nil else { throw UsageError(Message(.cliGenerateNeedsCount)) }
    let count = try arguments.integer("--count", default: 1)
    guard let seed = UInt64(arguments.value("--seed") ?? "1") else { throw UsageError(Message(.cliSeed)) }
    let rate = Double(arguments.value("--invalid-rate") ?? "0") ?? -1
    guard (0...1).contains(rate) else { throw UsageError(Message(.cliInvalidRate)) }
    let sheet = try Console.sheet(arguments.value("--sheet") ?? "jiaxing-2022-energy-engineer-self-score", arguments)
    let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: Int((rate * 1000).rounded()))
    if arguments.value("--format") == "xlsx" {
      // A workbook in the spreadsheet layout, dates in every style offices type them.
      guard let out = arguments.value("--out"), out != "-" else { throw UsageError(Message(.cliGenerateXlsxNeedsOut)) }
      let portfolios = (0..<count).compactMap {
        try? Portfolio.decode(json: Array(generator.portfolio(number: $0, seed: seed).utf8))
      }
      let bytes = SpreadsheetWorkbook.filled(portfolios, dateStyles: true)
      try AtomicFile.write(to: out) { $0.write(bytes: bytes) }
      return 0
    }
    if arguments.value("--format") == "csv" {
      // A workbook in the spreadsheet layout: applicants.csv and achievements.csv in the folder `--out` names.
      guard let folder = arguments.value("--out"), folder != "-" else {
        throw UsageError(Message(.cliGenerateCsvNeedsFolder))
      }
      try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
      let portfolios = (0..<count).compactMap {
        try? Portfolio.decode(json: Array(generator.portfolio(number: $0, seed: seed).utf8))
      }
      let tables = SpreadsheetExport.tables(portfolios, dateStyles: true)
      try AtomicFile.write(to: folder + "/applicants.csv") { $0.write(tables.applicants) }
      try AtomicFile.write(to: folder + "/achievements.csv") { $0.write(tables.achievements) }
      return 0
    }
    guard arguments.value("--format") == nil || arguments.value("--format") == "jsonl" else {
      throw UsageError(
        Message(.cliOptionOneOf, .text("--format"), .text("jsonl, csv, xlsx"), .text(arguments.value("--format")!)))
    }
    let write: (ReportSink) -> Void = { sink in
      for number in 0..<count { sink.write(generator.portfolio(number: number, seed: seed) + "\n") }
    }
    if let out = arguments.value("--out"), out != "-" {
      try AtomicFile.write(to: out) { write($0) }
    } else {
      let sink = ReportSink(handle: FileHandle.standardOutput)
      write(sink)
      sink.flush()
      if let failure = sink.failure { throw CommandFailure(Message(.cliStdoutFailed, .text("\(failure)"))) }
    }
    return 0
  }
}
