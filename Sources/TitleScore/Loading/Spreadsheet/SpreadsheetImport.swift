import Foundation

/// Applicants from an office's spreadsheets, saved as CSV: one table of applicants, one row each, and tables of
/// achievements keyed by the applicant's 编号, in the layout `docs/spreadsheet.md` documents (`SpreadsheetLayout`).
///
/// Each row becomes the JSON a portfolio file would hold and is read by the portfolio decoder, so a spreadsheet
/// gets every check, and every term of the shared vocabulary, a JSON Lines file gets; a problem is located at the
/// cell its value came from (`applicants.csv:D12`), with the portfolio field as its path. Every row is accounted
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

  /// Whether a file is read as a spreadsheet (by its extension).
  public static func isSpreadsheet(_ file: String) -> Bool {
    (file as NSString).pathExtension.lowercased() == "csv"
  }

  /// Reads CSV files: the one whose headers have no record type is the applicants table; the others are
  /// achievements. A file that cannot be read, an unknown or repeated header, or more than one applicants table,
  /// is an error for the whole run.
  public static func read(_ files: [String], glossary: Glossary = .bundled) throws(Diagnostic) -> [Row] {
    var applicants: CSVTable?
    var achievements: [CSVTable] = []
    for file in files {
      guard let data = FileManager.default.contents(atPath: file) else {
        throw Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file)
      }
      let table = try CSVTable.parse([UInt8](data), file: file)
      if table.headers.contains(where: { SpreadsheetLayout.matches($0, typeColumn) }) {
        achievements.append(table)
      } else if applicants == nil {
        applicants = table
      } else {
        throw Diagnostic(.invalidValue, at: .root, Message(.diagnosticSpreadsheetTwoApplicantTables), file: file)
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

  static func rows(applicants: CSVTable, achievements: [CSVTable], glossary: Glossary) throws(Diagnostic) -> [Row] {
    let targets = try applicantTargets(applicants)
    guard
      let idColumn = targets.firstIndex(where: { if case .field(let c) = $0 { c.header == .columnId } else { false } })
    else {
      throw Diagnostic(.missingField, at: .root, Message(.diagnosticSpreadsheetNoIdColumn), file: applicants.file)
    }
    // Achievements by applicant, in the order of the files and rows; a row for an unknown applicant is refused.
    var records:
      [String: [(table: CSVTable, columns: [SpreadsheetLayout.Column?], row: (number: Int, cells: [String]))]] = [:]
    var known = Set<String>()
    for row in applicants.rows where idColumn < row.cells.count {
      known.insert(row.cells[idColumn].trimmingCharacters(in: .whitespaces))
    }
    var result: [Row] = []
    var orphans: [Row] = []
    for table in achievements {
      let columns = try recordColumns(table)
      guard let owner = columns.firstIndex(where: { $0 == nil }) else {
        throw Diagnostic(.missingField, at: .root, Message(.diagnosticSpreadsheetNoIdColumn), file: table.file)
      }
      for row in table.rows {
        let id = owner < row.cells.count ? row.cells[owner].trimmingCharacters(in: .whitespaces) : ""
        guard known.contains(id) else {
          let cell = CellReference(sheet: "", row: row.number, column: CSVTable.columnName(owner))
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
    var decoder = PortfolioDecoder(glossary: glossary)
    for row in applicants.rows {
      let id = idColumn < row.cells.count ? row.cells[idColumn].trimmingCharacters(in: .whitespaces) : ""
      let built = portfolio(
        row, of: applicants, targets: targets, records: records[id] ?? [], decoder: &decoder)
      result.append(Row(file: applicants.file, row: row.number, applicantID: id.isEmpty ? nil : id, portfolio: built))
    }
    return result + orphans
  }

  /// What each header of the applicants table fills; an unknown or repeated header is an error at its cell.
  private static func applicantTargets(_ table: CSVTable) throws(Diagnostic) -> [Target] {
    var targets: [Target] = []
    var seen = Set<String>()
    for (index, header) in table.headers.enumerated() {
      let cell = CellReference(sheet: "", row: 1, column: CSVTable.columnName(index))
      guard seen.insert(Glossary.key(header)).inserted else {
        throw Diagnostic(.duplicateKey, at: .root, Message(.diagnosticSpreadsheetRepeatedColumn, .text(header)))
          .located(file: table.file, cell: cell)
      }
      if let column = SpreadsheetLayout.applicantColumns.first(where: { SpreadsheetLayout.matches(header, $0) }) {
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
  private static func recordColumns(_ table: CSVTable) throws(Diagnostic) -> [SpreadsheetLayout.Column?] {
    var columns: [SpreadsheetLayout.Column?] = []
    var seen = Set<String>()
    for (index, header) in table.headers.enumerated() {
      let cell = CellReference(sheet: "", row: 1, column: CSVTable.columnName(index))
      guard seen.insert(Glossary.key(header)).inserted else {
        throw Diagnostic(.duplicateKey, at: .root, Message(.diagnosticSpreadsheetRepeatedColumn, .text(header)))
          .located(file: table.file, cell: cell)
      }
      if let column = SpreadsheetLayout.recordColumns.first(where: { SpreadsheetLayout.matches(header, $0) }) {
        columns.append(column)
      } else if [Language.zh, .en].contains(where: { Glossary.key(Message(.columnId).text($0)) == Glossary.key(header) }
      ) {
        columns.append(nil)
      } else {
        throw Diagnostic(.unknownField, at: .root, Message(.diagnosticSpreadsheetUnknownColumn, .text(header)))
          .located(file: table.file, cell: cell)
      }
    }
    return columns
  }

  /// One applicant's portfolio from their row and achievement rows, or the located reason it cannot be read.
  private static func portfolio(
    _ row: (number: Int, cells: [String]), of table: CSVTable, targets: [Target],
    records: [(table: CSVTable, columns: [SpreadsheetLayout.Column?], row: (number: Int, cells: [String]))],
    decoder: inout PortfolioDecoder
  ) -> Result<Portfolio, Diagnostic> {
    var tree = JSONTree()
    var sources: [String: Source] = [:]
    func cell(_ table: CSVTable, _ number: Int, _ index: Int) -> Source {
      Source(file: table.file, cell: CellReference(sheet: "", row: number, column: CSVTable.columnName(index)))
    }
    func put(_ path: [JSONPath.Component], _ text: String, _ kind: SpreadsheetLayout.Kind, _ source: Source)
      -> Diagnostic?
    {
      let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !trimmed.isEmpty else { return nil }
      sources[JSONPath(components: path).description] = source
      // The groups the value is in (an education record, a recommendation), for problems with the group.
      for (position, component) in path.enumerated() {
        if case .index = component, sources[JSONPath(components: Array(path[...position])).description] == nil {
          sources[JSONPath(components: Array(path[...position])).description] = source
        }
      }
      func refuse(_ key: MessageKey) -> Diagnostic {
        Diagnostic(
          key == .diagnosticSpreadsheetNotADate ? .invalidDate : .invalidValue, at: JSONPath(components: path),
          Message(key, .text(trimmed))
        )
        .located(file: source.file, cell: source.cell)
      }
      switch kind {
      case .text: tree.insert(JSONWriter.quoted(trimmed), at: path)
      case .date:
        guard let day = SpreadsheetValues.day(trimmed) else { return refuse(.diagnosticSpreadsheetNotADate) }
        tree.insert(JSONWriter.quoted(day.description), at: path)
      case .flag:
        guard let flag = SpreadsheetValues.flag(trimmed) else { return refuse(.diagnosticSpreadsheetNotAFlag) }
        tree.insert(flag ? "true" : "false", at: path)
      case .number:
        guard let number = SpreadsheetValues.number(trimmed) else { return refuse(.diagnosticSpreadsheetNotANumber) }
        tree.insert(number, at: path)
      case .list:
        for (index, part) in SpreadsheetValues.list(trimmed).enumerated() {
          tree.insert(JSONWriter.quoted(part), at: path + [.index(index)])
          sources[JSONPath(components: path + [.index(index)]).description] = source
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
        if column.path == [.key("id")] && !record.row.cells[index].trimmingCharacters(in: .whitespaces).isEmpty {
          hasID = true
        }
      }
      if !hasID { tree.insert(JSONWriter.quoted("R\(position + 1)"), at: base + [.key("id")]) }
      // A record's whole row, for problems with the record as a whole (a missing type or date).
      sources[JSONPath(components: base).description] = cell(record.table, record.row.number, 0)
    }
    let bytes = Array(tree.json.utf8)
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
        if let source = sources[JSONPath(components: components).description] {
          return error.located(file: source.file, cell: source.cell)
        }
        components.removeLast()
      }
      let first = cell(table, row.number, 0)
      return error.located(file: first.file, cell: first.cell)
    }
  }
}

/// A JSON object built from values at paths, keys in the order first given and array elements at their indices
/// (missing ones left out): the text a spreadsheet row stands for.
private struct JSONTree {
  private indirect enum Node {
    case value(String)
    case object([(key: String, node: Node)])
    case array([(index: Int, node: Node)])
  }

  private var root = Node.object([])

  mutating func insert(_ json: String, at path: [JSONPath.Component]) {
    JSONTree.insert(json, at: path[...], into: &root)
  }

  private static func insert(_ json: String, at path: ArraySlice<JSONPath.Component>, into node: inout Node) {
    guard let first = path.first else {
      node = .value(json)
      return
    }
    let rest = path.dropFirst()
    switch first {
    case .key(let key):
      var members: [(key: String, node: Node)] = []
      if case .object(let existing) = node { members = existing }
      if let index = members.firstIndex(where: { $0.key == key }) {
        insert(json, at: rest, into: &members[index].node)
      } else {
        var child = rest.first.map { if case .index = $0 { Node.array([]) } else { Node.object([]) } } ?? .value("")
        insert(json, at: rest, into: &child)
        members.append((key, child))
      }
      node = .object(members)
    case .index(let position):
      var elements: [(index: Int, node: Node)] = []
      if case .array(let existing) = node { elements = existing }
      if let index = elements.firstIndex(where: { $0.index == position }) {
        insert(json, at: rest, into: &elements[index].node)
      } else {
        var child = rest.first.map { if case .index = $0 { Node.array([]) } else { Node.object([]) } } ?? .value("")
        insert(json, at: rest, into: &child)
        elements.append((position, child))
        elements.sort { $0.index < $1.index }
      }
      node = .array(elements)
    }
  }

  var json: String { JSONTree.text(root) }

  private static func text(_ node: Node) -> String {
    switch node {
    case .value(let json): return json
    case .object(let members):
      return "{" + members.map { JSONWriter.quoted($0.key) + ":" + text($0.node) }.joined(separator: ",") + "}"
    case .array(let elements): return "[" + elements.map { text($0.node) }.joined(separator: ",") + "]"
    }
  }
}
