import Foundation
import Testing

@testable import TitleScore

/// The built binary, run as a user would: from another folder, with what it carries.
@Suite struct CommandLineTests {
  /// What a run printed and how it ended.
  struct Run {
    var status: Int32
    var output: String
    var errors: String
  }

  /// Runs the built `titlescore` in `folder` (a fresh empty one unless given) with an environment of its own.
  static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ReliabilityTests.binary)
    process.arguments = arguments
    process.currentDirectoryURL = try folder ?? Scratch.directory()
    var variables = ProcessInfo.processInfo.environment
    variables["TITLESCORE_SHEETS"] = nil
    for (name, value) in environment { variables[name] = value }
    process.environment = variables
    let output = Pipe()
    let errors = Pipe()
    process.standardOutput = output
    process.standardError = errors
    try process.run()
    let printed = output.fileHandleForReading.readDataToEndOfFile()
    let complained = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Run(
      status: process.terminationStatus, output: String(decoding: printed, as: UTF8.self),
      errors: String(decoding: complained, as: UTF8.self))
  }

  @Test func theLibraryCarriesExactlyWhatScoresheetsHolds() throws {
    let onDisk = ScoresheetLibrary.jsonFiles(under: Bundled.directory)
    let carried = BundledSheetFiles.files
    #expect(carried.map { Bundled.directory + "/" + $0.path } == onDisk)
    for (path, text) in carried {
      let bytes = try Data(contentsOf: URL(fileURLWithPath: Bundled.directory + "/" + path))
      #expect(Array(text.utf8) == Array(bytes), "\(path) differs from what the binary carries")
    }
    #expect(ScoresheetLibrary.bundled.sheets.map(\.id) == Bundled.library.sheets.map(\.id))
    #expect(ScoresheetLibrary.bundled.guides.map(\.id) == Bundled.library.guides.map(\.id))
    #expect(ScoresheetLibrary.bundled.diagnostics.isEmpty)
  }

  @Test func aCopiedBinaryListsAndUsesEveryBundledSheetFromAnyFolder() throws {
    let listed = try Self.run(["sheets"])
    #expect(listed.status == 0)
    for sheet in Bundled.library.sheets { #expect(listed.output.contains(sheet.id), "\(sheet.id)") }
    let example = Bundled.examplesDirectory + "/jiaxing-energy-engineer.json"
    let scored = try Self.run(["score", example, "--sheet", "jiaxing-2022-energy-engineer-self-score"])
    #expect(scored.status == 0)
    #expect(scored.output.contains("未达分数线"))
  }

  @Test func aSheetsFolderThatDoesNotExistOrHoldsNoSheetIsAnError() throws {
    let missing = try Self.run(["sheets", "--sheets", "/nonexistent-titlescore-sheets"])
    #expect(missing.status == 1)
    #expect(missing.errors.contains("/nonexistent-titlescore-sheets"))
    let empty = try Scratch.directory()
    let none = try Self.run(["sheets"], environment: ["TITLESCORE_SHEETS": empty.path])
    #expect(none.status == 1)
    #expect(none.errors.contains(empty.path))
  }

  @Test func aSheetsFolderAddsSheetsAndReplacesBundledOnesById() throws {
    let folder = try Scratch.directory()
    let original = "jiaxing/jiaxing-2022-energy-engineer-self-score.json"
    let text = try String(contentsOfFile: Bundled.directory + "/" + original, encoding: .utf8)
    // The office's copy of the table: the same id with another threshold.
    let replaced = text.replacingOccurrences(of: #""threshold": 60"#, with: #""threshold": 55"#)
    #expect(replaced != text)
    try Data(replaced.utf8).write(to: folder.appendingPathComponent("energy.json"))
    let example = Bundled.examplesDirectory + "/jiaxing-energy-engineer.json"
    let scored = try Self.run(
      ["score", example, "--sheet", "jiaxing-2022-energy-engineer-self-score", "--sheets", folder.path])
    #expect(scored.status == 0)
    #expect(scored.output.contains("分数线：55"))
    let listed = try Self.run(["sheets", "--sheets", folder.path])
    #expect(listed.output.contains("linping-2022-manufacturing-engineer-normal"))
  }

  @Test func usageErrorsAreChineseByDefaultAndEnglishOnRequest() throws {
    let chinese = try Self.run(["batch"])
    #expect(chinese.status == 2)
    #expect(chinese.errors.contains("batch 至少需要一个输入"))
    let english = try Self.run(["batch", "--lang", "en"])
    #expect(english.status == 2)
    #expect(english.errors.contains("batch needs at least one input"))
  }

  @Test func helpGoesToStandardOutputAndEndsWell() throws {
    for flag in ["--help", "-h", "help"] {
      let run = try Self.run([flag])
      #expect(run.status == 0, "\(flag)")
      for command in ["score", "batch", "routes", "plan", "completions"] { #expect(run.output.contains(command)) }
      #expect(run.output.contains("退出状态"))
      #expect(run.errors.isEmpty)
    }
    let english = try Self.run(["--help", "--lang", "en"])
    #expect(english.output.contains("Exit status"))
  }

  @Test func everyCommandHasHelpWithEachOptionAndAnExample() throws {
    for name in [
      "sheets", "check", "score", "batch", "compare", "routes", "plan", "outcomes", "standing", "generate",
      "bench", "completions",
    ] {
      let viaHelp = try Self.run(["help", name])
      let viaFlag = try Self.run([name, "--help"])
      #expect(viaHelp.status == 0 && viaFlag.status == 0, "\(name)")
      #expect(viaHelp.output == viaFlag.output, "\(name)")
      #expect(viaHelp.output.hasPrefix("titlescore \(name)"))
      #expect(viaHelp.output.contains("示例：\n  titlescore \(name)"), "\(name)")
      for option in ["--lang", "--sheets", "--help"] { #expect(viaHelp.output.contains(option)) }
    }
    let batch = try Self.run(["help", "batch"])
    for option in ["--sheet", "--out", "--format", "--jobs", "--public", "--quiet", "--stats"] {
      #expect(batch.output.contains(option), "\(option)")
    }
  }

  @Test func theVersionIsPrinted() throws {
    let run = try Self.run(["--version"])
    #expect(run.status == 0)
    #expect(run.output.hasPrefix("titlescore "))
  }

  @Test func anUnknownCommandOrOptionIsNamedWithTheNearestAndExits2() throws {
    let command = try Self.run(["scroe"])
    #expect(command.status == 2)
    #expect(command.errors.contains("scroe") && command.errors.contains("score"))
    let option = try Self.run(["batch", "x.jsonl", "--sheet", "s", "--fromat", "csv"])
    #expect(option.status == 2)
    #expect(option.errors.contains("--fromat") && option.errors.contains("--format"))
    let far = try Self.run(["batch", "x.jsonl", "--zzzzzzzz"])
    #expect(far.status == 2 && far.errors.contains("--zzzzzzzz"))
  }

  @Test func aDashIsStandardInputAndStandardOutput() throws {
    let example = Bundled.examplesDirectory + "/applicants.jsonl"
    let toStandardOutput = try Self.run(
      [
        "batch", example, "--sheet", "jiaxing-2022-energy-engineer-self-score", "--format", "csv", "--out", "-",
        "--quiet",
      ])
    #expect(toStandardOutput.status == 0)
    #expect(toStandardOutput.output.contains("排名"))
    let folder = try Scratch.directory()
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("-").path))
    let process = Process()
    process.executableURL = URL(fileURLWithPath: ReliabilityTests.binary)
    process.arguments = ["score", "-", "--sheet", "jiaxing-2022-energy-engineer-self-score", "--format", "json"]
    process.currentDirectoryURL = folder
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    try process.run()
    input.fileHandleForWriting.write(
      try Data(contentsOf: URL(fileURLWithPath: Bundled.examplesDirectory + "/jiaxing-energy-engineer.json")))
    try input.fileHandleForWriting.close()
    let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(printed.contains("\"below-threshold\""))
  }

  @Test func aReportNeverReplacesWhatIsNotARegularFile() throws {
    let folder = try Scratch.directory()
    let example = Bundled.examplesDirectory + "/applicants.jsonl"
    let run = try Self.run(
      ["batch", example, "--sheet", "jiaxing-2022-energy-engineer-self-score", "--out", folder.path, "--quiet"])
    #expect(run.status == 1)
    #expect(run.errors.contains(folder.path))
    var isDirectory: ObjCBool = false
    #expect(FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory) && isDirectory.boolValue)
  }

  @Test func failBelowGivesScriptsTheVerdictAsTheStatus() throws {
    let below = Bundled.examplesDirectory + "/jiaxing-energy-engineer.json"
    let sheet = "jiaxing-2022-energy-engineer-self-score"
    #expect(try Self.run(["score", below, "--sheet", sheet]).status == 0)
    #expect(try Self.run(["score", below, "--sheet", sheet, "--fail-below"]).status == 3)
  }

  @Test func completionsAreWrittenForEachShell() throws {
    for shell in ["bash", "zsh", "fish"] {
      let run = try Self.run(["completions", shell])
      #expect(run.status == 0, "\(shell)")
      #expect(run.output.contains("titlescore") && run.output.contains("batch"))
      #expect(run.output.contains(shell == "fish" ? "-l sheet" : "--sheet"))
    }
    #expect(try Self.run(["completions", "tcsh"]).status == 2)
  }

  @Test func outputThatIsNotATerminalCarriesNoColour() throws {
    let run = try Self.run([
      "score", Bundled.examplesDirectory + "/jiaxing-energy-engineer.json", "--sheet",
      "jiaxing-2022-energy-engineer-self-score",
    ])
    #expect(!run.output.contains("\u{1B}["))
    #expect(run.output.contains("✓"))
  }

  @Test func scoreFitsOneHundredColumnsAndTraceAddsTheMatchedRows() throws {
    for example in ["jiaxing-energy-engineer.json", "shaoxing-senior-engineer.json", "linping-exceptional.json"] {
      let sheet =
        example.hasPrefix("jiaxing")
        ? "jiaxing-2022-energy-engineer-self-score"
        : example.hasPrefix("shaoxing")
          ? "shaoxing-2022-eco-environment-senior-engineer-self-score"
          : "linping-2022-manufacturing-engineer-exceptional"
      for language in ["zh", "en"] {
        let run = try Self.run([
          "score", Bundled.examplesDirectory + "/" + example, "--sheet", sheet, "--lang", language,
        ])
        #expect(run.status == 0, "\(example)")
        let widest = run.output.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        #expect(widest <= 100, "\(example) \(language): \(widest)")
      }
    }
    let traced = try Self.run([
      "score", Bundled.examplesDirectory + "/jiaxing-energy-engineer.json", "--sheet",
      "jiaxing-2022-energy-engineer-self-score", "--trace",
    ])
    #expect(traced.output.contains("匹配") && traced.output.contains("→ 第"))
  }

  /// The example applicant with some values rewritten, in a fresh folder: the portfolio file's path.
  private static func applicant(in folder: URL, _ replacements: [(String, String)]) throws -> String {
    var text = try String(contentsOfFile: Bundled.examplesDirectory + "/jiaxing-energy-engineer.json", encoding: .utf8)
    for (old, new) in replacements { text = text.replacingOccurrences(of: old, with: new) }
    let file = folder.appendingPathComponent("applicant.json")
    try text.write(to: file, atomically: true, encoding: .utf8)
    return file.path
  }

  @Test func valuesWrittenInChineseScoreAsTheirCodesFromTheBuiltBinary() throws {
    let sheet = "jiaxing-2022-energy-engineer-self-score"
    let coded = try Self.run(["score", Bundled.examplesDirectory + "/jiaxing-energy-engineer.json", "--sheet", sheet])
    let folder = try Scratch.directory()
    let written = try Self.applicant(
      in: folder,
      [
        (#""level": "bachelor""#, #""level": "本科""#), (#""city": "jiaxing""#, #""city": "嘉兴""#),
        (#""specialty": "energy""#, #""specialty": "能源""#), (#""2019": "competent""#, #""2019": "合格""#),
        (#""title": "assistant-engineer""#, #""title": "助理工程师""#),
      ])
    let run = try Self.run(["score", written, "--sheet", sheet], in: folder)
    #expect(run.status == coded.status)
    #expect(run.output == coded.output)
    let routes = try Self.run(["routes", written], in: folder)
    #expect(routes.status == 0 && routes.output.contains(sheet))
  }

  @Test func aValueOutsideTheVocabularyFailsWithItsPathAndTheAcceptedValues() throws {
    let folder = try Scratch.directory()
    let written = try Self.applicant(in: folder, [(#""level": "bachelor""#, #""level": "大本科""#)])
    let run = try Self.run(["score", written, "--sheet", "jiaxing-2022-energy-engineer-self-score"], in: folder)
    #expect(run.status == 1)
    #expect(run.errors.contains("value-outside-vocabulary") && run.errors.contains("education[1].level"))
    #expect(run.errors.contains("本科（bachelor）"))
    let check = try Self.run(["check", written], in: folder)
    #expect(check.status == 1 && check.errors.contains("value-outside-vocabulary"))
  }

  @Test func checkWithASheetNamesWhatThePortfolioLeavesOutAndWhatItCosts() throws {
    let folder = try Scratch.directory()
    let written = try Self.applicant(in: folder, [(#""2021": "competent""#, #""2022": "competent""#)])
    let run = try Self.run(["check", written, "--sheet", "jiaxing-2022-energy-engineer-self-score"], in: folder)
    // Omissions are warnings: the file itself is fine.
    #expect(run.status == 0)
    #expect(run.errors.contains("field-omitted") && run.errors.contains("assessments.2021"))
    #expect(run.errors.contains("年度考核"))
  }

  @Test func sheetsRoutesAndPlanFitOneHundredColumnsAndPunctuateChineseAsChinese() throws {
    let examples = Bundled.examplesDirectory
    let runs = [
      ["sheets"], ["routes", examples + "/linping-normal.json"],
      ["routes", examples + "/jiaxing-energy-engineer.json"],
      [
        "plan", examples + "/jiaxing-energy-engineer-below-threshold.json", "--sheet",
        "jiaxing-2022-energy-engineer-self-score",
      ],
      ["score", examples + "/jiaxing-energy-engineer.json", "--sheet", "jiaxing-2022-energy-engineer-self-score"],
    ]
    for arguments in runs {
      for language in ["zh", "en"] {
        let run = try Self.run(arguments + ["--lang", language])
        #expect(run.status == 0, "\(arguments)")
        let lines = run.output.split(separator: "\n").map(String.init)
        let widest = lines.map { DisplayWidth.of($0) }.max() ?? 0
        #expect(widest <= 100, "\(arguments) \(language): \(widest)")
        guard language == "zh" else { continue }
        // A Chinese label takes a full-width colon: no "结论: " after a Chinese character.
        let ascii = lines.filter { line in
          line.unicodeScalars.indices.contains { index in
            line.unicodeScalars[index] == ":" && index > line.unicodeScalars.startIndex
              && DisplayWidth.of(line.unicodeScalars[line.unicodeScalars.index(before: index)]) == 2
          }
        }
        #expect(ascii.isEmpty, "\(arguments): \(ascii)")
      }
    }
  }

  @Test func thePostingOptionsAreCheckedAndTheHolidaysFileIsReadWithItsLines() throws {
    let folder = try Scratch.directory()
    let cohort = Bundled.examplesDirectory + "/applicants.jsonl"
    let sheet = ["--sheet", "jiaxing-2022-energy-engineer-self-score", "--quiet"]
    try "2022-10-03\n2022-10-04\n2022-10-05\n2022-10-06\n2022-10-07\n2022-10-08 补班\n2022-10-09 补班\n".write(
      to: folder.appendingPathComponent("holidays.txt"), atomically: true, encoding: .utf8)
    let posted = try Self.run(
      ["batch", cohort, "--public", "--posting-from", "2022-09-29", "--holidays", "holidays.txt", "--contact", "专技处"]
        + sheet, in: folder)
    #expect(posted.status == 0)
    #expect(posted.output.contains("2022-09-29 至 2022-10-10（5 个工作日）") && posted.output.contains("专技处"))
    // Shorter than the notices allow, or without --public: the command was called wrongly.
    let short = try Self.run(
      ["batch", cohort, "--public", "--posting-from", "2022-09-29", "--posting-days", "3"] + sheet)
    #expect(short.status == 2)
    let alone = try Self.run(["batch", cohort, "--contact", "专技处"] + sheet)
    #expect(alone.status == 2 && alone.errors.contains("--public"))
    let scope = try Self.run(["batch", cohort, "--public", "--public-include", "some"] + sheet)
    #expect(scope.status == 2 && scope.errors.contains("passing"))
    try "2022-10-03\n2022-13-01\n".write(
      to: folder.appendingPathComponent("bad.txt"), atomically: true, encoding: .utf8)
    let bad = try Self.run(
      ["batch", cohort, "--public", "--posting-from", "2022-09-29", "--holidays", "bad.txt"] + sheet, in: folder)
    #expect(bad.status == 1 && bad.errors.contains("bad.txt:2") && bad.errors.contains("invalid-date"))
    // A posting without a period still lists, and says what it lacks.
    let bare = try Self.run(["batch", cohort, "--public"] + sheet)
    #expect(bare.status == 0 && bare.errors.contains("--posting-from"))
  }

  @Test func aSpreadsheetIsBatchedCheckedAndComparedAsTheJSONLinesCohortIs() throws {
    let examples = Bundled.examplesDirectory
    let sheet = ["--sheet", "jiaxing-2022-energy-engineer-self-score", "--quiet", "--format", "csv", "--out", "-"]
    let workbook = [examples + "/applicants.csv", examples + "/achievements.csv"]
    let fromSheet = try Self.run(["batch"] + workbook + sheet)
    let fromJSON = try Self.run(["batch", examples + "/applicants.jsonl"] + sheet)
    #expect(fromSheet.status == 0)
    // The same ranked rows, but for where each came from (the source column, last).
    func rows(_ csv: String) -> [String] {
      csv.split(separator: "\r\n").dropFirst().map { line in
        String(line[..<(line.range(of: ",\"", options: .backwards)?.lowerBound ?? line.endIndex)])
      }
    }
    #expect(rows(fromSheet.output) == rows(fromJSON.output))
    #expect(fromSheet.errors.contains("applicants.csv:AB50") && fromSheet.errors.contains("invalid-date"))
    let check = try Self.run(["check"] + workbook)
    #expect(check.status == 1 && check.errors.contains("AB50"))
    let mixed = try Self.run(["batch", examples + "/applicants.csv", examples + "/applicants.jsonl"] + sheet)
    #expect(mixed.status == 2)
    let compared = try Self.run(
      ["compare"] + workbook + [
        "--sheet", "jiaxing-2022-energy-engineer-self-score", "--sheet", "jiaxing-2022-energy-engineer-self-score",
      ])
    #expect(compared.status == 0)
  }

  @Test func generateWritesAWorkbookThatBatchReads() throws {
    let folder = try Scratch.directory()
    let made = try Self.run(["generate", "--count", "50", "--format", "csv", "--out", "book"], in: folder)
    #expect(made.status == 0)
    let batch = try Self.run(
      ["batch", "book/applicants.csv", "book/achievements.csv", "--sheet", "jiaxing-2022-energy-engineer-self-score"],
      in: folder)
    #expect(batch.status == 0 && batch.errors.contains("50"))
    let noFolder = try Self.run(["generate", "--count", "5", "--format", "csv"], in: folder)
    #expect(noFolder.status == 2)
  }

  @Test func anOfficeGoesFromTemplateToWorkbookToAnExcelReport() throws {
    let folder = try Scratch.directory()
    let sheet = "jiaxing-2022-energy-engineer-self-score"
    let template = try Self.run(["template", "--sheet", sheet, "--out", "申报人.xlsx"], in: folder)
    #expect(template.status == 0 && template.errors.contains("申报人.xlsx"))
    let fromTemplate = try Self.run(["batch", "申报人.xlsx", "--sheet", sheet, "--format", "csv"], in: folder)
    #expect(fromTemplate.status == 0 && fromTemplate.errors.contains("已评分 1"))
    let csv = try Self.run(["template", "--sheet", sheet, "--format", "csv", "--out", "csv"], in: folder)
    #expect(csv.status == 0)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("csv/achievements.csv").path))
    let workbook = Bundled.examplesDirectory + "/applicants.xlsx"
    let report = try Self.run(["batch", workbook, "--sheet", sheet, "--out", "report.xlsx"], in: folder)
    #expect(report.status == 0 && report.errors.contains("applicants.xlsx:申报人!AB50"))
    let bytes = try [UInt8](Data(contentsOf: folder.appendingPathComponent("report.xlsx")))
    #expect(try XLSXReader.sheets(bytes).first?.rows.count == 49)
    let checked = try Self.run(["check", workbook], in: folder)
    #expect(checked.status == 1 && checked.errors.contains("申报人!AB50") && checked.errors.contains("invalid-date"))
    let old = folder.appendingPathComponent("old.xls")
    try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 512)).write(to: old)
    let refused = try Self.run(["batch", old.path, "--sheet", sheet], in: folder)
    #expect(refused.status == 1 && refused.errors.contains("workbook-unreadable") && refused.errors.contains(".xlsx"))
    let noSheet = try Self.run(["template"], in: folder)
    #expect(noSheet.status == 2)
    let printed = try Self.run(["batch", workbook, "--sheet", sheet, "--out", "report.html", "--detail"], in: folder)
    #expect(printed.status == 0)
    let html = try String(contentsOf: folder.appendingPathComponent("report.html"), encoding: .utf8)
    #expect(html.components(separatedBy: "<section class=\"detail\">").count - 1 == 48)
    let detailInCSV = try Self.run(["batch", workbook, "--sheet", sheet, "--format", "csv", "--detail"], in: folder)
    #expect(detailInCSV.status == 2)
  }
}
