import Dispatch
import Foundation
import TitleScore

/// The web server's benchmark (`titlescore bench --serve`): concurrent keep-alive clients on the loopback address
/// posting one request over and over, for a bounded count and time, with requests/s and latency percentiles; and
/// one large upload to `/api/batch`, timed from its last byte sent to the ranked answer.
public enum ServeBenchmark {
  /// What a load run measured.
  public struct Load: Sendable {
    /// Requests answered 200, and answered otherwise or lost.
    public var completed: Int
    public var failed: Int
    public var seconds: Double
    /// Latencies in milliseconds.
    public var p50: Double
    public var p99: Double
    public var maximum: Double
    /// Requests per second.
    public var rate: Double { Double(completed) / seconds }
  }

  /// What the upload measured.
  public struct Upload: Sendable {
    public var bytes: Int
    public var status: Int
    /// Seconds from the request's last byte to the answer's first byte (the batch read, scored and ranked), and
    /// to its last.
    public var toFirstByte: Double
    public var toLastByte: Double
  }

  /// One request as bytes: a POST of `body` to `path`.
  public static func post(_ path: String, _ body: [UInt8], contentType: String = "application/json") -> [UInt8] {
    Array(
      "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n\r\n"
        .utf8) + body
  }

  /// `clients` connections each sending `request` and reading the answer, over and over, until `count` answers
  /// in all or `seconds` have passed. The connections are driven by one thread waiting on all of them (`poll`), as
  /// load generators such as wrk do: 64 client threads would take the cores from the server they measure.
  public static func load(port: UInt16, request: [UInt8], clients: Int, count: Int, seconds: Double) -> Load {
    struct Client {
      var socket: Socket
      var sent: UInt64 = 0
      var received: [UInt8] = []
      var open = true
    }
    let started = DispatchTime.now().uptimeNanoseconds
    let deadline = started + UInt64(seconds * 1e9)
    var latencies: [Double] = []
    latencies.reserveCapacity(min(count, 1 << 20))
    var failures = 0
    var issued = 0
    var connections: [Client] = []
    for _ in 0..<clients {
      guard let socket = try? Socket.connect(host: "127.0.0.1", port: port) else {
        failures += 1
        continue
      }
      connections.append(Client(socket: socket))
    }
    func send(_ index: Int) {
      guard issued < count, DispatchTime.now().uptimeNanoseconds < deadline else {
        connections[index].open = false
        connections[index].socket.close()
        return
      }
      issued += 1
      connections[index].received.removeAll(keepingCapacity: true)
      connections[index].sent = DispatchTime.now().uptimeNanoseconds
      if !connections[index].socket.write(request) {
        failures += 1
        connections[index].open = false
        connections[index].socket.close()
      }
    }
    for index in connections.indices { send(index) }
    var buffer = [UInt8](repeating: 0, count: 256 * 1024)
    var entries: [pollfd] = []
    var indices: [Int] = []
    while true {
      entries.removeAll(keepingCapacity: true)
      indices.removeAll(keepingCapacity: true)
      for (index, client) in connections.enumerated() where client.open {
        entries.append(pollfd(fd: client.socket.descriptor, events: Int16(POLLIN), revents: 0))
        indices.append(index)
      }
      if entries.isEmpty { break }
      guard Socket.poll(&entries, milliseconds: 60_000) > 0 else {
        failures += entries.count
        for index in indices { connections[index].socket.close() }
        break
      }
      for (entry, index) in zip(entries, indices) where entry.revents != 0 {
        let (read, wouldWait) = connections[index].socket.readReady(into: &buffer)
        if wouldWait { continue }
        guard let read, read > 0 else {
          failures += 1
          connections[index].open = false
          connections[index].socket.close()
          continue
        }
        connections[index].received += buffer[0..<read]
        guard let (status, end, length) = head(connections[index].received),
          connections[index].received.count >= end + length
        else { continue }
        if status == 200 {
          latencies.append(Double(DispatchTime.now().uptimeNanoseconds - connections[index].sent) / 1e6)
        } else {
          failures += 1
        }
        send(index)
      }
    }
    let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
    let all = latencies.sorted()
    func percentile(_ p: Double) -> Double { all.isEmpty ? 0 : all[min(all.count - 1, Int(Double(all.count) * p))] }
    return Load(
      completed: all.count, failed: failures, seconds: elapsed, p50: percentile(0.5), p99: percentile(0.99),
      maximum: all.last ?? 0)
  }

  /// The microseconds `handler` takes to answer `request` and write its bytes, on one thread without sockets: the
  /// server's own cost, steadier than a load run on a shared machine. The best of three runs of `count`.
  public static func answering(
    _ request: [UInt8], count: Int, handler: (HTTPRequest) -> HTTPResponse
  ) -> Double? {
    var parser = HTTPRequestParser(headLimit: 1 << 20, bodyLimit: 1 << 30)
    parser.append(request)
    guard case .request(let parsed) = parser.next(), count > 0 else { return nil }
    var best = Double.infinity
    for _ in 0..<3 {
      let started = DispatchTime.now().uptimeNanoseconds
      var bytes = 0
      for _ in 0..<count { bytes &+= handler(parsed).serialized(keepAlive: true).count }
      let elapsed = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e3
      if bytes > 0 { best = min(best, elapsed / Double(count)) }
    }
    return best.isFinite ? best : nil
  }

  /// Posts one large body and times the answer.
  public static func upload(port: UInt16, path: String, body: [UInt8]) -> Upload? {
    guard let socket = try? Socket.connect(host: "127.0.0.1", port: port) else { return nil }
    defer { socket.close() }
    let request = post(path, body, contentType: "application/octet-stream")
    guard socket.write(request) else { return nil }
    let sent = DispatchTime.now().uptimeNanoseconds
    var buffer = [UInt8](repeating: 0, count: 1 << 20)
    var firstByte: UInt64?
    var status: Int?
    var received: [UInt8] = []
    var expected = Int.max
    while received.count < expected {
      guard socket.waitForInput(milliseconds: 60_000), let count = socket.read(into: &buffer), count > 0 else { break }
      if firstByte == nil { firstByte = DispatchTime.now().uptimeNanoseconds }
      received += buffer[0..<count]
      if expected == .max, let (code, headEnd, length) = head(received) {
        status = code
        expected = headEnd + length
      }
    }
    let done = DispatchTime.now().uptimeNanoseconds
    guard let firstByte, let status else { return nil }
    return Upload(
      bytes: body.count, status: status, toFirstByte: Double(firstByte - sent) / 1e9,
      toLastByte: Double(done - sent) / 1e9)
  }

  /// The status, where the head ends and the body's length, once the head has arrived; read from the bytes, so
  /// that the clients spend as little of the machine as they can.
  private static func head(_ bytes: [UInt8]) -> (status: Int, end: Int, length: Int)? {
    guard bytes.count >= 16 else { return nil }
    var end = -1
    var index = 3
    while index < bytes.count {
      if bytes[index] == 10 && bytes[index - 1] == 13 && bytes[index - 2] == 10 && bytes[index - 3] == 13 {
        end = index + 1
        break
      }
      index += 1
    }
    guard end > 0 else { return nil }
    // `HTTP/1.1 200 …`: the status is bytes 9 to 11.
    let status = (Int(bytes[9]) - 48) * 100 + (Int(bytes[10]) - 48) * 10 + Int(bytes[11]) - 48
    let name = Array("content-length:".utf8)
    var length = 0
    var line = 0
    while line < end {
      if (bytes[line] | 0x20) == name[0], line + name.count < end,
        zip(bytes[line..<(line + name.count)], name).allSatisfy({ ($0 | 0x20) == $1 || $0 == $1 })
      {
        var digit = line + name.count
        while digit < end && bytes[digit] == 32 { digit += 1 }
        while digit < end, bytes[digit] >= 48, bytes[digit] <= 57 {
          length = length * 10 + Int(bytes[digit]) - 48
          digit += 1
        }
        break
      }
      while line < end && bytes[line] != 10 { line += 1 }
      line += 1
    }
    return (status, end, length)
  }
}
