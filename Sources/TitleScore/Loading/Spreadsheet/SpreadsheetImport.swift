import Dispatch
import Foundation

/// Applicants from an office's spreadsheets, XLSX workbooks or CSV files: one table of applicants, one row each,
/// and tables of achievements keyed by the applicant's 编号 (sheets of one workbook, or files of their own), in the layout `docs/spreadsheet.md` documents (`SpreadsheetLayout`).
///
/// Each row becomes the JSON a portfolio file would hold and is read by the portfolio decoder, so a spreadsheet
/// gets every check, and every term of the shared vocabulary, a JSON Lines file gets; a problem is located at the
/// cell its value came from (`applicants.xlsx:申报人!D12`, `applicants.csv:D12`), with the portfolio field as its path. Every row is accounted
/// for: a portfolio, or the reason it was refused.
public enum SpreadsheetImport {
  /// One applicant row: the portfolio, or why it was refused; with the file and row it came from.
  public struct Row: Sendable {
    /// The applicants file.
    public var file: String
    /// The 1-based row (the header is row 1).
    public var row: Int
    /// The applicant's 编号, when the row gives one.
    public var applicantID: String?
    /// The portfolio, or the located reason it was refused.
    public var portfolio: Result<Portfolio, Diagnostic>
  }

  /// Whether a file is read as a spreadsheet (by its extension): CSV, or a workbook (`.xlsx`, `.xlsm`; an old
  /// `.xls` is refused with the advice to save it as `.xlsx`).
  public static func isSpreadsheet(_ file: String) -> Bool {
    ["csv", "xlsx", "xlsm", "xls"].contains((file as NSString).pathExtension.lowercased())
  }

  /// Reads CSV files and workbooks: the table (a file, or a workbook's sheet) whose headers have no record type is
  /// the applicants table; the others are achievements. A file that cannot be read, an unknown or repeated header,
  /// or more than one applicants table, is an error for the whole run.
  public static func read(_ files: [String], glossary: Glossary = .bundled) throws(Diagnostic) -> [Row] {
    var applicants: SpreadsheetTable?
    var achievements: [SpreadsheetTable] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file)
      }
      let bytes = [UInt8](data)
      let tables =
        (file as NSString).pathExtension.lowercased() == "csv"
        ? [try SpreadsheetTable.csv(bytes, file: file)] : try SpreadsheetTable.workbook(bytes, file: file)
      for table in tables {
        if table.headers.contains(where: { SpreadsheetLayout.matches($0, typeColumn) }) {
          achievements.append(table)
        } else if applicants == nil {
          applicants = table
        } else {
          throw Diagnostic(.invalidValue, at: .root, Message(.diagnosticSpreadsheetTwoApplicantTables))
            .located(file: file, cell: table.cell(row: 1, column: 0))
        }
      }
    }
    guard let applicants else {
      throw Diagnostic(
        .missingField, at: .root, Message(.diagnosticSpreadsheetNoApplicantTable), file: files.first ?? "")
    }
    return try rows(applicants: applicants, achievements: achievements, glossary: glossary)
  }

  private static let typeColumn = SpreadsheetLayout.recordColumns.first { $0.path == [.key("type")] }!

  /// Where a value of the portfolio being built came from.
  private struct Source {
    let file: String
    let cell: CellReference
  }

  /// What a header of the applicants table fills.
  private enum Target {
    case field(SpreadsheetLayout.Column)
    case course(year: Int, kind: String)
    case assessment(year: Int)
    case assessed(item: String)
  }

  static func rows(applicants: SpreadsheetTable, achievements: [SpreadsheetTable], glossary: Glossary)
    throws(Diagnostic) -> [Row]
  {
    let targets = try applicantTargets(applicants)
    guard
      let idColumn = targets.firstIndex(where: { if case .field(let c) = $0 { c.header == .columnId } else { false } })
    else {
      throw Diagnostic(.missingField, at: .root, Message(.diagnosticSpreadsheetNoIdColumn), file: applicants.file)
    }
    // Achievements by applicant, in the order of the files and rows; a row for an unknown applicant is refused.
    var records:
      [String: [(table: SpreadsheetTable, columns: [SpreadsheetLayout.Column?], row: (number: Int, cells: [String]))]] =
        [:]
    var known = Set<String>()
    for row in applicants.rows where idColumn < row.cells.count {
      known.insert(SpreadsheetValues.trimmed(row.cells[idColumn]))
    }
    var result: [Row] = []
    var orphans: [Row] = []
    for table in achievements {
      let columns = try recordColumns(table)
      guard let owner = columns.firstIndex(where: { $0 == nil }) else {
        throw Diagnostic(.missingField, at: .root, Message(.diagnosticSpreadsheetNoIdColumn), file: table.file)
      }
      for row in table.rows {
        let id = owner < row.cells.count ? SpreadsheetValues.trimmed(row.cells[owner]) : ""
        guard known.contains(id) else {
          let cell = table.cell(row: row.number, column: owner)
          orphans.append(
            Row(
              file: table.file, row: row.number, applicantID: id.isEmpty ? nil : id,
              portfolio: .failure(
                Diagnostic(
                  .invalidValue, at: .root, Message(.diagnosticSpreadsheetRecordWithoutApplicant, .text(id))
                ).located(file: table.file, cell: cell))))
          continue
        }
        records[id, default: []].append((table, columns, row))
      }
    }
    // Rows are read on every core, in parts of their own; each part keeps its rows' order, so the result is the
    // same however the parts are scheduled.
    let all = applicants.rows
    let parts = max(1, min(ProcessInfo.processInfo.activeProcessorCount, all.count / 500 + 1))
    let bounds = (0...parts).map { all.count * $0 / parts }
    let slots = RowSlots(count: parts)
    let table = applicants
    let grouped = records
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      var decoder = PortfolioDecoder(glossary: glossary.independentCopy())
      var built: [Row] = []
      for row in all[bounds[part]..<bounds[part + 1]] {
        let id = idColumn < row.cells.count ? SpreadsheetValues.trimmed(row.cells[idColumn]) : ""
        let decoded = portfolio(row, of: table, targets: targets, records: grouped[id] ?? [], decoder: &decoder)
        built.append(Row(file: table.file, row: row.number, applicantID: id.isEmpty ? nil : id, portfolio: decoded))
      }
      slots.store(built, at: part)
    }
    result = slots.joined()
    return result + orphans
  }

  /// A table's headers, each with its cell; a header given twice is an error at its second cell.
  private static func headers(of table: SpreadsheetTable) throws(Diagnostic) -> [(header: String, cell: CellReference)]
  {
    var seen = Set<String>()
    var headers: [(header: String, cell: CellReference)] = []
    for (index, header) in table.headers.enumerated() {
      let cell = table.cell(row: 1, column: index)
      guard seen.insert(Glossary.key(header)).inserted else {
        throw Diagnostic(.duplicateKey, at: .root, Message(.diagnosticSpreadsheetRepeatedColumn, .text(header)))
          .located(file: table.file, cell: cell)
      }
      headers.append((header, cell))
    }
    return headers
  }

  /// What each header of the applicants table fills; an unknown or repeated header is an error at its cell.
  private static func applicantTargets(_ table: SpreadsheetTable) throws(Diagnostic) -> [Target] {
    var targets: [Target] = []
    // Fields already filled by a column: `姓名` and `name` are one column given twice.
    var filled = Set<[JSONPath.Component]>()
    for (header, cell) in try headers(of: table) {
      if let column = SpreadsheetLayout.applicantColumns.first(where: { SpreadsheetLayout.matches(header, $0) }) {
        guard filled.insert(column.path).inserted else {
          throw Diagnostic(.duplicateKey, at: .root, Message(.diagnosticSpreadsheetRepeatedColumn, .text(header)))
            .located(file: table.file, cell: cell)
        }
        targets.append(.field(column))
      } else if let (year, kind) = SpreadsheetLayout.courseColumn(header) {
        targets.append(.course(year: year, kind: kind))
      } else if let year = SpreadsheetLayout.assessmentColumn(header) {
        targets.append(.assessment(year: year))
      } else if let item = SpreadsheetLayout.assessedColumn(header) {
        targets.append(.assessed(item: item))
      } else {
        throw Diagnostic(.unknownField, at: .root, Message(.diagnosticSpreadsheetUnknownColumn, .text(header)))
          .located(file: table.file, cell: cell)
      }
    }
    return targets
  }

  /// What each header of an achievements table fills: nil for the applicant's 编号.
  private static func recordColumns(_ table: SpreadsheetTable) throws(Diagnostic) -> [SpreadsheetLayout.Column?] {
    var columns: [SpreadsheetLayout.Column?] = []
    var filled = Set<[JSONPath.Component]>()
    for (header, cell) in try headers(of: table) {
      let column = SpreadsheetLayout.recordColumns.first { SpreadsheetLayout.matches(header, $0) }
      let owner = [Language.zh, .en].contains { Glossary.key(Message(.columnId).text($0)) == Glossary.key(header) }
      guard column != nil || owner else {
        throw Diagnostic(.unknownField, at: .root, Message(.diagnosticSpreadsheetUnknownColumn, .text(header)))
          .located(file: table.file, cell: cell)
      }
      // `类型` and `type`, or `编号` and `id`, are one column given twice.
      guard filled.insert(column?.path ?? []).inserted else {
        throw Diagnostic(.duplicateKey, at: .root, Message(.diagnosticSpreadsheetRepeatedColumn, .text(header)))
          .located(file: table.file, cell: cell)
      }
      columns.append(column)
    }
    return columns
  }

  /// One applicant's portfolio from their row and achievement rows, or the located reason it cannot be read.
  private static func portfolio(
    _ row: (number: Int, cells: [String]), of table: SpreadsheetTable, targets: [Target],
    records: [(table: SpreadsheetTable, columns: [SpreadsheetLayout.Column?], row: (number: Int, cells: [String]))],
    decoder: inout PortfolioDecoder
  ) -> Result<Portfolio, Diagnostic> {
    var tree = JSONTree()
    // Where each value came from, in the order given; searched only when the row has a problem.
    var sources: [(path: [JSONPath.Component], source: Source)] = []
    func cell(_ table: SpreadsheetTable, _ number: Int, _ index: Int) -> Source {
      Source(file: table.file, cell: table.cell(row: number, column: index))
    }
    func put(_ path: [JSONPath.Component], _ text: String, _ kind: SpreadsheetLayout.Kind, _ source: Source)
      -> Diagnostic?
    {
      let trimmed = SpreadsheetValues.trimmed(text)
      guard !trimmed.isEmpty else { return nil }
      sources.append((path, source))
      // The groups the value is in (an education record, a recommendation), for problems with the group.
      for (position, component) in path.enumerated() {
        if case .index = component { sources.append((Array(path[...position]), source)) }
      }
      func refuse(_ key: MessageKey) -> Diagnostic {
        Diagnostic(
          key == .diagnosticSpreadsheetNotADate ? .invalidDate : .invalidValue, at: JSONPath(components: path),
          Message(key, .text(trimmed))
        )
        .located(file: source.file, cell: source.cell)
      }
      switch kind {
      case .text: tree.insert(JSONTree.quoted(trimmed), at: path)
      case .date:
        guard let day = SpreadsheetValues.day(trimmed) else { return refuse(.diagnosticSpreadsheetNotADate) }
        tree.insert(JSONTree.quoted(day.description), at: path)
      case .flag:
        guard let flag = SpreadsheetValues.flag(trimmed) else { return refuse(.diagnosticSpreadsheetNotAFlag) }
        tree.insert(flag ? "true" : "false", at: path)
      case .number:
        guard let number = SpreadsheetValues.number(trimmed) else { return refuse(.diagnosticSpreadsheetNotANumber) }
        tree.insert(number, at: path)
      case .list:
        for (index, part) in SpreadsheetValues.list(trimmed).enumerated() {
          tree.insert(JSONTree.quoted(part), at: path + [.index(index)])
          sources.append((path + [.index(index)], source))
        }
      }
      return nil
    }
    for (index, target) in targets.enumerated() where index < row.cells.count {
      let source = cell(table, row.number, index)
      let problem: Diagnostic?
      switch target {
      case .field(let column): problem = put(column.path, row.cells[index], column.kind, source)
      case .course(let year, let kind):
        problem = put([.key("continuingEducation"), .key(String(year)), .key(kind)], row.cells[index], .number, source)
      case .assessment(let year):
        problem = put([.key("assessments"), .key(String(year))], row.cells[index], .text, source)
      case .assessed(let item): problem = put([.key("assessed"), .key(item)], row.cells[index], .number, source)
      }
      if let problem { return .failure(problem) }
    }
    for (position, record) in records.enumerated() {
      let base: [JSONPath.Component] = [.key("records"), .index(position)]
      var hasID = false
      for (index, column) in record.columns.enumerated() where index < record.row.cells.count {
        guard let column else { continue }
        let source = cell(record.table, record.row.number, index)
        if let problem = put(base + column.path, record.row.cells[index], column.kind, source) {
          return .failure(problem)
        }
        if column.path == [.key("id")] && !SpreadsheetValues.trimmed(record.row.cells[index]).isEmpty {
          hasID = true
        }
      }
      if !hasID { tree.insert(JSONTree.quoted("R\(position + 1)"), at: base + [.key("id")]) }
      // A record's whole row, for problems with the record as a whole (a missing type or date).
      sources.append((base, cell(record.table, record.row.number, 0)))
    }
    let bytes = tree.json
    let decoded: Result<Portfolio, Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
      var portfolio = Portfolio(id: "", name: "", specialty: "")
      do throws(Diagnostic) {
        try decoder.decode(buffer, into: &portfolio)
        return .success(portfolio)
      } catch {
        return .failure(error)
      }
    }
    return decoded.mapError { error in
      // The nearest cell the failing field, or the record or group holding it, came from; else the row's first.
      var components = error.path.components
      while !components.isEmpty {
        if let source = sources.first(where: { $0.path == components })?.source {
          return error.located(file: source.file, cell: source.cell)
        }
        components.removeLast()
      }
      let first = cell(table, row.number, 0)
      return error.located(file: first.file, cell: first.cell)
    }
  }
}

/// The rows each part of an import built, by part, filled from several threads.
private final class RowSlots: @unchecked Sendable {
  // Safety (`@unchecked Sendable`): slots are stored under the lock, each by its own part, and read only after
  // `concurrentPerform` has returned.
  private var slots: [[SpreadsheetImport.Row]]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: [], count: count) }

  func store(_ rows: [SpreadsheetImport.Row], at part: Int) {
    lock.lock()
    slots[part] = rows
    lock.unlock()
  }

  func joined() -> [SpreadsheetImport.Row] { slots.flatMap { $0 } }
}

/// A JSON object built from values at paths, keys in the order first given and array elements by their indices
/// (missing ones left out): the text a spreadsheet row stands for. The values go into a small tree as they come —
/// each node's children in a list, searched in order, as a row has a few dozen fields — and the text is written
/// from it once. (Grouping a flat list of paths at every level when writing took 40% of reading a workbook.)
private struct JSONTree {
  private struct Node {
    var component: JSONPath.Component
    /// The value's JSON, for a leaf; the first given wins.
    var json: String?
    var children: [Int] = []
  }

  private var nodes: [Node] = [Node(component: .key(""), json: nil)]

  mutating func insert(_ json: String, at path: [JSONPath.Component]) {
    var current = 0
    for component in path {
      if let child = nodes[current].children.first(where: { nodes[$0].component == component }) {
        current = child
      } else {
        nodes.append(Node(component: component, json: nil))
        nodes[current].children.append(nodes.count - 1)
        current = nodes.count - 1
      }
    }
    if nodes[current].json == nil { nodes[current].json = json }
  }

  var json: [UInt8] {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(2048)
    write(0, to: &bytes)
    return bytes
  }

  /// A text as a JSON string: as it is between quotes when nothing in it needs escaping (nearly every cell),
  /// else escaped as `JSONWriter` escapes it.
  static func quoted(_ text: String) -> String {
    // 0xE2 starts U+2028 and U+2029, which JSON text escapes; a text with it takes the full escaping.
    let plain = text.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0xE2 }
    return plain ? "\"" + text + "\"" : JSONWriter.quoted(text)
  }

  /// Writes a node: its value, or an object of its children in the order given, or an array of them by index.
  private func write(_ index: Int, to bytes: inout [UInt8]) {
    let node = nodes[index]
    if let json = node.json {
      bytes.append(contentsOf: json.utf8)
      return
    }
    guard let first = node.children.first else {
      bytes.append(contentsOf: "{}".utf8)
      return
    }
    if case .index = nodes[first].component {
      let ordered = node.children.sorted { a, b in
        if case .index(let x) = nodes[a].component, case .index(let y) = nodes[b].component { return x < y }
        return false
      }
      bytes.append(UInt8(ascii: "["))
      for (position, child) in ordered.enumerated() {
        if position > 0 { bytes.append(UInt8(ascii: ",")) }
        write(child, to: &bytes)
      }
      bytes.append(UInt8(ascii: "]"))
      return
    }
    bytes.append(UInt8(ascii: "{"))
    for (position, child) in node.children.enumerated() {
      if position > 0 { bytes.append(UInt8(ascii: ",")) }
      if case .key(let key) = nodes[child].component {
        bytes.append(contentsOf: JSONTree.quoted(key).utf8)
        bytes.append(UInt8(ascii: ":"))
      }
      write(child, to: &bytes)
    }
    bytes.append(UInt8(ascii: "}"))
  }
}
