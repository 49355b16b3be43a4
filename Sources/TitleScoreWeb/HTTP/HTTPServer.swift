import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A small HTTP/1.1 server over the C library's sockets: keep-alive, pipelining, and every limit answered with its
/// status — a head over `headBytes` 431, a body over `bodyBytes` 413, a body without `Content-Length` 411, more
/// than `connections` at once 503, a request not whole within `requestSeconds` 408. An idle keep-alive connection
/// is closed after `idleSeconds`.
///
/// One event loop (`EventLoop`) accepts, waits on the idle connections with `poll` and reads; each whole request
/// goes to a first-in, first-out queue that a few workers (as many as there are cores) answer, so a request waits
/// for the requests ahead of it on the whole server and no longer. Measured at 64 clients on two cores against the
/// alternatives: a thread per connection (64 threads cut short by the scheduler in turn, p99 three times p50); one
/// loop a core answering its share of the connections where it read them (about as many requests a second, but
/// a request waited behind its loop's share: p99 10.6–12.5 ms against 9.3 ms here); and every loop waiting on
/// every idle connection (worse still). Requests with bodies over `bulkBytes` (a cohort's upload) have a queue and
/// two workers of their own, so an upload does not hold up the applicants' small requests. A connection has one
/// request with the workers at a time; pipelined requests are answered in order.
public final class HTTPServer: @unchecked Sendable {
  // `@unchecked Sendable`: `stopping` and `openConnections` are read and written under `lock` only;
  // the rest is set before `start` returns and never changed.

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
    /// Bodies larger than this are answered by the bulk workers.
    public var bulkBytes = 1 << 20

    /// The defaults.
    public init() {}
  }

  /// Answers a request.
  public typealias Handler = @Sendable (HTTPRequest) -> HTTPResponse

  private let host: String
  private let requestedPort: UInt16
  let limits: Limits
  let handler: Handler
  private let workerCount: Int
  private let lock = NSLock()
  private var loop: EventLoop?
  private var stopping = false
  private var openConnections = 0
  /// Requests, answered by the workers in the order they arrived; those with large bodies by the bulk workers.
  let requests = JobQueue<EventLoop.Job>()
  let uploads = JobQueue<EventLoop.Job>()
  private let finished = DispatchGroup()

  /// A server that will listen on `host:port` (port 0 picks a free one); `workers` threads answer the requests
  /// (as many as the machine has cores unless told).
  public init(
    host: String, port: UInt16, limits: Limits = Limits(), workers: Int? = nil, handler: @escaping Handler
  ) {
    self.host = host
    self.requestedPort = port
    self.limits = limits
    self.workerCount = max(1, workers ?? ProcessInfo.processInfo.activeProcessorCount)
    self.handler = handler
  }

  /// Starts listening, reading and answering on threads of its own; the port it listens on.
  public func start() throws -> UInt16 {
    let socket = try Socket.listen(host: host, port: requestedPort)
    socket.makeNonBlocking()
    let loop = try EventLoop(server: self, listener: socket)
    self.loop = loop
    startThread { loop.run() }
    for _ in 0..<workerCount {
      startThread { [self] in
        while let job = requests.take() { job.loop.answer(job) }
      }
    }
    for _ in 0..<2 {
      startThread { [self] in
        while let job = uploads.take() { job.loop.answer(job) }
      }
    }
    return socket.port
  }

  private func startThread(_ body: @escaping @Sendable () -> Void) {
    finished.enter()
    let thread = Thread { [finished] in
      body()
      finished.leave()
    }
    thread.stackSize = 1 << 20
    thread.start()
  }

  /// Stops accepting, lets the requests being answered finish, closes every connection and waits for the
  /// threads.
  public func stop() {
    lock.lock()
    let first = !stopping
    stopping = true
    lock.unlock()
    guard first else { return }
    loop?.wake.signal()
    loop?.ended.wait()
    requests.close()
    uploads.close()
    finished.wait()
    loop?.wake.close()
  }

  /// A bare error response for a refusal before any request was understood.
  static func failure(_ status: Int) -> HTTPResponse {
    HTTPResponse.json("{\"status\":\(status),\"error\":\"\(HTTPResponse.reason(status))\"}", status: status)
  }

  var isStopping: Bool {
    lock.lock()
    defer { lock.unlock() }
    return stopping
  }

  /// Counts a new connection in; false when that would pass the limit.
  func admit() -> Bool {
    lock.lock()
    defer { lock.unlock() }
    guard openConnections < limits.connections else { return false }
    openConnections += 1
    return true
  }

  /// Counts a closed connection out.
  func release() {
    lock.lock()
    openConnections -= 1
    lock.unlock()
  }
}
