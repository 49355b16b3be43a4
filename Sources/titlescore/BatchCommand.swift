import Foundation
import TitleScore

/// `titlescore batch INPUT… --sheet ID|FILE`: scores many applicants into a ranked report.
enum BatchCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard !arguments.positional.isEmpty else {
      throw UsageError(Message(.cliBatchNeedsInput))
    }
    guard let reference = arguments.value("--sheet") else { throw UsageError(Message(.cliBatchNeedsSheet)) }
    Allocator.keepFreedMemoryForReuse()
    // `--out -` is standard output, as no `--out` is.
    let out = arguments.value("--out").flatMap { $0 == "-" ? nil : $0 }
    let defaultFormat =
      out.map { ($0 as NSString).pathExtension.lowercased() }.flatMap(ReportFormat.init(rawValue:)) ?? .table
    guard let format = arguments.value("--format").map({ ReportFormat(rawValue: $0) }) ?? defaultFormat else {
      throw UsageError(
        Message(.cliFormatOneOf, .text("\(ReportFormat.allCases.map(\.rawValue).joined(separator: ", "))")))
    }
    let jobs = try arguments.integer("--jobs", default: ProcessInfo.processInfo.activeProcessorCount)
    var options = ReportOptions(
      language: try Console.language(arguments), publicPosting: arguments.flags.contains("--public"), jobs: jobs,
      wide: arguments.flags.contains("--wide"))
    let sheet = try Console.sheet(reference, arguments)
    try posting(arguments, sheet: sheet, into: &options)
    options.htmlRows = try arguments.integer("--html-rows", default: options.htmlRows)
    let detail = arguments.flags.contains("--detail")
    if detail && (format != .html || options.publicPosting) { throw UsageError(Message(.cliDetailNeedsHtml)) }
    options.runDate = Day.today

    let started = Date()
    let progress = Progress(enabled: isatty(STDERR_FILENO) == 1 && !arguments.flags.contains("--quiet"))
    let results: BatchResults
    let glossary = try Console.library(arguments).glossary
    let runner = BatchRunner(sheet: sheet, jobs: jobs, glossary: glossary)
    var spreadsheet: [SpreadsheetImport.Row]?
    if let rows = try Console.spreadsheetRows(arguments) {
      spreadsheet = rows.rows
      results = runner.run(spreadsheet: rows.rows, source: rows.source)
    } else {
      do {
        results = try runner.run(arguments.positional, progress: progress.update)
      } catch {
        throw CommandFailure(Console.message(of: error))
      }
    }
    progress.finish()
    if detail {
      // The rows the HTML lists, each explained again from its portfolio.
      options.details = BatchDetails.explanations(
        for: results, positions: 0..<min(results.scoredCount, options.htmlRows), glossary: glossary,
        language: options.language, spreadsheet: spreadsheet)
    }
    let scoredPeakKB = PeakMemory.kilobytes()
    let reportStarted = Date()
    if let out {
      try AtomicFile.write(to: out, bypassingPageCache: true) {
        BatchReport.write(results, format: format, options: options, to: $0)
      }
    } else {
      let sink = ReportSink(handle: FileHandle.standardOutput)
      BatchReport.write(results, format: format, options: options, to: sink)
      sink.flush()
      Console.exitIfClosedPipe(sink.failure)
      if let failure = sink.failure { throw CommandFailure(Message(.cliStdoutFailed, .text("\(failure)"))) }
    }
    if let summary = arguments.value("--summary") {
      try AtomicFile.write(to: summary) { BatchReport.writeSummaryCSV(results, options: options, to: $0) }
    }
    let seconds = Date().timeIntervalSince(started)
    let reportSeconds = Date().timeIntervalSince(reportStarted)
    for record in results.rejected.prefix(20) {
      Console.error(record.diagnostic.located(file: record.file, line: record.line))
    }
    if results.rejected.count > 20 {
      Console.error(Message(.cliMoreRejected, .text("\(results.rejected.count - 20)")))
    }
    for duplicate in results.duplicates.prefix(20) {
      Console.error(
        Diagnostic(
          .duplicateApplicant, at: .root.appending("id"),
          Message(
            .diagnosticDuplicateApplicant, .text("\(duplicate.id)"),
            .text("\(DuplicateApplicant.location(duplicate.first))")),
          severity: .warning
        ).located(file: duplicate.repeated.file, line: duplicate.repeated.line).description)
    }
    if results.duplicates.count > 20 {
      Console.error(Message(.cliMoreDuplicates, .text("\(results.duplicates.count - 20)")))
    }
    let counts: [MessageArgument] = [
      .integer(results.readCount), .integer(results.scoredCount), .integer(results.rejected.count),
    ]
    Console.error(
      out.map { Message(.cliRecordsReadTo, arguments: counts + [.text($0)]) }
        ?? Message(.cliRecordsRead, arguments: counts))
    if let stats = arguments.value("--stats") {
      let line =
        "records=\(results.readCount) seconds=\(String(format: "%.3f", seconds)) peak_rss_kb=\(PeakMemory.kilobytes()) "
        + "peak_rss_kb_before_report=\(scoredPeakKB) "
        + String(
          format: "scoring_seconds=%.3f ranking_seconds=%.3f report_seconds=%.3f\n", results.timings.scoringSeconds,
          results.timings.rankingSeconds, reportSeconds)
      try line.write(toFile: stats, atomically: true, encoding: .utf8)
    }
    return results.scoredCount == 0 && results.readCount > 0 ? 1 : 0
  }

  /// The public posting's options: whom it lists, its period in working days and the contact for objections.
  /// They take `--public`; a period under five working days, or a date that is not one, is a usage error.
  private static func posting(_ arguments: Arguments, sheet: Scoresheet, into options: inout ReportOptions) throws {
    let postingOptions = ["--public-include", "--posting-from", "--posting-days", "--holidays", "--contact"]
    guard options.publicPosting else {
      if let given = postingOptions.first(where: { arguments.value($0) != nil }) {
        throw UsageError(Message(.cliPostingNeedsPublic, .text(given)))
      }
      return
    }
    if let scope = arguments.value("--public-include") {
      guard let parsed = ReportOptions.PostingScope(rawValue: scope) else {
        throw UsageError(
          Message(
            .cliOptionOneOf, .text("--public-include"),
            .text(ReportOptions.PostingScope.allCases.map(\.rawValue).joined(separator: ", ")), .text(scope)))
      }
      options.postingScope = parsed
    }
    // The least period is the sheet's (the notice's "不少于5个工作日"); a sheet that gives none needs --posting-days.
    let fewest = sheet.postingMinimumWorkingDays
    guard
      let days = try arguments.value("--posting-days").map({ _ in try arguments.integer("--posting-days", default: 1) })
        ?? fewest
    else {
      if arguments.value("--posting-from") != nil { throw UsageError(Message(.cliPostingNeedsDays)) }
      return
    }
    if let fewest, days < fewest {
      throw UsageError(Message(.cliPostingTooShort, .integer(days), .integer(fewest)))
    }
    guard let fromText = arguments.value("--posting-from") else {
      // The notices require the period and the contact: say what the posting lacks.
      Console.error(Message(.cliPostingWithoutPeriod))
      return
    }
    guard let from = Day(fromText) else {
      throw UsageError(Message(.cliPostingFromNotADate, .text(fromText)))
    }
    var calendar = WorkingCalendar()
    if let file = arguments.value("--holidays") {
      let text = String(decoding: try Console.read(file), as: UTF8.self)
      do {
        calendar = try WorkingCalendar.parse(text, file: file)
      } catch {
        throw CommandFailure(error)
      }
    }
    options.postingNotice = PostingNotice(
      from: from, workingDays: days, calendar: calendar, contact: arguments.value("--contact"))
  }
}

/// Progress on standard error for long runs, only when it is a terminal.
final class Progress: @unchecked Sendable {
  private let enabled: Bool
  private var last = Date()

  init(enabled: Bool) {
    self.enabled = enabled
  }

  func update(_ read: Int) {
    guard enabled, Date().timeIntervalSince(last) > 0.5 else { return }
    last = Date()
    _ = Console.write(
      Array(("\r" + Message(.cliProgress, .integer(read)).text(Console.messageLanguage)).utf8), to: STDERR_FILENO)
  }

  func finish() {
    if enabled { _ = Console.write(Array("\r\u{1B}[K".utf8), to: STDERR_FILENO) }
  }
}

/// The peak resident memory of this process, from `/proc/self/status` (0 where it cannot be read).
enum PeakMemory {
  static func kilobytes() -> Int {
    guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return 0 }
    for line in status.split(separator: "\n") where line.hasPrefix("VmHWM:") {
      return Int(line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first ?? "0") ?? 0
    }
    return 0
  }

}
