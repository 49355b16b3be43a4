import Dispatch
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One of the server's event loops: a thread that waits on its connections with `poll`, reads what arrives, and
/// answers each whole request there and then; the first loop also accepts new connections and deals them out in
/// turn. A request with a large body is handed to the server's bulk workers, which give the connection back.
final class EventLoop: @unchecked Sendable {
  // `@unchecked Sendable`: `incoming`, `returned` and `hasEnded` are read and written under `lock` only; the
  // connections belong to the loop's thread, except one whose request is with a bulk worker, which belongs to
  // that worker until it is handed back.

  /// One open connection: its socket, the bytes read so far, and when it is due.
  final class Connection: @unchecked Sendable {
    // `@unchecked Sendable`: used by one thread at a time, as the loop's comment says.
    let socket: Socket
    var parser: HTTPRequestParser
    /// When the connection is closed if nothing more arrives: its idle time, or the rest of its request's time.
    var deadline: UInt64 = 0
    /// When the first byte of a request still incomplete arrived.
    var requestStarted: UInt64?
    /// Whether a request of the connection is with a bulk worker (the loop does not read it meanwhile).
    var busy = false

    init(_ socket: Socket, limits: HTTPServer.Limits) {
      self.socket = socket
      parser = HTTPRequestParser(headLimit: limits.headBytes, bodyLimit: limits.bodyBytes)
    }
  }

  /// A request for a bulk worker, the connection to answer on and the loop to give it back to.
  struct Job: @unchecked Sendable {
    // `@unchecked Sendable`: the connection goes with the job to the one worker that takes it.
    var connection: Connection
    var request: HTTPRequest
    var loop: EventLoop
  }

  private unowned let server: HTTPServer
  private let listener: Socket?
  /// Wakes the loop when a connection is dealt to it or handed back, and when the server stops.
  let wake: WakePipe
  /// Done once the loop has closed its connections.
  let ended = DispatchGroup()
  private let lock = NSLock()
  private var incoming: [Socket] = []
  private var returned: [(connection: Connection, keep: Bool)] = []
  private var hasEnded = false

  /// A loop of `server`'s; the one given the listener accepts for every loop.
  init(server: HTTPServer, listener: Socket?) throws(Socket.Failure) {
    self.server = server
    self.listener = listener
    wake = try WakePipe()
    ended.enter()
  }

  private var limits: HTTPServer.Limits { server.limits }
  private static func now() -> UInt64 { DispatchTime.now().uptimeNanoseconds }
  private var idleDeadline: UInt64 { EventLoop.now() + UInt64(limits.idleSeconds) * 1_000_000_000 }

  /// Takes a new connection dealt to this loop by the accepting one.
  func adopt(_ socket: Socket) {
    lock.lock()
    if hasEnded {
      lock.unlock()
      socket.close()
      server.release()
      return
    }
    incoming.append(socket)
    lock.unlock()
    wake.signal()
  }

  /// Gives back a connection a bulk worker has answered, to read again (`keep`) or close; once the loop has
  /// ended, closes it.
  private func handBack(_ connection: Connection, keep: Bool) {
    lock.lock()
    if hasEnded {
      lock.unlock()
      connection.socket.close()
      server.release()
      return
    }
    returned.append((connection, keep))
    lock.unlock()
    wake.signal()
  }

  /// Answers a bulk job on a worker's thread and hands the connection back.
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

  /// Runs until the server stops, then closes the listener (if it has it) and its connections.
  func run() {
    var connections: [Int32: Connection] = [:]
    var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    var entries: [pollfd] = []
    var listening = listener != nil
    while !server.isStopping {
      entries.removeAll(keepingCapacity: true)
      entries.append(pollfd(fd: wake.readEnd, events: Int16(POLLIN), revents: 0))
      entries.append(pollfd(fd: listening ? listener!.descriptor : -1, events: Int16(POLLIN), revents: 0))
      var nextDeadline = UInt64.max
      for connection in connections.values where !connection.busy {
        entries.append(pollfd(fd: connection.socket.descriptor, events: Int16(POLLIN), revents: 0))
        nextDeadline = min(nextDeadline, connection.deadline)
      }
      let now = EventLoop.now()
      let wait: Int32 =
        nextDeadline == .max ? -1 : Int32(min(60_000, (nextDeadline > now ? nextDeadline - now : 0) / 1_000_000 + 1))
      _ = Socket.poll(&entries, milliseconds: wait)

      if entries[0].revents != 0 {
        wake.drain()
        lock.lock()
        let adopted = incoming
        let handedBack = returned
        incoming.removeAll(keepingCapacity: true)
        returned.removeAll(keepingCapacity: true)
        lock.unlock()
        for socket in adopted { add(socket, &connections) }
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
      if let listener, entries[1].revents != 0 {
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
    if let listener {
      listener.shutDown()
      listener.close()
    }
    lock.lock()
    hasEnded = true
    let adopted = incoming
    let handedBack = returned.map(\.connection)
    incoming.removeAll()
    returned.removeAll()
    lock.unlock()
    for socket in adopted {
      socket.close()
      server.release()
    }
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

  /// Accepts every waiting connection, refusing those over the limit with 503 and dealing the others to the
  /// loops in turn; false when the listener failed.
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
        let loop = server.loopForNewConnection()
        if loop === self { add(socket, &connections) } else { loop.adopt(socket) }
      }
    }
  }

  /// Answers the connection's whole requests, one after another, until one is incomplete (and sets how long the
  /// connection may wait for the rest), is refused, closes the connection, or goes to a bulk worker.
  private func advance(_ connection: Connection, _ connections: inout [Int32: Connection]) {
    while true {
      switch connection.parser.next() {
      case .request(let request):
        connection.requestStarted = nil
        if request.body.count > limits.bulkBytes {
          connection.busy = true
          server.uploads.put(Job(connection: connection, request: request, loop: self))
          return
        }
        guard respond(connection, request) else {
          close(connection, &connections)
          return
        }
      case .refused(let status):
        connection.socket.write(HTTPServer.failure(status).serialized(keepAlive: false))
        close(connection, &connections)
        return
      case .incomplete:
        if connection.parser.hasPartialRequest {
          let started = connection.requestStarted ?? EventLoop.now()
          connection.requestStarted = started
          connection.deadline = started + UInt64(limits.requestSeconds) * 1_000_000_000
        } else {
          connection.requestStarted = nil
          connection.deadline = idleDeadline
        }
        return
      }
    }
  }

  private func close(_ connection: Connection, _ connections: inout [Int32: Connection]) {
    connections[connection.socket.descriptor] = nil
    connection.socket.close()
    server.release()
  }
}
