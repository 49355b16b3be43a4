import Foundation

/// The explained results behind a batch report's rows (`batch --detail`): a batch keeps each row's numbers and
/// reasons, not its portfolio, so the portfolios of the rows a report details are read again from where the batch
/// read them — a line of a JSON Lines file, a portfolio file, an element of a JSON array (found by its id), or a
/// spreadsheet's row — and scored again with the trace. The same portfolio scores the same, so each section agrees
/// with its row.
public enum BatchDetails {
  /// Explanations of the rows at rank positions `positions`, by position. `spreadsheet` gives the rows of a
  /// spreadsheet batch; `held`, the texts of inputs the batch read from memory, by the name it gave them. A row
  /// whose portfolio cannot be found again (its file changed since) has none.
  public static func explanations(
    for results: BatchResults, positions: some Sequence<Int>, glossary: Glossary = .bundled,
    language: Language, spreadsheet: [SpreadsheetImport.Row]? = nil, held: [String: [UInt8]] = [:]
  ) -> [Int: Explanation] {
    let evaluator = Evaluator(sheet: results.sheet)
    var fromSheet: [String: [Int: Portfolio]] = [:]
    for row in spreadsheet ?? [] {
      if case .success(let portfolio) = row.portfolio { fromSheet[row.file, default: [:]][row.row] = portfolio }
    }
    var files: [String: SourceFile] = [:]
    var explanations: [Int: Explanation] = [:]
    for position in positions {
      let row = results.row(ranked: position)
      let portfolio: Portfolio?
      if let rows = fromSheet[row.file] {
        portfolio = rows[row.line]
      } else {
        if files[row.file] == nil {
          files[row.file] = held[row.file].map(SourceFile.init(bytes:)) ?? SourceFile(path: row.file)
        }
        portfolio = files[row.file]!.portfolio(line: row.line, id: row.id, glossary: glossary)
      }
      guard let portfolio, portfolio.id == row.id else { continue }
      explanations[position] = Explanation(
        sheet: results.sheet, portfolio: portfolio, result: evaluator.evaluate(portfolio, tracing: true),
        language: language, glossary: glossary)
    }
    return explanations
  }

  /// An input file read once: its bytes, its lines' starts and, for a JSON array, its elements by id.
  private struct SourceFile {
    let bytes: [UInt8]
    private var lineStarts: [Int] = [0]
    private var arrayPortfolios: [String: Portfolio]?

    init(path: String) {
      self.init(bytes: FileManager.default.contents(atPath: path).map { [UInt8]($0) } ?? [])
    }

    init(bytes: [UInt8]) {
      self.bytes = bytes
      for (index, byte) in bytes.enumerated() where byte == 0x0A { lineStarts.append(index + 1) }
    }

    mutating func portfolio(line: Int, id: String, glossary: Glossary) -> Portfolio? {
      if line == 0 { return try? Portfolio.decode(json: bytes, glossary: glossary) }
      guard line <= lineStarts.count else { return nil }
      let start = lineStarts[line - 1]
      let end = line < lineStarts.count ? lineStarts[line] : bytes.count
      if let found = try? Portfolio.decode(json: Array(bytes[start..<end]), glossary: glossary), found.id == id {
        return found
      }
      // An element of a JSON array spans lines of its own: the array is read once, its elements by id.
      if arrayPortfolios == nil {
        var elements: [String: Portfolio] = [:]
        if case .array(let values)? = try? JSONValue.parse(bytes) {
          for value in values {
            var writer = JSONWriter()
            writer.value(value)
            if let portfolio = try? Portfolio.decode(json: writer.bytes, glossary: glossary),
              elements[portfolio.id] == nil
            {
              elements[portfolio.id] = portfolio
            }
          }
        }
        arrayPortfolios = elements
      }
      return arrayPortfolios?[id]
    }
  }
}
