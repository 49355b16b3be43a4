import Dispatch
import Foundation

/// A small HTTP/1.1 server over the C library's sockets: keep-alive, pipelining, one thread per connection, and
/// every limit answered with its status — a head over `headBytes` 431, a body over `bodyBytes` 413, a body without
/// `Content-Length` 411, more than `connections` at once 503, a request not whole within `requestSeconds` 408.
/// An idle keep-alive connection is closed after `idleSeconds`.
public final class HTTPServer: @unchecked Sendable {
  // `@unchecked Sendable`: `open` and `stopping` are read and written under `lock` only; the rest is set before
  // `start` returns and never changed.

  /// What the server enforces.
  public struct Limits: Sendable {
    /// The most bytes of a request line and its headers.
    public var headBytes = 16 * 1024
    /// The most bytes of a body: large enough for a 100,000-applicant JSON Lines upload.
    public var bodyBytes = 512 * 1024 * 1024
    /// The most connections open at once.
    public var connections = 256
    /// How long a request may take to arrive once its first byte has.
    public var requestSeconds = 30
    /// How long an open connection may wait for its next request.
    public var idleSeconds = 15

    /// The defaults.
    public init() {}
  }

  /// Answers a request.
  public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

  private let host: String
  private let requestedPort: UInt16
  private let limits: Limits
  private let handler: Handler
  private let lock = NSLock()
  private var listener: Socket?
  private var open: [Int32: Socket] = [:]
  private var stopping = false
  private let finished = DispatchGroup()

  /// A server that will listen on `host:port` (port 0 picks a free one).
  public init(host: String, port: UInt16, limits: Limits = Limits(), handler: @escaping Handler) {
    self.host = host
    self.requestedPort = port
    self.limits = limits
    self.handler = handler
  }

  /// Starts listening and accepting on a thread of its own; the port it listens on.
  public func start() throws -> UInt16 {
    let socket = try Socket.listen(host: host, port: requestedPort)
    listener = socket
    finished.enter()
    let thread = Thread { [self] in
      defer { finished.leave() }
      while let connection = socket.accept() {
        lock.lock()
        let refused = stopping || open.count >= limits.connections
        if !refused { open[connection.descriptor] = connection }
        lock.unlock()
        if refused {
          var busy = HTTPServer.failure(503)
          busy.extraHeaders.append(("Retry-After", "1"))
          connection.write(busy.serialized(keepAlive: false))
          connection.close()
          continue
        }
        finished.enter()
        let worker = Thread { [self] in
          serve(connection)
          lock.lock()
          open[connection.descriptor] = nil
          lock.unlock()
          connection.close()
          finished.leave()
        }
        worker.stackSize = 1 << 20
        worker.start()
      }
    }
    thread.start()
    return socket.port
  }

  /// Stops accepting, ends every connection and waits for their threads.
  public func stop() {
    lock.lock()
    stopping = true
    let connections = Array(open.values)
    lock.unlock()
    listener?.shutDown()
    for connection in connections { connection.shutDown() }
    finished.wait()
    listener?.close()
  }

  /// A bare error response for a refusal before any request was understood.
  static func failure(_ status: Int) -> HTTPResponse {
    HTTPResponse.json("{\"status\":\(status),\"error\":\"\(HTTPResponse.reason(status))\"}", status: status)
  }

  private var isStopping: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopping
  }

  /// Reads and answers the requests of one connection until it closes, errs, idles or times out.
  private func serve(_ connection: Socket) {
    var parser = HTTPRequestParser(headLimit: limits.headBytes, bodyLimit: limits.bodyBytes)
    var buffer = [UInt8](repeating: 0, count: 64 * 1024)
    var requestStarted: DispatchTime?
    while true {
      switch parser.next() {
      case .request(let request):
        requestStarted = nil
        let response = handler(request)
        let keepAlive = request.keepsAlive && !isStopping
        guard connection.write(response.serialized(keepAlive: keepAlive, head: request.method == "HEAD")), keepAlive
        else { return }
        continue
      case .refused(let status):
        connection.write(HTTPServer.failure(status).serialized(keepAlive: false))
        return
      case .incomplete:
        break
      }
      let partial = parser.hasPartialRequest
      var wait = Int32(limits.idleSeconds * 1000)
      if partial {
        let started = requestStarted ?? .now()
        requestStarted = started
        let elapsed = Int64(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000
        wait = Int32(max(0, Int64(limits.requestSeconds) * 1000 - elapsed))
      }
      guard wait > 0, connection.waitForInput(milliseconds: wait) else {
        if partial { connection.write(HTTPServer.failure(408).serialized(keepAlive: false)) }
        return
      }
      guard let count = connection.read(into: &buffer), count > 0 else { return }
      parser.append(buffer[0..<count])
    }
  }
}
