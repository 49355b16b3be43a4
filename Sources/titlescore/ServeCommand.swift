import Dispatch
import Foundation
import TitleScore
import TitleScoreWeb

/// `titlescore serve [--host 127.0.0.1] [--port 8080] [--max-body-mb 512]`: the local web page and its API.
enum ServeCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    let host = arguments.value("--host") ?? "127.0.0.1"
    // Port 0 asks the system for a free port (the tests and the benchmark use it).
    let port = arguments.value("--port") == "0" ? 0 : try arguments.integer("--port", default: 8080)
    guard (0...65_535).contains(port) else {
      throw UsageError(Message(.cliOptionOneOf, .text("--port"), .text("0–65535"), .text(String(port))))
    }
    var limits = HTTPServer.Limits()
    limits.bodyBytes = try arguments.integer("--max-body-mb", default: limits.bodyBytes >> 20) << 20
    let api = WebAPI(library: try Console.library(arguments))
    let server = HTTPServer(host: host, port: UInt16(port), limits: limits) { api.respond(to: $0) }
    let bound: UInt16
    do {
      bound = try server.start()
    } catch {
      throw CommandFailure(Message(.cliServeFailed, .text("\(error)")))
    }
    if !host.hasPrefix("127.") && host != "localhost" {
      Console.error(Message(.cliServeNotLoopback, .text(host)))
    }
    Console.error(Message(.cliServeListening, .text("http://\(host):\(bound)/")))
    // SIGINT and SIGTERM end the server cleanly: the listener and every connection close, then the process exits.
    let stopped = DispatchSemaphore(value: 0)
    var sources: [DispatchSourceSignal] = []
    for signalNumber in [SIGINT, SIGTERM] {
      signal(signalNumber, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: signalNumber, queue: .global())
      source.setEventHandler { stopped.signal() }
      source.resume()
      sources.append(source)
    }
    stopped.wait()
    server.stop()
    Console.error(Message(.cliServeStopped))
    _ = sources
    return 0
  }
}
