import Foundation
import Testing

@testable import TitleScore

/// A corpus of bad input, made at test time from one valid portfolio: every field given each wrong type, null,
/// bad dates, out-of-range numbers, unknown and repeated keys, missing required fields, broken syntax and
/// encodings, deep nesting; and batch files mixing good and bad lines. Each case asserts its diagnostic code and
/// JSON path; each batch, that every line is read and is either scored or rejected.
@Suite struct BadInputCorpusTests {
  /// A valid portfolio that uses every field.
  static let valid = """
    {"$schema": "../docs/portfolio.schema.json", "id": "C-1", "name": "测试", "idNumber": "330100199001011234",
     "phone": "13900000000", "employer": {"name": "公司", "sector": "enterprise", "city": "jiaxing"},
     "residency": "citizen", "specialty": "energy",
     "education": [{"level": "bachelor", "degree": "bachelor", "major": "能源", "related": true, "fullTime": true,
                    "date": "2010-07-01"}],
     "registeredQualification": false, "retrainingMonths": 0, "workStart": "2010-07-01",
     "relatedWorkStart": "2010-07-01", "enterpriseYears": 2, "publicityDate": "2022-08-20",
     "currentTitle": {"title": "assistant-engineer", "date": "2015-01-01", "heldInReviewYear": true},
     "skill": {"level": "technician", "date": "2016-01-01"},
     "continuingEducation": {"2019": {"professional": 60, "public": 30}},
     "assessments": {"2019": "competent"},
     "honours": ["worldskills-gold", {"honour": "county-model-worker", "date": "2020-01-01"}],
     "records": [{"id": "R1", "type": "paper", "level": "core", "rank": 1, "count": 1, "date": "2020-06-01",
                  "status": "published", "evidence": true, "collective": false, "mainContributor": true,
                  "acquired": "original", "assessedPoints": 2, "title": "论文", "authorship": "sole",
                  "characters": 5000, "mainWinner": true, "material": {"problem": "unclear", "severity": "minor"}}],
     "recommendations": [{"expert": "专家", "level": "full-senior"}],
     "attachments": [{"kind": "id-photo", "path": "photo.jpg"}],
     "assessed": {"performance": 1.5}, "claimed": {"total": 60, "items": {"education-level": 6}},
     "application": {"transfer": false}, "facts": {"examScore": 80}}
    """

  struct Case: CustomStringConvertible {
    var name: String
    var bytes: [UInt8]
    var code: DiagnosticCode
    var path: String
    var description: String { name }
  }

  /// The valid portfolio with the value at `path` replaced by `json` (or removed, for nil).
  static func replacing(_ path: [JSONPath.Component], with json: String?) -> [UInt8] {
    let tree = try! JSONValue.parse(Array(valid.utf8))
    let replacement = json.map { try! JSONValue.parse(Array($0.utf8)) }
    var writer = JSONWriter()
    writer.value(tree.replacing(path[...], with: replacement))
    return Array(writer.output.utf8)
  }

  static func components(_ path: String) -> [JSONPath.Component] {
    var result: [JSONPath.Component] = []
    for part in path.split(separator: ".") {
      if let bracket = part.firstIndex(of: "[") {
        result.append(.key(String(part[..<bracket])))
        result.append(.index(Int(part[part.index(after: bracket)..<part.index(before: part.endIndex)])!))
      } else {
        result.append(.key(String(part)))
      }
    }
    return result
  }

  static let wrongTypes: [(String, [String])] = [
    ("id", ["1", "true", "[]", "{}", "null"]), ("name", ["1", "false", "[]", "{}", "null"]),
    ("idNumber", ["1", "[]"]), ("phone", ["true", "{}"]),
    ("employer", ["\"公司\"", "1", "[]", "null"]), ("employer.name", ["1", "null", "[]"]),
    ("employer.sector", ["1", "{}"]), ("employer.city", ["1", "[]"]),
    ("residency", ["1", "null"]), ("specialty", ["1", "null", "[]"]),
    ("education", ["{}", "\"bachelor\"", "1"]), ("education[0]", ["\"bachelor\"", "1", "[]"]),
    ("education[0].level", ["1", "null", "{}"]), ("education[0].degree", ["1", "[]"]),
    ("education[0].major", ["1"]), ("education[0].related", ["\"yes\"", "1", "null"]),
    ("education[0].fullTime", ["\"true\"", "0"]), ("education[0].date", ["20100701", "null", "[]"]),
    ("registeredQualification", ["\"true\"", "1"]), ("retrainingMonths", ["\"12\"", "true"]),
    ("workStart", ["1", "true", "{}"]), ("relatedWorkStart", ["2010", "[]"]), ("publicityDate", ["false", "{}"]),
    ("enterpriseYears", ["\"3\"", "[]"]), ("currentTitle", ["\"engineer\"", "1", "[]"]),
    ("currentTitle.title", ["1", "null"]), ("currentTitle.date", ["1", "null"]),
    ("currentTitle.heldInReviewYear", ["\"no\"", "0"]), ("skill", ["\"technician\"", "[]"]),
    ("skill.level", ["1"]), ("skill.date", ["true"]),
    ("continuingEducation", ["[]", "\"90\""]), ("continuingEducation.2019", ["90", "[]"]),
    ("continuingEducation.2019.public", ["\"30\"", "null", "[]"]),
    ("assessments", ["[]", "\"competent\""]), ("assessments.2019", ["1", "null", "{}"]),
    ("honours", ["{}", "\"model-worker\""]), ("honours[0]", ["1", "[]", "null"]),
    ("honours[1].honour", ["1", "null"]), ("honours[1].date", ["1"]),
    ("records", ["{}", "\"R1\""]), ("records[0]", ["\"R1\"", "1", "[]"]),
    ("records[0].id", ["1", "null"]), ("records[0].type", ["1", "[]"]), ("records[0].level", ["1"]),
    ("records[0].rank", ["\"1\"", "true"]), ("records[0].count", ["\"1\"", "[]"]), ("records[0].date", ["1"]),
    ("records[0].status", ["1"]), ("records[0].evidence", ["\"yes\"", "1"]), ("records[0].collective", ["1"]),
    ("records[0].mainContributor", ["null", "\"true\""]), ("records[0].acquired", ["1"]),
    ("records[0].assessedPoints", ["\"2\""]), ("records[0].title", ["1"]), ("records[0].authorship", ["1", "[]"]),
    ("records[0].characters", ["\"5000\""]), ("records[0].mainWinner", ["\"y\"", "1"]),
    ("records[0].material", ["\"unclear\"", "1"]), ("records[0].material.problem", ["1"]),
    ("records[0].material.severity", ["[]"]),
    ("recommendations", ["{}"]), ("recommendations[0]", ["\"专家\""]), ("recommendations[0].level", ["1"]),
    ("attachments", ["\"photo.jpg\""]), ("attachments[0].kind", ["1"]), ("attachments[0].path", ["[]"]),
    ("assessed", ["[]"]), ("assessed.performance", ["\"1.5\"", "null"]),
    ("claimed", ["[]", "60"]), ("claimed.total", ["\"60\""]), ("claimed.items", ["[]"]),
    ("application", ["[]", "true"]), ("application.transfer", ["[]", "{}", "null"]), ("facts.examScore", ["{}"]),
  ]

  static let badDates = [
    "\"2022-02-30\"", "\"2022-13-01\"", "\"22-01-01\"", "\"2022/01/01\"", "\"2022-1-1\"",
    "\"1899-12-31\"", "\"\"", "\"2022-01-01T00:00\"",
  ]
  static let datePaths = [
    "education[0].date", "workStart", "relatedWorkStart", "publicityDate",
    "currentTitle.date", "skill.date", "records[0].date", "honours[1].date",
  ]

  static let numbers: [(String, String, DiagnosticCode)] = [
    ("retrainingMonths", "-1", .negativeValue), ("retrainingMonths", "1.5", .invalidNumber),
    ("enterpriseYears", "-1", .negativeValue), ("enterpriseYears", "2.5", .invalidNumber),
    ("continuingEducation.2019.public", "-1", .negativeValue),
    ("continuingEducation.2019.public", "1.23456", .invalidNumber),
    ("continuingEducation.2019.public", "1e400", .invalidNumber),
    ("records[0].rank", "0", .negativeValue), ("records[0].rank", "-1", .negativeValue),
    ("records[0].rank", "1.5", .invalidNumber), ("records[0].rank", "1000000", .invalidValue),
    ("records[0].count", "0", .negativeValue), ("records[0].count", "100001", .invalidValue),
    ("records[0].count", "2.0e0", .invalidNumber), ("records[0].characters", "-1", .negativeValue),
    ("records[0].characters", "1.5", .invalidNumber), ("records[0].assessedPoints", "-1", .negativeValue),
    ("records[0].assessedPoints", "0.00001", .invalidNumber), ("assessed.performance", "-0.5", .negativeValue),
    ("claimed.total", "-1", .negativeValue), ("claimed.items.education-level", "1.23456", .invalidNumber),
    ("facts.examScore", "1e300", .invalidNumber),
    ("id", "\"\"", .invalidValue), ("name", "\"\"", .invalidValue), ("specialty", "\"\"", .invalidValue),
    ("employer.name", "\"\"", .invalidValue), ("education[0].level", "\"\"", .invalidValue),
    ("records[0].id", "\"\"", .invalidValue), ("attachments[0].path", "\"\"", .invalidValue),
  ]

  static let required = [
    "id", "name", "specialty", "employer", "employer.name", "education[0].level",
    "education[0].date", "currentTitle.title", "currentTitle.date", "skill.level", "skill.date", "records[0].id",
    "records[0].type", "records[0].date", "honours[1].honour", "records[0].material.problem",
    "records[0].material.severity", "recommendations[0].level", "attachments[0].kind", "attachments[0].path",
  ]

  static let objects = [
    "", "employer", "education[0]", "currentTitle", "skill", "records[0]", "honours[1]",
    "records[0].material", "recommendations[0]", "attachments[0]", "claimed",
  ]

  static var cases: [Case] {
    var cases: [Case] = []
    for (path, values) in wrongTypes {
      for value in values {
        cases.append(
          Case(
            name: "\(path) = \(value)", bytes: replacing(components(path), with: value), code: .wrongType,
            path: path))
      }
    }
    for path in datePaths {
      for value in badDates {
        cases.append(
          Case(
            name: "\(path) = \(value)", bytes: replacing(components(path), with: value), code: .invalidDate,
            path: path))
      }
    }
    for (path, value, code) in numbers {
      cases.append(
        Case(name: "\(path) = \(value)", bytes: replacing(components(path), with: value), code: code, path: path))
    }
    for path in required {
      let parent = path.split(separator: ".").dropLast().joined(separator: ".")
      let field = String(path.split(separator: ".").last!)
      cases.append(
        Case(
          name: "without \(path)", bytes: replacing(components(path), with: nil), code: .missingField,
          path: parent.isEmpty ? field : "\(parent).\(field)"))
    }
    for object in objects {
      let prefix = object.isEmpty ? "" : object + "."
      cases.append(
        Case(
          name: "unknown field in \(object.isEmpty ? "the portfolio" : object)",
          bytes: replacing(components(prefix + "surprise"), with: "1"), code: .unknownField, path: prefix + "surprise"))
    }
    // Repeated keys, written by hand since a tree cannot hold them.
    let text = valid
    for (name, old, new, path) in [
      ("id twice", "\"id\": \"C-1\",", "\"id\": \"C-1\", \"id\": \"C-2\",", "id"),
      ("employer name twice", "{\"name\": \"公司\",", "{\"name\": \"公司\", \"name\": \"x\",", "employer.name"),
      (
        "year twice", "\"2019\": {\"professional\"", "\"2019\": {}, \"2019\": {\"professional\"",
        "continuingEducation.2019"
      ),
      ("course kind twice", "\"public\": 30}", "\"public\": 30, \"public\": 1}", "continuingEducation.2019.public"),
      ("record field twice", "\"rank\": 1,", "\"rank\": 1, \"rank\": 2,", "records[0].rank"),
      (
        "assessment year twice", "{\"2019\": \"competent\"}", "{\"2019\": \"competent\", \"2019\": \"excellent\"}",
        "assessments.2019"
      ),
    ] as [(String, String, String, String)] {
      cases.append(
        Case(
          name: name, bytes: Array(text.replacingOccurrences(of: old, with: new).utf8), code: .duplicateKey, path: path)
      )
    }
    // Syntax and encodings: the decoder's error is at the root, with a line and column in the message.
    let bytes = Array(valid.utf8)
    for cut in stride(from: 1, to: bytes.count - 1, by: bytes.count / 24) {
      cases.append(Case(name: "truncated at \(cut)", bytes: Array(bytes[..<cut]), code: .jsonSyntax, path: "$"))
    }
    for (name, broken) in [
      (
        "trailing comma",
        valid.replacingOccurrences(of: "\"facts\": {\"examScore\": 80}}", with: "\"facts\": {\"examScore\": 80},}")
      ),
      ("comment", "// portfolio\n" + valid),
      ("single quotes", valid.replacingOccurrences(of: "\"C-1\"", with: "'C-1'")),
      ("NaN", valid.replacingOccurrences(of: "\"examScore\": 80", with: "\"examScore\": NaN")),
      ("two documents", valid + valid),
      ("control character in a string", valid.replacingOccurrences(of: "测试", with: "测\u{01}试")),
      ("bad escape", valid.replacingOccurrences(of: "测试", with: "\\x41")),
    ] {
      cases.append(Case(name: name, bytes: Array(broken.utf8), code: .jsonSyntax, path: "$"))
    }
    for (name, sequence) in [
      ("lone continuation byte", [0x80]), ("overlong slash", [0xC0, 0xAF]),
      ("surrogate half", [0xED, 0xA0, 0x80]), ("truncated sequence", [0xE6, 0xB5]),
      ("beyond U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
    ]
      as [(String, [UInt8])]
    {
      let marker = Array("测试".utf8)
      var broken = bytes
      let at = (0...(broken.count - marker.count)).first { Array(broken[$0..<($0 + marker.count)]) == marker }!
      broken.replaceSubrange(at..<(at + marker.count), with: sequence)
      cases.append(Case(name: name, bytes: broken, code: .jsonSyntax, path: "name"))
    }
    return cases
  }

  @Test func theCorpusHasTwoHundredCasesOrMore() {
    #expect(Self.cases.count >= 200)
  }

  @Test func theValidPortfolioDecodesWithABOMAndASchemaKey() throws {
    _ = try Portfolio.decode(json: Array(Self.valid.utf8))
    _ = try Portfolio.decode(json: [0xEF, 0xBB, 0xBF] + Array(Self.valid.utf8))
  }

  @Test(arguments: cases)
  func eachBadInputIsRefusedWithItsCodeAndPath(_ bad: Case) {
    do {
      _ = try Portfolio.decode(json: bad.bytes)
      Issue.record("\(bad.name): accepted")
    } catch {
      #expect(error.code == bad.code, "\(bad.name): \(error)")
      let expectedPath = bad.path
      if bad.code != .jsonSyntax || bad.path != "$" {
        #expect(error.path.description == expectedPath, "\(bad.name): \(error)")
      } else {
        // A syntax error is located by line and column in the text.
        #expect(error.message.key == .jsonMalformed, "\(bad.name): \(error)")
        if case .integer(let line)? = error.message.arguments.first,
          case .integer(let column)? = error.message.arguments.dropFirst().first
        {
          #expect(line >= 1 && column >= 1, "\(bad.name): \(error)")
        } else {
          Issue.record("\(bad.name): the syntax error names no line and column")
        }
      }
    }
  }

  @Test func deepNestingIsRefusedByEveryReaderWithoutCrashing() throws {
    let deep = Array(String(repeating: "[", count: 100_000).utf8)
    #expect(throws: JSONSyntaxError.self) { _ = try JSONValue.parse(deep) }
    do { _ = try JSONValue.parse(deep) } catch { #expect(error.code == .nestingTooDeep) }
    let under = Array(("{\"id\": \"D\", \"x\": " + String(repeating: "[", count: 200_000)).utf8)
    #expect(throws: Diagnostic.self) { _ = try Portfolio.decode(json: under) }
    #expect(under.withUnsafeBufferPointer { BatchScorer.applicantID(in: $0) } == "D")
    let fine = Array((String(repeating: "[", count: 500) + String(repeating: "]", count: 500)).utf8)
    #expect(throws: Never.self) { _ = try JSONValue.parse(fine) }
  }

  /// A batch of good and bad lines: every line is read, and is scored or rejected with its code and line.
  @Test func aBatchOfGoodAndBadLinesAccountsForEveryLine() throws {
    let good = Self.valid.replacingOccurrences(of: "\n", with: " ")
    var lines: [String] = []
    var expected: [Int: DiagnosticCode] = [:]
    let bad = Self.cases.filter { !$0.bytes.contains(0x0A) && String(bytes: $0.bytes, encoding: .utf8) != nil }
    for (index, badCase) in bad.prefix(60).enumerated() {
      lines.append(good.replacingOccurrences(of: "\"C-1\"", with: "\"G-\(index)\""))
      lines.append(String(decoding: badCase.bytes, as: UTF8.self))
      expected[lines.count] = badCase.code
    }
    lines.append(String(repeating: "[", count: 150_000))  // deep: refused at its first bracket, not an object
    expected[lines.count] = .wrongType
    lines.append("[" + good + "]")  // a line that happens to be an array
    expected[lines.count] = .wrongType
    let file = Scratch.file("jsonl")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
    defer { try? FileManager.default.removeItem(at: file) }
    let results = try BatchRunner(sheet: Bundled.sheet("jiaxing-2022-energy-engineer-self-score"), jobs: 2)
      .run([file.path])
    #expect(results.readCount == lines.count)
    #expect(results.scoredCount + results.rejected.count == lines.count)
    #expect(results.rejected.count == expected.count)
    for record in results.rejected {
      #expect(record.diagnostic.code == expected[record.line], "line \(record.line): \(record.diagnostic)")
    }
  }

  @Test func aFIFOIsReadOnceAsAStream() throws {
    let directory = try Scratch.directory()
    defer { try? FileManager.default.removeItem(at: directory) }
    let fifo = directory.appendingPathComponent("input.jsonl").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let text = Self.valid.replacingOccurrences(of: "\n", with: " ") + "\n"
    let writer = Thread {
      let handle = FileHandle(forWritingAtPath: fifo)!
      handle.write(Data(text.utf8))
      try? handle.close()
    }
    writer.start()
    let results = try BatchRunner(sheet: Bundled.sheet("jiaxing-2022-energy-engineer-self-score"), jobs: 1).run([fifo])
    #expect(results.readCount == 1)
  }

  @Test func repeatedRecordIDsAreFoundInLinearTimeWhateverTheirText() {
    func records(_ prefix: String, count: Int) -> [AchievementRecord] {
      (0..<count).map { AchievementRecord(id: "\(prefix)\($0)", type: "paper", date: Day("2020-01-01")!) }
    }
    func seconds(_ records: [AchievementRecord]) -> Double {
      let start = DispatchTime.now()
      #expect(PortfolioDecoder.firstRepeatedID(in: records) == nil)
      return Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e9
    }
    let ascii = records("R", count: 100_000)
    let chinese = records("业绩", count: 100_000)
    _ = seconds(ascii)  // warm up
    let ratio = seconds(chinese) / max(seconds(ascii), 1e-6)
    // Compared pair by pair, the non-ASCII ids took over ten thousand times as long; a set takes a few times.
    #expect(ratio < 25, "non-ASCII ids took \(ratio)× as long as ASCII ones")
    var repeated = chinese
    repeated.append(AchievementRecord(id: "业绩5", type: "paper", date: Day("2020-01-01")!))
    #expect(PortfolioDecoder.firstRepeatedID(in: repeated) == 100_000)
  }
}

extension JSONValue {
  /// The tree with the value at `path` replaced (or removed, for nil); a missing key is added.
  fileprivate func replacing(_ path: ArraySlice<JSONPath.Component>, with value: JSONValue?) -> JSONValue {
    guard let step = path.first else { return value ?? .null }
    let rest = path.dropFirst()
    switch (self, step) {
    case (.object(var members), .key(let key)):
      if let index = members.firstIndex(where: { $0.key == key }) {
        if rest.isEmpty && value == nil {
          members.remove(at: index)
        } else {
          members[index].value = members[index].value.replacing(rest, with: value)
        }
      } else if let value {
        members.append((key, rest.isEmpty ? value : JSONValue.object([]).replacing(rest, with: value)))
      }
      return .object(members)
    case (.array(var elements), .index(let index)) where index < elements.count:
      if rest.isEmpty && value == nil {
        elements.remove(at: index)
      } else {
        elements[index] = elements[index].replacing(rest, with: value)
      }
      return .array(elements)
    default:
      return self
    }
  }
}
