/// One HTTP/1.1 request as the server reads it.
public struct HTTPRequest: Sendable, Equatable {
  /// `GET`, `POST` …
  public var method: String
  /// The request target's path, percent-decoding left to the router (`/api/score`).
  public var path: String
  /// The query string after `?`, if any.
  public var query: String
  /// `HTTP/1.1` or `HTTP/1.0`.
  public var version: String
  /// Header fields in order, names lower-cased.
  public var headers: [(name: String, value: String)]
  /// The body (`Content-Length` bytes).
  public var body: [UInt8]

  /// The first value of a header, by its lower-case name.
  public func header(_ name: String) -> String? { headers.first { $0.name == name }?.value }

  /// Whether the connection stays open after the response: HTTP/1.1 unless `Connection: close`, HTTP/1.0 only
  /// with `Connection: keep-alive`.
  public var keepsAlive: Bool {
    let connection = header("connection")?.lowercased() ?? ""
    return version == "HTTP/1.1" ? !connection.contains("close") : connection.contains("keep-alive")
  }

  public static func == (a: HTTPRequest, b: HTTPRequest) -> Bool {
    a.method == b.method && a.path == b.path && a.query == b.query && a.version == b.version
      && a.headers.map(\.name) == b.headers.map(\.name) && a.headers.map(\.value) == b.headers.map(\.value)
      && a.body == b.body
  }
}

/// Reads HTTP/1.1 requests from the bytes of a connection as they arrive, one after another (pipelined requests
/// come out in order). Bodies are taken by `Content-Length` only. Every refusal is the status the server answers
/// with before it closes the connection: 400 for a malformed request, 411 for a body without a length (or with
/// `Transfer-Encoding`), 413 for a body over the limit, 431 for a head over the limit, 505 for another version.
public struct HTTPRequestParser: Sendable {
  /// What the bytes so far make.
  public enum Outcome: Sendable, Equatable {
    /// A whole request; the bytes after it stay for the next one.
    case request(HTTPRequest)
    /// More bytes are needed.
    case incomplete
    /// The request is refused with this status; the connection closes after the answer.
    case refused(status: Int)
  }

  /// The most bytes a request line and its headers may take.
  public let headLimit: Int
  /// The most bytes a body may take.
  public let bodyLimit: Int
  private var buffer: [UInt8] = []
  /// Where the buffer's unread bytes start.
  private var start = 0
  /// How far the end of the head has been looked for, so bytes arriving one at a time are not searched again.
  private var searched = 0

  /// A parser with its limits.
  public init(headLimit: Int = 16 * 1024, bodyLimit: Int = 256 * 1024 * 1024) {
    self.headLimit = headLimit
    self.bodyLimit = bodyLimit
  }

  /// A request whose head is read and whose large body is being collected in `body`, a buffer of its own sized
  /// once, and handed over without a copy: gathered in the connection's buffer, a 144 MB upload was copied as the
  /// buffer doubled and once more out of it.
  private var pending: (request: HTTPRequest, length: Int)?
  private var body: [UInt8] = []
  /// Bodies from this size on are collected on their own.
  private static let ownBufferBytes = 64 * 1024

  /// Whether bytes of a request that is not yet whole are held (a client that stops mid-request times out).
  public var hasPartialRequest: Bool { pending != nil || start < buffer.count }

  /// Adds bytes read from the connection.
  public mutating func append(_ bytes: some Collection<UInt8>) {
    if let pending {
      let needed = pending.length - body.count
      if bytes.count <= needed {
        body.append(contentsOf: bytes)
        return
      }
      body.append(contentsOf: bytes.prefix(needed))
      buffer.append(contentsOf: bytes.dropFirst(needed))
      return
    }
    if start > 0 && start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
      searched = 0
    }
    buffer.append(contentsOf: bytes)
  }

  /// The next request, if the bytes so far hold one.
  public mutating func next() -> Outcome {
    if let pending {
      guard body.count == pending.length else { return .incomplete }
      var request = pending.request
      request.body = body
      body = []
      self.pending = nil
      return .request(request)
    }
    // Blank lines before a request line are allowed (RFC 9112 §2.2).
    while start + 1 < buffer.count, buffer[start] == 0x0D, buffer[start + 1] == 0x0A {
      start += 2
      searched = max(searched, start)
    }
    while start < buffer.count, buffer[start] == 0x0A {
      start += 1
      searched = max(searched, start)
    }
    guard let headEnd = findHeadEnd() else {
      return buffer.count - start > headLimit ? .refused(status: 431) : .incomplete
    }
    guard headEnd.end - start <= headLimit else { return .refused(status: 431) }
    let head = buffer[start..<headEnd.lineEnd]
    guard var request = parseHead(head) else { return .refused(status: 400) }
    if case .refused(let status) = request.problem { return .refused(status: status) }
    let bodyStart = headEnd.end
    if request.length >= HTTPRequestParser.ownBufferBytes && bodyStart + request.length > buffer.count {
      body.reserveCapacity(request.length)
      body.append(contentsOf: buffer[bodyStart...])
      pending = (request.value, request.length)
      buffer = []
      start = 0
      searched = 0
      return .incomplete
    }
    guard bodyStart + request.length <= buffer.count else { return .incomplete }
    request.value.body = Array(buffer[bodyStart..<(bodyStart + request.length)])
    start = bodyStart + request.length
    searched = start
    if start == buffer.count {
      buffer.removeAll(keepingCapacity: true)
      start = 0
      searched = 0
    }
    return .request(request.value)
  }

  /// The end of the head: the first empty line (CRLF CRLF, or LF LF, which RFC 9112 lets a server take).
  private mutating func findHeadEnd() -> (lineEnd: Int, end: Int)? {
    var index = max(start, searched)
    while index < buffer.count {
      if buffer[index] == 0x0A {
        if index + 1 < buffer.count && buffer[index + 1] == 0x0A { return (index, index + 2) }
        if index + 2 < buffer.count && buffer[index + 1] == 0x0D && buffer[index + 2] == 0x0A {
          return (index, index + 3)
        }
      }
      index += 1
    }
    // The last two bytes may start the empty line once more arrive.
    searched = max(start, buffer.count - 2)
    return nil
  }

  private struct Head {
    var value: HTTPRequest
    var length: Int
    var problem: Outcome?
  }

  /// The request line and header fields; nil when they are malformed.
  private func parseHead(_ head: ArraySlice<UInt8>) -> Head? {
    var lines: [ArraySlice<UInt8>] = []
    var lineStart = head.startIndex
    for index in head.indices where head[index] == 0x0A {
      var line = head[lineStart..<index]
      if line.last == 0x0D { line = line.dropLast() }
      lines.append(line)
      lineStart = index + 1
    }
    var last = head[lineStart...]
    if last.last == 0x0D { last = last.dropLast() }
    lines.append(last)
    guard let requestLine = lines.first else { return nil }
    let parts = requestLine.split(separator: 0x20, omittingEmptySubsequences: false)
    guard parts.count == 3, !parts[0].isEmpty, parts[0].allSatisfy(HTTPRequestParser.isTokenByte),
      let target = String(validating: parts[1], as: UTF8.self), target.hasPrefix("/"),
      target.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F }),
      let version = String(validating: parts[2], as: UTF8.self)
    else { return nil }
    guard version.hasPrefix("HTTP/") else { return nil }
    let query = target.firstIndex(of: "?").map { String(target[target.index(after: $0)...]) } ?? ""
    let path = target.firstIndex(of: "?").map { String(target[..<$0]) } ?? target
    var request = HTTPRequest(
      method: String(decoding: parts[0], as: UTF8.self), path: path, query: query, version: version, headers: [],
      body: [])
    for line in lines.dropFirst() {
      // Obsolete line folding (a line starting with a space) is refused, as RFC 9112 §5.2 allows.
      guard let colon = line.firstIndex(of: 0x3A), colon > line.startIndex,
        line[line.startIndex..<colon].allSatisfy(HTTPRequestParser.isTokenByte)
      else { return nil }
      let name = String(decoding: line[line.startIndex..<colon], as: UTF8.self).lowercased()
      var value = line[(colon + 1)...]
      while let first = value.first, first == 0x20 || first == 0x09 { value = value.dropFirst() }
      while let last = value.last, last == 0x20 || last == 0x09 { value = value.dropLast() }
      guard value.allSatisfy({ $0 >= 0x20 || $0 == 0x09 }), value.allSatisfy({ $0 != 0x7F }) else { return nil }
      request.headers.append((name, String(decoding: value, as: UTF8.self)))
    }
    var result = Head(value: request, length: 0, problem: nil)
    guard version == "HTTP/1.1" || version == "HTTP/1.0" else {
      result.problem = .refused(status: 505)
      return result
    }
    if version == "HTTP/1.1" && request.header("host") == nil { return nil }
    if request.header("transfer-encoding") != nil {
      result.problem = .refused(status: 411)
      return result
    }
    let lengths = request.headers.filter { $0.name == "content-length" }.map(\.value)
    if lengths.isEmpty {
      if ["POST", "PUT", "PATCH"].contains(request.method) { result.problem = .refused(status: 411) }
      return result
    }
    // One length, digits only (two different lengths could smuggle a second request).
    guard Set(lengths).count == 1, let text = lengths.first, !text.isEmpty, text.count <= 15,
      text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let length = Int(text)
    else { return nil }
    guard length <= bodyLimit else {
      result.problem = .refused(status: 413)
      return result
    }
    result.length = length
    return result
  }

  /// A byte of an HTTP token (a method, a header name).
  static func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: return true
    default: return "!#$%&'*+-.^_`|~".utf8.contains(byte)
    }
  }
}
