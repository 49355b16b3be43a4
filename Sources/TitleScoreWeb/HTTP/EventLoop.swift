import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The server's event loop: a thread that accepts connections, waits on the idle ones with `poll`, reads what
/// arrives and puts each whole request on the server's queue for the workers (a large body on the bulk queue); a
/// worker answers it and gives the connection back.
final class EventLoop: @unchecked Sendable {
  // `@unchecked Sendable`: `returned`, `isWaiting` and `hasEnded` are read and written under `lock` only; the
  // connections belong to the loop's thread, except one whose request is with a worker, which belongs to that
  // worker until it is handed back.

  /// One open connection: its socket, the bytes read so far, and when it is due.
  final class Connection: @unchecked Sendable {
    // `@unchecked Sendable`: used by one thread at a time, as the loop's comment says.
    let socket: Socket
    var parser: HTTPRequestParser
    /// When the connection is closed if nothing more arrives: its idle time, or the rest of its request's time.
    var deadline: UInt64 = 0
    /// When the first byte of a request still incomplete arrived.
    var requestStarted: UInt64?
    /// Whether a request of the connection is with a worker (the loop does not read it meanwhile).
    var busy = false

    init(_ socket: Socket, limits: HTTPServer.Limits) {
      self.socket = socket
      parser = HTTPRequestParser(headLimit: limits.headBytes, bodyLimit: limits.bodyBytes)
    }
  }

  /// A request for a worker, the connection to answer on and the loop to give it back to.
  struct Job: @unchecked Sendable {
    // `@unchecked Sendable`: the connection goes with the job to the one worker that takes it.
    var connection: Connection
    var request: HTTPRequest
    var loop: EventLoop
  }

  private unowned let server: HTTPServer
  private let listener: Socket
  /// Wakes the loop when a worker hands a connection back, and when the server stops.
  let wake: WakePipe
  /// Done once the loop has closed its connections.
  let ended = DispatchGroup()
  private let lock = NSLock()
  private var returned: [(connection: Connection, keep: Bool)] = []
  private var hasEnded = false
  /// Whether the loop is (about to be) waiting in `poll` with nothing handed back: a worker handing a connection
  /// back then wakes it; otherwise the loop finds the connection before it next waits, without a wake-up.
  private var isWaiting = false

  /// The loop of `server`, accepting on `listener`.
  init(server: HTTPServer, listener: Socket) throws(Socket.Failure) {
    self.server = server
    self.listener = listener
    wake = try WakePipe()
    ended.enter()
  }

  private var limits: HTTPServer.Limits { server.limits }
  private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
  private var idleDeadline: UInt64 { EventLoop.now() + UInt64(limits.idleSeconds) * 1_000_000_000 }

  /// Gives back a connection a worker has answered, to read again (`keep`) or close; once the loop has ended,
  /// closes it.
  private func handBack(_ connection: Connection, keep: Bool) {
    lock.lock()
    if hasEnded {
      lock.unlock()
      connection.socket.close()
      server.release()
      return
    }
    returned.append((connection, keep))
    let waiting = isWaiting
    isWaiting = false
    lock.unlock()
    if waiting { wake.signal() }
  }

  /// Answers a job on a worker's thread and hands the connection back.
  func answer(_ job: Job) {
    handBack(job.connection, keep: respond(job.connection, job.request))
  }

  /// Answers a request on its connection; whether the connection stays open.
  private func respond(_ connection: Connection, _ request: HTTPRequest) -> Bool {
    let response = server.handler(request)
    let keepAlive = request.keepsAlive && !server.isStopping
    let written = connection.socket.write(response.serialized(keepAlive: keepAlive, head: request.method == "HEAD"))
    return written && keepAlive
  }

  /// Runs until the server stops, then closes the listener and the idle connections.
  func run() {
    var connections: [Int32: Connection] = [:]
    var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    var entries: [pollfd] = []
    var listening = true
    while !server.isStopping {
      entries.removeAll(keepingCapacity: true)
      entries.append(pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0))
      entries.append(pollfd(fd: listening ? listener.descriptor : -1, events: Int16(POLLIN), revents: 0))
      var nextDeadline = UInt64.max
      for connection in connections.values where !connection.busy {
        entries.append(pollfd(fd: connection.socket.descriptor, events: Int16(POLLIN), revents: 0))
        nextDeadline = min(nextDeadline, connection.deadline)
      }
      let now = EventLoop.now()
      let wait: Int32 =
        nextDeadline == .max ? -1 : Int32(min(60_000, (nextDeadline > now ? nextDeadline - now : 0) / 1_000_000 + 1))
      lock.lock()
      let pending = !returned.isEmpty
      isWaiting = !pending
      lock.unlock()
      _ = Socket.poll(&entries, milliseconds: pending ? 0 : wait)
      lock.lock()
      isWaiting = false
      lock.unlock()

      if entries[0].revents != 0 || pending {
        if entries[0].revents != 0 { wake.drain() }
        lock.lock()
        let handedBack = returned
        returned.removeAll(keepingCapacity: true)
        lock.unlock()
        for (connection, keep) in handedBack {
          connection.busy = false
          if keep {
            connection.deadline = idleDeadline
            advance(connection, &connections)
          } else {
            close(connection, &connections)
          }
        }
      }
      if entries[1].revents != 0 {
        listening = acceptAll(listener, &connections)
      }
      for entry in entries.dropFirst(2) where entry.revents != 0 {
        guard let connection = connections[entry.fd], !connection.busy else { continue }
        let (count, wouldWait) = connection.socket.readReady(into: &buffer)
        if wouldWait { continue }
        guard let count, count > 0 else {
          close(connection, &connections)
          continue
        }
        connection.parser.append(buffer[0..<count])
        advance(connection, &connections)
      }
      let late = EventLoop.now()
      for connection in connections.values where !connection.busy && connection.deadline <= late {
        if connection.parser.hasPartialRequest {
          connection.socket.write(HTTPServer.failure(408).serialized(keepAlive: false))
        }
        close(connection, &connections)
      }
    }
    listener.shutDown()
    listener.close()
    lock.lock()
    hasEnded = true
    let handedBack = returned.map(\.connection)
    returned.removeAll()
    lock.unlock()
    for connection in handedBack + connections.values.filter({ !$0.busy }) {
      connection.socket.close()
      server.release()
    }
    ended.leave()
  }

  private func add(_ socket: Socket, _ connections: inout [Int32: Connection]) {
    let connection = Connection(socket, limits: limits)
    connection.deadline = idleDeadline
    connections[socket.descriptor] = connection
  }

  /// Accepts every waiting connection, refusing those over the limit with 503; false when the listener failed.
  private func acceptAll(_ listener: Socket, _ connections: inout [Int32: Connection]) -> Bool {
    while true {
      switch listener.acceptReady() {
      case .none: return true
      case .closed: return false
      case .connection(let socket):
        guard server.admit() else {
          var busy = HTTPServer.failure(503)
          busy.extraHeaders.append(("Retry-After", "1"))
          socket.write(busy.serialized(keepAlive: false))
          socket.close()
          continue
        }
        add(socket, &connections)
      }
    }
  }

  /// Queues the connection's next whole request for the workers, answers a refused one, or sets how long the
  /// connection may wait for the rest.
  private func advance(_ connection: Connection, _ connections: inout [Int32: Connection]) {
    switch connection.parser.next() {
    case .request(let request):
      connection.requestStarted = nil
      connection.busy = true
      let job = Job(connection: connection, request: request, loop: self)
      if request.body.count > limits.bulkBytes { server.uploads.put(job) } else { server.requests.put(job) }
    case .refused(let status):
      connection.socket.write(HTTPServer.failure(status).serialized(keepAlive: false))
      close(connection, &connections)
    case .incomplete:
      if connection.parser.hasPartialRequest {
        let started = connection.requestStarted ?? EventLoop.now()
        connection.requestStarted = started
        connection.deadline = started + UInt64(limits.requestSeconds) * 1_000_000_000
      } else {
        connection.requestStarted = nil
        connection.deadline = idleDeadline
      }
    }
  }

  private func close(_ connection: Connection, _ connections: inout [Int32: Connection]) {
    connections[connection.socket.descriptor] = nil
    connection.socket.close()
    server.release()
  }
}
