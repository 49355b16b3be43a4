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
    #expect(scored.output.contains("分数线: 55"))
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
}
