import Foundation
import Testing

@testable import TitleScore

/// The public JSONTestSuite (`../shared/jsontestsuite/test_parsing/`, beside the checkout): every `y_` text parses,
/// every `n_` text is refused with a syntax error (never a crash, never a shape error), and no `i_` text crashes.
@Suite struct JSONTestSuiteTests {
  static let folder: String? = {
    var url = URL(fileURLWithPath: #filePath)
    while url.path != "/" {
      url.deleteLastPathComponent()
      let candidate = url.appendingPathComponent("../shared/jsontestsuite/test_parsing").standardizedFileURL
      if FileManager.default.fileExists(atPath: candidate.path) { return candidate.path }
    }
    return nil
  }()

  private func files(_ prefix: String) throws -> [(name: String, bytes: [UInt8])] {
    let folder = try #require(Self.folder, "JSONTestSuite is not beside the checkout at ../shared/jsontestsuite")
    let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix(prefix) }.sorted()
    return try names.map { ($0, [UInt8](try Data(contentsOf: URL(fileURLWithPath: folder + "/" + $0)))) }
  }

  @Test func everyMustParseFileParses() throws {
    let cases = try files("y_")
    #expect(cases.count == 95)
    for (name, bytes) in cases {
      #expect(throws: Never.self, "\(name)") { _ = try JSONValue.parse(bytes) }
    }
  }

  @Test func everyMustFailFileIsASyntaxError() throws {
    let cases = try files("n_")
    #expect(cases.count == 188)
    for (name, bytes) in cases {
      #expect(throws: JSONSyntaxError.self, "\(name)") { _ = try JSONValue.parse(bytes) }
      // What `check` says of it: a syntax error with its line and column, whatever the file was meant to be.
      let file = FileManager.default.temporaryDirectory.appendingPathComponent("jsontestsuite-\(name)")
      try Data(bytes).write(to: file)
      defer { try? FileManager.default.removeItem(at: file) }
      let codes = DocumentCheck.check(file: file.path).diagnostics.map(\.code)
      #expect(codes == [.jsonSyntax] || codes == [.nestingTooDeep], "\(name): \(codes)")
    }
  }

  @Test func noImplementationDefinedFileCrashes() throws {
    let cases = try files("i_")
    #expect(cases.count == 35)
    for (_, bytes) in cases {
      _ = try? JSONValue.parse(bytes)
      _ = try? Portfolio.decode(json: bytes)
    }
  }

  @Test func theBatchDecoderRefusesEveryMustFailFileAsAPortfolio() throws {
    for (name, bytes) in try files("n_") {
      #expect(throws: Diagnostic.self, "\(name)") { _ = try Portfolio.decode(json: bytes) }
    }
  }
}
