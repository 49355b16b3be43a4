import Foundation
import TitleScore
import TitleScoreWeb

/// `titlescore bench --serve [--clients 64] [--seconds 10] [--count N] [--upload-count 100000]`: the web server in
/// this process on a free loopback port, driven by keep-alive clients posting the example portfolio to
/// `/api/score`, then one large JSON Lines upload to `/api/batch`.
enum ServeBenchCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    let clients = try arguments.integer("--clients", default: 64)
    let seconds = try arguments.integer("--seconds", default: 10)
    let count = try arguments.integer("--count", default: 200_000)
    let uploadCount =
      arguments.value("--upload-count") == "0" ? 0 : try arguments.integer("--upload-count", default: 100_000)
    let sheetID = arguments.value("--sheet") ?? "jiaxing-2022-energy-engineer-self-score"
    let library = try Console.library(arguments)
    let sheet = try Console.sheet(sheetID, arguments)
    var limits = HTTPServer.Limits()
    limits.connections = max(limits.connections, clients + 8)
    let api = WebAPI(library: library)
    let server = HTTPServer(host: "127.0.0.1", port: 0, limits: limits) { api.respond(to: $0) }
    let port = try server.start()
    defer { server.stop() }
    // The example portfolio: the repository's, else the sheet's first worked example as the page would start.
    let examplePath = "examples/jiaxing-energy-engineer.json"
    let portfolio =
      FileManager.default.contents(atPath: examplePath).map { String(decoding: $0, as: UTF8.self) }
      ?? sheet.examples.first.map { example in
        var writer = JSONWriter()
        writer.value(example.portfolio)
        return writer.output
      } ?? "{}"
    let body = Array("{\"sheet\": \"\(sheet.id)\", \"lang\": \"zh\", \"portfolio\": \(portfolio)}".utf8)
    let request = ServeBenchmark.post("/api/score", body)
    if let cost = ServeBenchmark.answering(request, count: 5_000, handler: { api.respond(to: $0) }) {
      Console.error(
        Message(
          .cliBenchServeInProcess, .text(String(format: "%.0f", cost)), .text(String(format: "%.0f", 1e6 / cost))))
    }
    // A short warm-up, then the measured run.
    _ = ServeBenchmark.load(port: port, request: request, clients: clients, count: 2_000, seconds: 2)
    let load = ServeBenchmark.load(
      port: port, request: request, clients: clients, count: count, seconds: Double(seconds))
    Console.error(
      Message(
        .cliBenchServeLoad, .integer(clients), .integer(load.completed), .text(String(format: "%.2f", load.seconds)),
        .text(String(format: "%.0f", load.rate)), .text(String(format: "%.2f", load.p50)),
        .text(String(format: "%.2f", load.p99)), .text(String(format: "%.1f", load.maximum)),
        .integer(load.failed)))
    if uploadCount > 0 {
      let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: 0)
      var upload: [UInt8] = []
      for number in 0..<uploadCount {
        upload += Array(generator.portfolio(number: number, seed: 20_221_231).utf8)
        upload.append(0x0A)
      }
      if let timed = ServeBenchmark.upload(
        port: port, path: "/api/batch?sheet=\(sheet.id)&name=cohort.jsonl&format=json", body: upload)
      {
        Console.error(
          Message(
            .cliBenchServeUpload, .integer(uploadCount), .text(String(format: "%.1f", Double(timed.bytes) / 1e6)),
            .text(String(format: "%.2f", timed.toFirstByte)), .text(String(format: "%.2f", timed.toLastByte)),
            .integer(timed.status)))
      }
    }
    Console.error(Message(.cliBenchServeTargets))
    return 0
  }
}
