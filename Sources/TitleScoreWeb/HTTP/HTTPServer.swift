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
/// A few event loops (`EventLoop`, as many as there are cores) each wait on their share of the connections with
/// `poll` and answer each whole request where it was read, in the order the connections became ready: with a
/// thread per connection, 64 busy connections made 64 threads that the scheduler cut short in turn, and a
/// request's wait depended on where the cuts fell (p99 three times p50); handing each request from a reading
/// thread to a worker cost two more wake-ups a request. Requests with bodies over `bulkBytes` (a cohort's upload)
/// go to workers of their own, so an office's upload does not hold up the connections of its loop. A connection
/// has one request answered at a time; pipelined requests are answered in order.
public final class HTTPServer: @unchecked Sendable {
  // `@unchecked Sendable`: `stopping`, `openConnections` and `nextLoop` are read and written under `lock` only;
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
  private let loopCount: Int
  private let lock = NSLock()
  private var loops: [EventLoop] = []
  private var stopping = false
  private var openConnections = 0
  private var nextLoop = 0
  /// Requests with large bodies, answered by the bulk workers.
  let uploads = JobQueue<EventLoop.Job>()
  private let finished = DispatchGroup()

  /// A server that will listen on `host:port` (port 0 picks a free one); `loops` event loops answer requests (as
  /// many as the machine has cores unless told).
  public init(
    host: String, port: UInt16, limits: Limits = Limits(), loops: Int? = nil, handler: @escaping Handler
  ) {
    self.host = host
    self.requestedPort = port
    self.limits = limits
    self.loopCount = max(1, loops ?? ProcessInfo.processInfo.activeProcessorCount)
    self.handler = handler
  }

  /// Starts listening, reading and answering on threads of its own; the port it listens on.
  public func start() throws -> UInt16 {
    let socket = try Socket.listen(host: host, port: requestedPort)
    socket.makeNonBlocking()
    var loops: [EventLoop] = []
    for index in 0..<loopCount {
      loops.append(try EventLoop(server: self, listener: index == 0 ? socket : nil))
    }
    self.loops = loops
    for loop in loops { startThread { loop.run() } }
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
    for loop in loops { loop.wake.signal() }
    for loop in loops { loop.ended.wait() }
    uploads.close()
    finished.wait()
    for loop in loops { loop.wake.close() }
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

  /// The loop the next new connection goes to, in turn.
  func loopForNewConnection() -> EventLoop {
    lock.lock()
    defer { lock.unlock() }
    nextLoop = (nextLoop + 1) % loops.count
    return loops[nextLoop]
  }
}
