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

  /// The next connection; nil when the listening socket was shut down.
  func accept() -> Socket? {
    while true {
      let fd = Glibc.accept(descriptor, nil, nil)
      if fd >= 0 {
        var yes: Int32 = 1
        setsockopt(fd, Int32(IPPROTO_TCP), TCP_NODELAY, &yes, socklen_t(MemoryLayout<Int32>.size))
        return Socket(descriptor: fd)
      }
      if errno == EINTR || errno == ECONNABORTED { continue }
      if errno == EMFILE || errno == ENFILE {
        // Out of descriptors: wait for connections to close rather than spin.
        usleep(10_000)
        continue
      }
      return nil
    }
  }

  /// Waits up to `milliseconds` for bytes; true when there are some (or the peer closed).
  func waitForInput(milliseconds: Int32) -> Bool {
    var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
    while true {
      let ready = poll(&entry, 1, milliseconds)
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
