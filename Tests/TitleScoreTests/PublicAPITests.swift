import Foundation
import Testing

@testable import TitleScore

/// The example program uses the library as a program outside this package would: public declarations only. It is
/// type-checked here under another package name (inside the package, `package` declarations would be visible), and
/// the built example is run on the bundled sheets.
@Suite struct PublicAPITests {
  private let products = Bundle.module.bundleURL.deletingLastPathComponent()
  private var repository: URL { URL(fileURLWithPath: Bundled.directory).deletingLastPathComponent() }
  private var exampleSource: URL { repository.appendingPathComponent("Sources/ScoreInCode/main.swift") }

  /// Type-checks Swift files against the built TitleScore module as a program outside the package; the exit status
  /// and what the compiler printed.
  private func typecheckOutside(_ files: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments =
      [
        "swiftc", "-typecheck", "-package-name", "outside", "-I", products.appendingPathComponent("Modules").path,
        // The system zlib's module map, which SwiftPM hands every client of the package with the library.
        "-I", repository.appendingPathComponent("Sources/CZlib").path,
      ] + files
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    return (process.terminationStatus, output)
  }

  @Test func theExampleUsesOnlyThePublicAPI() throws {
    let checked = try typecheckOutside([exampleSource.path])
    #expect(checked.status == 0, "\(checked.output)")
  }

  @Test func theCheckRefusesWhatIsNotPublic() throws {
    // The same check must fail on a declaration the library keeps to the package, or it proves nothing.
    let extra = Scratch.file("swift")
    try Data("let hidden: JSONValue? = nil\n".utf8).write(to: extra)
    // Named main.swift, as the example is: only that file may hold top-level code.
    let copy = try Scratch.directory().appendingPathComponent("main.swift")
    try FileManager.default.copyItem(at: exampleSource, to: copy)
    let checked = try typecheckOutside([copy.path, extra.path])
    #expect(checked.status != 0)
    #expect(checked.output.contains("JSONValue"))
  }

  @Test func theExampleScoresAPortfolioBuiltInCode() throws {
    let process = Process()
    process.executableURL = products.appendingPathComponent("ScoreInCode")
    process.arguments = [Bundled.directory]
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    #expect(output.contains("jiaxing-2022-energy-engineer-self-score"))
    #expect(output.contains("未达分数线"))
  }

  @Test func aBatchOverPortfoliosInCodeEqualsTheSameBatchFromAFile() throws {
    let sheet = Bundled.sheet("jiaxing-2022-energy-engineer-self-score")
    let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: 100)
    let lines = (0..<300).map { generator.portfolio(number: $0, seed: 11) }
    let decoded = lines.compactMap { try? Portfolio.decode(json: Array($0.utf8)) }
    let valid = decoded.map { portfolio in
      // One line per portfolio that decodes, so that both runs number the same applicants alike.
      lines.first { (try? Portfolio.decode(json: Array($0.utf8))) == portfolio }!
    }
    let file = Scratch.file("jsonl")
    try Data((valid.joined(separator: "\n") + "\n").utf8).write(to: file)
    let fromFile = try BatchRunner(sheet: sheet, jobs: 2).run([file.path])
    let inCode = BatchRunner(sheet: sheet, jobs: 2).run(portfolios: decoded, source: file.path)
    #expect(inCode.scoredCount == decoded.count)
    #expect(Array(inCode.rankedRows) == Array(fromFile.rankedRows))
  }
}
