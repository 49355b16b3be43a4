import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The C library's TCP sockets, the one place the server touches them.
///
/// Safety: every call passes buffers the Swift side owns for the duration of the call (`withUnsafe…`), with their
/// sizes; a descriptor is closed exactly once, by `close()`, and not used after.
struct Socket: @unchecked Sendable {
  // `@unchecked Sendable`: a descriptor is a number; each connection's is used by the one thread serving it.
  let descriptor: Int32

  /// Why a socket call failed.
  struct Failure: Error, CustomStringConvertible {
    var call: String
    var code: Int32
    var description: String { "\(call): \(String(cString: strerror(code)))" }
  }

  /// A new TCP socket and the IPv4 address `host:port` for it; an address that is not one closes the socket.
  private static func open(host: String, port: UInt16) throws(Failure) -> (Int32, sockaddr_in) {
    #if canImport(Glibc)
      let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    #else
      let fd = socket(AF_INET, SOCK_STREAM, 0)
    #endif
    guard fd >= 0 else { throw Failure(call: "socket", code: errno) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    guard inet_pton(AF_INET, host, &address.sin_addr) == 1 else {
      Glibc.close(fd)
      throw Failure(call: "inet_pton(\(host))", code: EINVAL)
    }
    return (fd, address)
  }

  /// Runs a call that takes the address as a `sockaddr`; a failure closes the socket and is thrown.
  private static func call(
    _ name: String, _ fd: Int32, _ address: sockaddr_in, _ body: (UnsafePointer<sockaddr>, socklen_t) -> Int32
  ) throws(Failure) {
    var address = address
    let status = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    guard status == 0 else {
      let code = errno
      Glibc.close(fd)
      throw Failure(call: name, code: code)
    }
  }

  /// A listening socket on an IPv4 address (`127.0.0.1`, `0.0.0.0`) and port (0 picks a free one).
  static func listen(host: String, port: UInt16, backlog: Int32 = 512) throws(Failure) -> Socket {
    let (fd, address) = try open(host: host, port: port)
    var yes: Int32 = 1
    setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
    try call("bind(\(host):\(port))", fd, address) { bind(fd, $0, $1) }
    try call("listen", fd, address) { _, _ in Glibc.listen(fd, backlog) }
    return Socket(descriptor: fd)
  }

  /// A connection to an IPv4 address and port, with Nagle's delay off (for the benchmark's clients).
  static func connect(host: String, port: UInt16) throws(Failure) -> Socket {
    let (fd, address) = try open(host: host, port: port)
    try call("connect(\(host):\(port))", fd, address) { Glibc.connect(fd, $0, $1) }
    var yes: Int32 = 1
    setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
    return Socket(descriptor: fd)
  }

  /// The port the socket is bound to.
  var port: UInt16 {
    var address = sockaddr_in()
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(descriptor, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
  }

  /// What a listener that does not wait has for `acceptReady()`.
  enum Accepted {
    /// A new connection.
    case connection(Socket)
    /// None waiting now.
    case none
    /// The listener was shut down or failed.
    case closed
  }

  /// Makes calls on the descriptor return at once instead of waiting.
  func makeNonBlocking() {
    let flags = fcntl(descriptor, F_GETFL)
    _ = fcntl(descriptor, F_SETFL, flags | O_NONBLOCK)
  }

  /// The next waiting connection of a non-blocking listener, in blocking mode with Nagle's delay off.
  func acceptReady() -> Accepted {
    while true {
      let fd = Glibc.accept(descriptor, nil, nil)
      if fd >= 0 {
        let flags = fcntl(fd, F_GETFL)
        _ = fcntl(fd, F_SETFL, flags & ~O_NONBLOCK)
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        return .connection(Socket(descriptor: fd))
      }
      switch errno {
      case EINTR, ECONNABORTED: continue
      // Out of descriptors counts as none waiting: the loop tries again when one closes or its timer runs out.
      case EAGAIN, EWOULDBLOCK, EMFILE, ENFILE, ENOBUFS, ENOMEM: return .none
      default: return .closed
      }
    }
  }

  /// Waits up to `milliseconds` (-1: no limit) until one of `entries` is ready; how many are (0 when the time ran
  /// out, or on an error other than an interruption).
  static func poll(_ entries: inout [pollfd], milliseconds: Int32) -> Int {
    while true {
      let ready = entries.withUnsafeMutableBufferPointer {
        Glibc.poll($0.baseAddress, nfds_t($0.count), milliseconds)
      }
      if ready < 0 && errno == EINTR { continue }
      return max(0, Int(ready))
    }
  }

  /// Reads what has arrived without waiting: the count, 0 when the peer closed, nil when nothing has arrived or
  /// on an error (`wouldWait` tells which).
  func readReady(into buffer: inout [UInt8]) -> (count: Int?, wouldWait: Bool) {
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, Int32(MSG_DONTWAIT)) }
      if count >= 0 { return (count, false) }
      if errno == EINTR { continue }
      return (nil, errno == EAGAIN || errno == EWOULDBLOCK)
    }
  }

  /// Waits up to `milliseconds` for bytes; true when there are some (or the peer closed).
  func waitForInput(milliseconds: Int32) -> Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = Glibc.poll(&entry, 1, milliseconds)
      if ready < 0 && errno == EINTR { continue }
      return ready > 0
    }
  }

  /// Reads what has arrived, at most `into.count` bytes; 0 when the peer closed, nil on an error.
  func read(into buffer: inout [UInt8]) -> Int? {
    while true {
      let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
      if count >= 0 { return count }
      if errno == EINTR { continue }
      return nil
    }
  }

  /// Writes all the bytes; false when the peer has gone.
  @discardableResult
  func write(_ bytes: [UInt8]) -> Bool {
    var sent = 0
    while sent < bytes.count {
      let count = bytes.withUnsafeBytes {
        send(descriptor, $0.baseAddress! + sent, $0.count - sent, Int32(MSG_NOSIGNAL))
      }
      if count < 0 && errno == EINTR { continue }
      guard count > 0 else { return false }
      sent += count
    }
    return true
  }

  /// Stops a listening socket's `accept` (and a connection's reads) from another thread.
  func shutDown() { shutdown(descriptor, Int32(SHUT_RDWR)) }

  func close() { _ = Glibc.close(descriptor) }
}

/// A pipe that wakes a thread waiting in `Socket.poll`: another thread signals, the waiting one drains.
///
/// Safety: as for `Socket`; both ends are non-blocking, so a full pipe drops a signal that is already pending
/// rather than blocking the signaller.
struct WakePipe: @unchecked Sendable {
  // `@unchecked Sendable`: two descriptors, written by any thread and read by the one that polls.
  let readEnd: Int32
  let writeEnd: Int32

  /// A new pipe.
  init() throws(Socket.Failure) {
    var ends: [Int32] = [0, 0]
    guard pipe(&ends) == 0 else { throw Socket.Failure(call: "pipe", code: errno) }
    readEnd = ends[0]
    writeEnd = ends[1]
    for end in ends { Socket(descriptor: end).makeNonBlocking() }
  }

  /// Wakes the poller.
  func signal() {
    var byte: UInt8 = 1
    _ = Glibc.write(writeEnd, &byte, 1)
  }

  /// Empties the pipe after a wake.
  func drain() {
    var bytes = [UInt8](repeating: 0, count: 256)
    while bytes.withUnsafeMutableBytes({ Glibc.read(readEnd, $0.baseAddress, $0.count) }) > 0 {}
  }

  /// Closes both ends.
  func close() {
    _ = Glibc.close(readEnd)
    _ = Glibc.close(writeEnd)
  }
}
