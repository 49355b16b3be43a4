import Foundation
import TitleScore

/// `titlescore compare INPUT… --sheet A --sheet B`: whose verdict or rank changes under another sheet, and why.
enum CompareCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard !arguments.positional.isEmpty else { throw UsageError(Message(.cliCompareNeedsInput)) }
    let references = arguments.values("--sheet")
    guard references.count == 2 else { throw UsageError(Message(.cliCompareNeedsTwoSheets)) }
    let format = arguments.value("--format") ?? "text"
    guard format == "text" || format == "json" else { throw UsageError(Message(.cliFormatTextOrJson)) }
    let jobs = try arguments.integer("--jobs", default: ProcessInfo.processInfo.activeProcessorCount)
    let language = try Console.language(arguments)
    let sheets = try references.map { try Console.sheet($0, arguments) }
    Allocator.keepFreedMemoryForReuse()
    // Both sheets read the same records: standard input is read once, into a temporary file.
    var inputs = arguments.positional
    if let dash = inputs.firstIndex(of: "-") {
      let copy = FileManager.default.temporaryDirectory.appendingPathComponent(
        "titlescore-stdin-\(UUID().uuidString).jsonl")
      try FileHandle.standardInput.readDataToEndOfFile().write(to: copy)
      inputs[dash] = copy.path
    }
    defer {
      for input in inputs where input.contains("titlescore-stdin-") {
        try? FileManager.default.removeItem(atPath: input)
      }
    }
    var runs: [BatchResults] = []
    let spreadsheet = try Console.spreadsheetRows(arguments)
    for sheet in sheets {
      let runner = BatchRunner(sheet: sheet, jobs: jobs, glossary: try Console.library(arguments).glossary)
      if let spreadsheet {
        runs.append(runner.run(spreadsheet: spreadsheet.rows, source: spreadsheet.source))
        continue
      }
      do {
        runs.append(
          try BatchRunner(sheet: sheet, jobs: jobs, glossary: try Console.library(arguments).glossary).run(inputs))
      } catch {
        throw CommandFailure(Console.message(of: error))
      }
    }
    let comparison = SheetComparison(before: runs[0], after: runs[1], language: language)
    let text = format == "json" ? comparison.renderJSON() : comparison.renderText()
    if let out = arguments.value("--out"), out != "-" {
      try AtomicFile.write(to: out) { $0.write(text) }
    } else {
      Console.out(text)
    }
    Console.error(
      Message(
        .cliRecordsRead, .text("\(runs[0].readCount)"), .text("\(runs[0].scoredCount)"),
        .text("\(runs[0].rejected.count)")))
    return 0
  }
}
