import Foundation
import Testing

@testable import TitleScore
@testable import TitleScoreWeb

/// The server's request parser: requests whole, in pieces, pipelined, and every kind of bad one with its status.
@Suite struct HTTPRequestParserTests {
  private func outcomes(_ text: String, headLimit: Int = 1024, bodyLimit: Int = 1024) -> [HTTPRequestParser.Outcome] {
    var parser = HTTPRequestParser(headLimit: headLimit, bodyLimit: bodyLimit)
    parser.append(Array(text.utf8))
    var found: [HTTPRequestParser.Outcome] = []
    while true {
      let outcome = parser.next()
      found.append(outcome)
      if case .request = outcome { continue }
      return found
    }
  }

  @Test func aRequestWithABodyIsReadWhole() {
    let found = outcomes("POST /api/score?lang=en HTTP/1.1\r\nHost: x\r\nContent-Length: 4\r\nX-A:  b \r\n\r\nabcd")
    guard case .request(let request) = found.first else {
      Issue.record("\(found)")
      return
    }
    #expect(request.method == "POST" && request.path == "/api/score" && request.query == "lang=en")
    #expect(request.body == Array("abcd".utf8) && request.header("x-a") == "b" && request.keepsAlive)
    #expect(found.last == .incomplete)
  }

  @Test func pipelinedRequestsComeOutInOrder() {
    let one = "GET /a HTTP/1.1\r\nHost: x\r\n\r\n"
    let two = "POST /b HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi"
    let found = outcomes(one + two + one)
    let paths = found.compactMap { outcome -> String? in
      if case .request(let request) = outcome { return request.path }
      return nil
    }
    #expect(paths == ["/a", "/b", "/a"])
    if case .request(let second) = found[1] { #expect(!second.keepsAlive && second.body == Array("hi".utf8)) }
  }

  @Test func bytesArrivingOneAtATimeMakeTheSameRequest() {
    let text = "POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Length: 11\r\n\r\nhello world"
    var parser = HTTPRequestParser()
    var requests: [HTTPRequest] = []
    for byte in text.utf8 {
      parser.append([byte])
      if case .request(let request) = parser.next() { requests.append(request) }
    }
    #expect(requests.count == 1 && requests.first?.body == Array("hello world".utf8))
    #expect(!parser.hasPartialRequest)
  }

  @Test func aLargeBodyIsCollectedWholeAndThePipelinedRequestAfterItKept() {
    // A body past 64 KB goes to a buffer of its own; the request after it arrives in the same read as its end.
    let body = (0..<200_000).map { UInt8(ascii: "a") + UInt8($0 % 26) }
    let bytes =
      Array("POST /api/batch?name=a.jsonl HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body
      + Array("GET /after HTTP/1.1\r\nHost: x\r\n\r\n".utf8)
    var parser = HTTPRequestParser(bodyLimit: 1 << 20)
    var requests: [HTTPRequest] = []
    var offset = 0
    for size in [10, 90, 70_000, 1, 129_950, 1_000] where offset < bytes.count {
      parser.append(bytes[offset..<min(bytes.count, offset + size)])
      offset += size
      #expect(parser.hasPartialRequest || offset >= bytes.count)
      while case .request(let request) = parser.next() { requests.append(request) }
    }
    #expect(requests.map(\.path) == ["/api/batch", "/after"])
    #expect(requests.first?.body == body && requests.last?.body == [])
    #expect(!parser.hasPartialRequest)
  }

  @Test func aTruncatedRequestWaitsForTheRest() {
    #expect(outcomes("GET / HTTP/1.1\r\nHost: x\r\n") == [.incomplete])
    #expect(outcomes("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc") == [.incomplete])
    var parser = HTTPRequestParser()
    parser.append(Array("GET / HTTP/1.1\r\nHo".utf8))
    #expect(parser.next() == .incomplete && parser.hasPartialRequest)
  }

  @Test func everyRefusalHasItsStatus() {
    let cases: [(String, Int)] = [
      ("GARBAGE\r\n\r\n", 400),
      ("GET  / HTTP/1.1\r\nHost: x\r\n\r\n", 400),
      ("GET relative HTTP/1.1\r\nHost: x\r\n\r\n", 400),
      ("GET / HTTP/1.1\r\n\r\n", 400),  // HTTP/1.1 without Host
      ("GET / HTTP/1.1\r\nHost: x\r\n folded\r\n\r\n", 400),
      ("GET / HTTP/1.1\r\nHost: x\r\nBad Name: y\r\n\r\n", 400),
      ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: -1\r\n\r\n", 400),
      ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nab", 400),
      ("POST / HTTP/1.1\r\nHost: x\r\n\r\n", 411),
      ("POST / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 411),
      ("POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n", 413),
      ("GET / HTTP/2.0\r\nHost: x\r\n\r\n", 505),
      ("GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "a", count: 2000) + "\r\n\r\n", 431),
      ("GET /" + String(repeating: "a", count: 2000), 431),
    ]
    for (text, status) in cases {
      #expect(outcomes(text).last == .refused(status: status), "\(text.prefix(60))")
    }
  }
}

/// The server itself, on the loopback address: keep-alive, limits answered with their statuses, slow clients,
/// the carried page and its security headers, and the API answering as the command line does.
@Suite(.serialized) struct HTTPServerTests {
  private func withServer(_ limits: HTTPServer.Limits = .init(), _ body: (UInt16) throws -> Void) throws {
    let api = WebAPI(library: Bundled.library)
    let server = HTTPServer(host: "127.0.0.1", port: 0, limits: limits) { api.respond(to: $0) }
    let port = try server.start()
    defer { server.stop() }
    try body(port)
  }

  /// Sends bytes on one connection and reads until the server closes it or `responses` answers have come.
  private func exchange(_ port: UInt16, _ parts: [String], pause: Double = 0, responses: Int = 1) throws -> String {
    let socket = try TestConnection(port: port)
    defer { socket.close() }
    for part in parts {
      socket.send(Array(part.utf8))
      if pause > 0 { Thread.sleep(forTimeInterval: pause) }
    }
    return socket.readResponses(responses)
  }

  @Test func thePageAndTheAPIAnswerWithStrictSecurityHeaders() throws {
    try withServer { port in
      let page = try exchange(port, ["GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"])
      #expect(page.hasPrefix("HTTP/1.1 200 OK") && page.contains("<script src=\"/app.js\""))
      #expect(page.contains("Content-Security-Policy: default-src 'none'; script-src 'self'"))
      #expect(page.contains("X-Content-Type-Options: nosniff"))
      for path in [
        "/../Package.swift", "/app.js/../../etc/passwd", "/%2e%2e/README.md", "/scoresheets/vocabulary.json",
      ] {
        let refused = try exchange(port, ["GET \(path) HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"])
        #expect(refused.hasPrefix("HTTP/1.1 404"), "\(path)")
      }
    }
  }

  @Test func scoreAnswersExactlyWhatTheCommandLinePrints() throws {
    let example = Bundled.examplesDirectory + "/jiaxing-energy-engineer.json"
    let portfolio = try String(contentsOfFile: example, encoding: .utf8)
    let body = "{\"sheet\": \"jiaxing-2022-energy-engineer-self-score\", \"lang\": \"zh\", \"portfolio\": \(portfolio)}"
    let printed = try CommandLineTests.run(
      ["score", example, "--sheet", "jiaxing-2022-energy-engineer-self-score", "--format", "json"])
    try withServer { port in
      let answer = try exchange(
        port, ["POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n" + body])
      #expect(answer.hasPrefix("HTTP/1.1 200"))
      #expect(answer.components(separatedBy: "\r\n\r\n").dropFirst().joined(separator: "\r\n\r\n") == printed.output)
      let bad = "{\"sheet\": \"jiaxing-2022-energy-engineer-self-score\", \"lang\": \"en\", \"portfolio\": {\"id\": 3}}"
      let refused = try exchange(
        port, ["POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Length: \(bad.utf8.count)\r\n\r\n" + bad])
      #expect(
        refused.hasPrefix("HTTP/1.1 422") && refused.contains("\"code\":\"wrong-type\"")
          && refused.contains("portfolio.id"))
    }
  }

  @Test func filesHandedInWithAPortfolioAreInspectedForASheetThatChecksThem() throws {
    let sheet = "linping-2022-manufacturing-engineer-normal"
    guard let example = Bundled.library.sheet(id: sheet)?.examples.first else {
      Issue.record("no worked example")
      return
    }
    var writer = JSONWriter()
    writer.value(example.portfolio)
    var portfolio = try JSONValue.parse(writer.bytes)
    if case .object(var members) = portfolio {
      members.removeAll { $0.key == "attachments" }
      members.append(("attachments", .array([.object([("kind", .string("id-photo")), ("path", .string("me.jpg"))])])))
      portfolio = .object(members)
    }
    var body = JSONWriter()
    body.value(portfolio)
    func request(_ files: String?) -> [UInt8] {
      let text =
        "{\"sheet\": \"\(sheet)\", \"lang\": \"en\", \"portfolio\": \(body.output)"
        + (files.map { ", \"files\": \($0)" } ?? "") + "}"
      return Array(text.utf8)
    }
    let small = Data(GateTests.jpeg(width: 100, height: 140, bytes: 2_000)).base64EncodedString()
    try withServer { port in
      func post(_ body: [UInt8]) throws -> String {
        let connection = try TestConnection(port: port)
        defer { connection.close() }
        connection.send(
          Array("POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.count)\r\n\r\n".utf8) + body)
        return connection.readResponses(1)
      }
      // Without files the materials are not looked at; with them, the small photo fails its checks; a photo the
      // request does not hand in is missing.
      let without = try post(request(nil))
      #expect(!without.contains("photo-bytes") && !without.contains("attachment-missing"))
      let with = try post(request("{\"me.jpg\": \"\(small)\"}"))
      #expect(with.contains("photo-bytes") && with.contains("photo-pixels"))
      #expect(try post(request("{}")).contains("attachment-missing"))
      let bad = try post(request("{\"me.jpg\": \"not base64!\"}"))
      #expect(
        bad.hasPrefix("HTTP/1.1 422") && bad.contains("\"code\":\"invalid-value\"") && bad.contains("files.me.jpg"))
    }
  }

  @Test func anUploadIsRankedAsBatchRanksItInEveryFormatWithARowExplained() throws {
    let examples = Bundled.examplesDirectory
    let jsonl = try String(contentsOfFile: examples + "/applicants.jsonl", encoding: .utf8)
    let sheet = "jiaxing-2022-energy-engineer-self-score"
    func post(_ port: UInt16, _ query: String, _ body: String) throws -> String {
      try exchange(
        port,
        [
          "POST /api/batch?sheet=\(sheet)&\(query) HTTP/1.1\r\nHost: x\r\nContent-Length: \(body.utf8.count)\r\n\r\n"
            + body
        ])
    }
    try withServer { port in
      let report = try post(port, "name=applicants.jsonl&format=json", jsonl)
      #expect(
        report.hasPrefix("HTTP/1.1 200") && (report.contains("\"scored\": 48") || report.contains("\"scored\":48")))
      // File names are the upload's, never the server's folder.
      #expect(report.contains("applicants.jsonl") && !report.contains("titlescore-upload-"))
      let csv = try post(port, "name=applicants.jsonl&format=csv&download=1", jsonl)
      #expect(csv.contains("Content-Type: text/csv") && csv.contains("attachment; filename=\"report.csv\""))
      let posting = try post(
        port, "name=applicants.jsonl&format=html&public=1&from=2022-12-05&contact=0573-82345678", jsonl)
      #expect(posting.contains("公示期") && posting.contains("0573-82345678") && posting.contains("2022-12-09"))
      // The office's holidays file lengthens the period past the holiday, as `batch --holidays` does; a line that
      // is not a day is refused at its line of the file.
      let holidays = "2022-12-07 休".addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
      let withHoliday = try post(
        port, "name=applicants.jsonl&format=html&public=1&from=2022-12-05&holidays=\(holidays)&holidaysName=h.txt",
        jsonl)
      #expect(withHoliday.contains("2022-12-12") && !withHoliday.contains("2022-12-09"))
      let badHolidays = try post(
        port, "name=applicants.jsonl&format=html&public=1&from=2022-12-05&holidays=2022-12-07%0Anot-a-day", jsonl)
      #expect(badHolidays.hasPrefix("HTTP/1.1 422") && badHolidays.contains("invalid-date"))
      #expect(badHolidays.contains("\"line\":2") || badHolidays.contains("\"line\": 2"))
      let explained = try post(port, "name=applicants.jsonl&explain=0", jsonl)
      #expect(
        explained.contains("\"applicant\": \"JI2022-0000010\"")
          || explained.contains("\"applicant\":\"JI2022-0000010\""))
      // A CSV applicants table with its achievements table, as an envelope of two files.
      let applicants = try Data(contentsOf: URL(fileURLWithPath: examples + "/applicants.csv")).base64EncodedString()
      let achievements = try Data(contentsOf: URL(fileURLWithPath: examples + "/achievements.csv"))
        .base64EncodedString()
      let envelope =
        "{\"files\": [{\"name\": \"申报人.csv\", \"base64\": \"\(applicants)\"}, {\"name\": \"业绩.csv\", \"base64\": \"\(achievements)\"}]}"
      let fromCSV = try exchange(
        port,
        [
          "POST /api/batch?sheet=\(sheet)&format=json HTTP/1.1\r\nHost: x\r\nContent-Length: \(envelope.utf8.count)\r\n\r\n"
            + envelope
        ])
      #expect(
        fromCSV.hasPrefix("HTTP/1.1 200") && fromCSV.contains("申报人.csv")
          && (fromCSV.contains("\"cell\":\"AB50\"") || fromCSV.contains("\"cell\": \"AB50\"")))
      let short = try post(port, "name=applicants.jsonl&format=html&public=1&from=2022-12-05&days=3", jsonl)
      #expect(short.hasPrefix("HTTP/1.1 400"))
      let notADay = try post(port, "name=applicants.jsonl&format=html&public=1&from=2022-02-30", jsonl)
      #expect(notADay.hasPrefix("HTTP/1.1 400") && notADay.contains("invalid-date"))
      let unknown = try post(port, "name=applicants.jsonl&format=pdf", jsonl)
      #expect(unknown.hasPrefix("HTTP/1.1 400"))
    }
  }

  @Test func keepAliveAnswersPipelinedRequestsInOrderOnOneConnection() throws {
    try withServer { port in
      let request = "GET /api/sheets HTTP/1.1\r\nHost: x\r\n\r\n"
      let answers = try exchange(port, [request + request + "GET /nothing HTTP/1.1\r\nHost: x\r\n\r\n"], responses: 3)
      #expect(answers.components(separatedBy: "HTTP/1.1 200 OK").count - 1 == 2)
      #expect(answers.contains("HTTP/1.1 404"))
    }
  }

  @Test func connectionsServedBySeveralWorkersAreAnsweredInOrder() throws {
    // Eight connections and three workers, each with three pipelined requests: every answer comes, in order.
    let server = HTTPServer(host: "127.0.0.1", port: 0, workers: 3) { request in
      .json("{\"path\":\"\(request.path)\"}")
    }
    let port = try server.start()
    defer { server.stop() }
    let connections = try (0..<8).map { _ in try TestConnection(port: port) }
    for (index, connection) in connections.enumerated() {
      connection.send(Array((0..<3).map { "GET /\(index)/\($0) HTTP/1.1\r\nHost: x\r\n\r\n" }.joined().utf8))
    }
    for (index, connection) in connections.enumerated() {
      let answers = connection.readResponses(3)
      let paths = answers.components(separatedBy: "{\"path\":\"").dropFirst().map { $0.prefix { $0 != "\"" } }
      #expect(paths == ["/\(index)/0", "/\(index)/1", "/\(index)/2"])
      connection.close()
    }
  }

  @Test func aLargeUploadBeingAnsweredDoesNotHoldUpSmallRequests() throws {
    // The upload's answer waits until the small request has been answered: were the upload answered by the worker
    // that answers the small request, neither would come (and the read would time out).
    let smallAnswered = DispatchSemaphore(value: 0)
    var limits = HTTPServer.Limits()
    limits.bulkBytes = 100
    let server = HTTPServer(host: "127.0.0.1", port: 0, limits: limits, workers: 1) { request in
      if request.body.count > 100 {
        guard smallAnswered.wait(timeout: .now() + 10) == .success else { return .json("{}", status: 500) }
        return .json("{\"upload\":true}")
      }
      return .json("{\"small\":true}")
    }
    let port = try server.start()
    defer { server.stop() }
    let upload = try TestConnection(port: port)
    let small = try TestConnection(port: port)
    defer {
      upload.close()
      small.close()
    }
    let body = String(repeating: "x", count: 1000)
    upload.send(Array("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n\(body)".utf8))
    Thread.sleep(forTimeInterval: 0.1)
    small.send(Array("GET /small HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
    #expect(small.readResponses(1).contains("{\"small\":true}"))
    smallAnswered.signal()
    #expect(upload.readResponses(1).contains("{\"upload\":true}"))
  }

  @Test func aRequestPipelinedAfterAnUploadIsAnsweredAfterIt() throws {
    var limits = HTTPServer.Limits()
    limits.bulkBytes = 100
    let server = HTTPServer(host: "127.0.0.1", port: 0, limits: limits, workers: 1) { request in
      .json("{\"path\":\"\(request.path)\",\"bytes\":\(request.body.count)}")
    }
    let port = try server.start()
    defer { server.stop() }
    let connection = try TestConnection(port: port)
    defer { connection.close() }
    let body = String(repeating: "x", count: 1000)
    connection.send(
      Array(
        ("POST /up HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\n\(body)"
          + "GET /after HTTP/1.1\r\nHost: x\r\n\r\n").utf8))
    let answers = connection.readResponses(2)
    let upload = answers.range(of: "{\"path\":\"/up\",\"bytes\":1000}")
    let after = answers.range(of: "{\"path\":\"/after\",\"bytes\":0}")
    #expect(upload != nil && after != nil && upload!.lowerBound < after!.lowerBound)
  }

  @Test func limitsAreAnsweredWithTheirStatuses() throws {
    var limits = HTTPServer.Limits()
    limits.headBytes = 512
    limits.bodyBytes = 1000
    limits.requestSeconds = 1
    limits.connections = 2
    try withServer(limits) { port in
      let big = try exchange(
        port, ["GET / HTTP/1.1\r\nHost: x\r\nX: " + String(repeating: "a", count: 600) + "\r\n\r\n"])
      #expect(big.hasPrefix("HTTP/1.1 431"))
      let body = try exchange(port, ["POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Length: 5000\r\n\r\n"])
      #expect(body.hasPrefix("HTTP/1.1 413"))
      let chunked = try exchange(port, ["POST /api/score HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"])
      #expect(chunked.hasPrefix("HTTP/1.1 411"))
      // A client that stops half-way through its request.
      let slow = try exchange(port, ["POST /api/score HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nabc"])
      #expect(slow.hasPrefix("HTTP/1.1 408"))
      // More connections than the limit: the one over it is told to come back.
      let first = try TestConnection(port: port)
      let second = try TestConnection(port: port)
      Thread.sleep(forTimeInterval: 0.2)
      let third = try TestConnection(port: port)
      let busy = third.readResponses(1)
      #expect(busy.hasPrefix("HTTP/1.1 503"))
      for connection in [first, second, third] { connection.close() }
    }
  }
}

/// A blocking client connection for the tests.
private final class TestConnection {
  let descriptor: Int32

  init(port: UInt16) throws {
    descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    inet_pton(AF_INET, "127.0.0.1", &address.sin_addr)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else { throw POSIXError(.ECONNREFUSED) }
    var timeout = timeval(tv_sec: 10, tv_usec: 0)
    setsockopt(descriptor, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
  }

  func send(_ bytes: [UInt8]) { _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) } }

  /// Reads until `count` responses (by their Content-Length) have come, or the server closes.
  func readResponses(_ count: Int) -> String {
    var received: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65536)
    while complete(received) < count {
      let read = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      guard read > 0 else { break }
      received += buffer[0..<read]
    }
    return String(decoding: received, as: UTF8.self)
  }

  /// How many whole responses the bytes hold.
  private func complete(_ bytes: [UInt8]) -> Int {
    var count = 0
    var start = 0
    let separator: [UInt8] = [13, 10, 13, 10]
    while start + 4 <= bytes.count {
      guard let end = (start...(bytes.count - 4)).first(where: { Array(bytes[$0..<($0 + 4)]) == separator }) else {
        break
      }
      let head = String(decoding: bytes[start..<end], as: UTF8.self).lowercased()
      let length =
        head.components(separatedBy: "\r\n").first { $0.hasPrefix("content-length:") }
        .flatMap { Int($0.dropFirst("content-length:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
      guard end + 4 + length <= bytes.count else { break }
      count += 1
      start = end + 4 + length
    }
    return count
  }

  func close() { Glibc.close(descriptor) }
}
