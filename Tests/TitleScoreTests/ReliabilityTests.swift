import Foundation
import Testing

@testable import TitleScore

/// Inputs that once slipped past the count, output that reached a terminal raw, and exits that were not clean.
@Suite struct ReliabilityTests {
  private let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")

  private var exampleLines: [String] {
    let text = try! String(contentsOfFile: Bundled.examplesDirectory + "/applicants.jsonl", encoding: .utf8)
    return text.split(separator: "\n").map(String.init)
  }

  @Test func aJSONLinesFileWhoseFirstLineIsAnArrayHasEveryLineCounted() throws {
    let lines = exampleLines
    let file = Scratch.file("jsonl")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data((["[" + lines[0] + "]"] + lines[1...]).joined(separator: "\n").utf8).write(to: file)
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([file.path])
    #expect(results.readCount == lines.count)
    #expect(results.rejected.first { $0.line == 1 }?.diagnostic.code == .wrongType)
    // The same file as standard input, read as a stream.
    let handle = try #require(FileHandle(forReadingAtPath: file.path))
    defer { try? handle.close() }
    let streamed = try BatchRunner(sheet: sheet, jobs: 1).run(["-"], standardInput: handle)
    #expect(streamed.readCount == lines.count)
  }

  @Test func anArrayFileStaysAnArrayAndAMalformedOneIsReportedWhereItBreaks() throws {
    let lines = Array(exampleLines.prefix(3))
    let file = Scratch.file("json")
    defer { try? FileManager.default.removeItem(at: file) }
    try Data(("[\n" + lines.joined(separator: ",\n") + "\n]\n").utf8).write(to: file)
    #expect(try BatchRunner(sheet: sheet, jobs: 1).run([file.path]).readCount == 3)
    try Data(("[\n" + lines.joined(separator: ",\n") + ",\n{\"id\": \n").utf8).write(to: file)
    let broken = try BatchRunner(sheet: sheet, jobs: 1).run([file.path])
    #expect(broken.scoredCount == 3)
    #expect(broken.rejected.map(\.diagnostic.code) == [.jsonSyntax])
  }

  @Test func aRepeatedApplicantIDIsReportedWithBothLocationsAndBothAreScored() throws {
    let lines = Array(exampleLines.prefix(3))
    let first = Scratch.file("jsonl")
    let second = Scratch.file("jsonl")
    defer {
      try? FileManager.default.removeItem(at: first)
      try? FileManager.default.removeItem(at: second)
    }
    try Data(lines.joined(separator: "\n").utf8).write(to: first)
    try Data(lines[1].utf8).write(to: second)
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([first.path, second.path])
    #expect(results.scoredCount == 4)
    let duplicate = try #require(results.duplicates.first)
    #expect(results.duplicates.count == 1)
    #expect(duplicate.first.file == first.path && duplicate.first.line == 2)
    #expect(duplicate.repeated.file == second.path && duplicate.repeated.line == 1)
    let sink = ReportSink()
    BatchReport.write(results, format: .json, options: ReportOptions(language: .en), to: sink)
    let json = sink.text
    #expect(json.contains("\"duplicates\": [") && json.contains(DuplicateApplicant.location(duplicate.repeated)))
    let noRepeats = try BatchRunner(sheet: sheet, jobs: 1).run([first.path])
    #expect(noRepeats.duplicates.isEmpty)
  }

  @Test func controlCharactersAndBidiOverridesReachNoTerminalRaw() {
    #expect(
      TerminalText.escaped("张\u{1B}[31m三\u{07}\u{08}\r\u{0}\u{9B}\u{202E}")
        == #"张\u001B[31m三\u0007\u0008\u000D\u0000\u009B\u202E"#)
    #expect(TerminalText.escaped("line\nnext\tcell") == "line\nnext\tcell")
    #expect(TerminalText.escaped("a\nb", keepingLineBreaks: false) == #"a\u000Ab"#)
    let plain = "沈建华"
    #expect(TerminalText.escaped(plain) == plain)
    let cell = MarkdownReportWriter.escape("甲\r\n乙|丙`丁\u{2028}戊")
    #expect(!cell.contains("\n") && !cell.contains("\r") && !cell.unicodeScalars.contains("\u{2028}"))
    #expect(cell.contains("\\|") && cell.contains("\\`"))
  }

  @Test func aReportNeverReplacesWhatIsNotARegularFile() throws {
    let directory = try Scratch.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    for path in ["/dev/null", directory.path] {
      #expect(throws: NotARegularFile.self) { try AtomicFile.write(to: path) { $0.write("x") } }
    }
    var status = stat()
    #expect(stat("/dev/null", &status) == 0 && (status.st_mode & S_IFMT) == S_IFCHR)
    let fifo = directory.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    #expect(throws: NotARegularFile.self) { try AtomicFile.write(to: fifo) { $0.write("x") } }
  }

  @Test func aKilledRunsTemporaryIsRemovedByTheNextRunOfTheSameReport() throws {
    let directory = try Scratch.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    // A process id far above any the kernel hands out here, and pid 1, which is always alive.
    let stale = directory.appendingPathComponent(".report.csv.4000000.tmp")
    let alive = directory.appendingPathComponent(".report.csv.1.tmp")
    let other = directory.appendingPathComponent(".other.csv.4000000.tmp")
    for file in [stale, alive, other] {
      _ = FileManager.default.createFile(atPath: file.path, contents: Data("old".utf8))
    }
    try AtomicFile.write(to: directory.appendingPathComponent("report.csv").path) { $0.write("new") }
    #expect(!FileManager.default.fileExists(atPath: stale.path))
    #expect(FileManager.default.fileExists(atPath: alive.path))
    #expect(FileManager.default.fileExists(atPath: other.path))
  }

  @Test func aSheetsFolderGivenAsALinkIsFollowed() throws {
    let directory = try Scratch.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let link = directory.appendingPathComponent("sheets").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: Bundled.directory)
    #expect(ScoresheetLibrary(directory: link).sheets.count == Bundled.library.sheets.count)
    #expect(!Bundled.library.sheets.isEmpty)
  }

  /// The built binary, beside the tests' resources.
  static var binary: String {
    Bundle.module.bundleURL.deletingLastPathComponent().appendingPathComponent("titlescore").path
  }

  @Test func aClosedPipeEndsTheRunQuietlyWithStatus141() throws {
    let input = Scratch.file("jsonl")
    defer { try? FileManager.default.removeItem(at: input) }
    let lines = exampleLines.prefix(48)
    try Data(String(repeating: lines.joined(separator: "\n") + "\n", count: 40).utf8).write(to: input)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.binary)
    process.currentDirectoryURL = URL(fileURLWithPath: Bundled.directory).deletingLastPathComponent()
    process.arguments = ["batch", input.path, "--sheet", sheet.id, "--format", "csv", "--quiet"]
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    _ = output.fileHandleForReading.readData(ofLength: 100)
    try output.fileHandleForReading.close()
    process.waitUntilExit()
    let messages = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    #expect(process.terminationStatus == 141)
    #expect(process.terminationReason == .exit)
    #expect(!messages.contains("error"), "\(messages)")
  }
}
