import Foundation

/// The sheets of an XLSX workbook as Excel, WPS and LibreOffice save it (Office Open XML, SpreadsheetML): each
/// worksheet's cells with their kinds, shared and inline strings resolved, cells formatted as dates turned into
/// their day, and merged ranges filled with the value of their first cell.
enum XLSXReader {
  /// Why a workbook cannot be read.
  enum Failure: Error, Equatable {
    /// The ZIP container is not readable.
    case archive(ZipArchive.Failure)
    /// A part the workbook needs is missing.
    case missingPart(String)
    /// A part is not well-formed XML, or says something a workbook cannot (a cell reference like `A0`).
    case malformed(part: String, offset: Int)
  }

  /// A cell's value.
  struct Cell: Equatable, Sendable {
    /// What kind of value the cell holds.
    enum Kind: Equatable, Sendable { case text, number, date, boolean, error }
    /// The text: a string as typed, a number as stored (`57.5`), a date as `YYYY-MM-DD`, a boolean as `1` or `0`,
    /// an error as shown (`#N/A`).
    var text: String
    var kind: Kind
  }

  /// One worksheet.
  struct Sheet: Sendable {
    /// Its name on the tab.
    var name: String
    /// Whether it is hidden.
    var hidden: Bool
    /// Its non-empty rows, each with its 1-based number and cells by 0-based column (`nil` where empty).
    var rows: [(number: Int, cells: [Cell?])]
  }

  /// Reads every worksheet of a workbook, in tab order.
  static func sheets(_ bytes: [UInt8]) throws(Failure) -> [Sheet] {
    let archive: ZipArchive
    do { archive = try ZipArchive(bytes) } catch { throw .archive(error) }
    func part(_ name: String) throws(Failure) -> [UInt8]? {
      do { return try archive.file(name) } catch { throw .archive(error) }
    }
    // The workbook part, as the package's relationships name it.
    var workbookPath = "xl/workbook.xml"
    if let rels = try part("_rels/.rels") {
      let targets = try relationships(rels, part: "_rels/.rels", base: "")
      if let target = targets.first(where: { $0.type.hasSuffix("/officeDocument") }) { workbookPath = target.target }
    }
    guard let workbook = try part(workbookPath) else { throw .missingPart(workbookPath) }
    let folder = workbookPath.split(separator: "/").dropLast().joined(separator: "/")
    let relsPath =
      (folder.isEmpty ? "" : folder + "/") + "_rels/"
      + String(workbookPath.split(separator: "/").last ?? "") + ".rels"
    var links: [(id: String, type: String, target: String)] = []
    if let rels = try part(relsPath) { links = try relationships(rels, part: relsPath, base: folder) }
    var listing = WorkbookListing()
    try scan(workbook, part: workbookPath, into: &listing)
    var strings: [String] = []
    if let target = links.first(where: { $0.type.hasSuffix("/sharedStrings") })?.target
      ?? (archive.contains("xl/sharedStrings.xml") ? "xl/sharedStrings.xml" : nil),
      let shared = try part(target)
    {
      var reader = SharedStrings()
      try scan(shared, part: target, into: &reader)
      strings = reader.strings
    }
    var dateStyles: [Bool] = []
    if let target = links.first(where: { $0.type.hasSuffix("/styles") })?.target, let styles = try part(target) {
      var reader = DateStyles()
      try scan(styles, part: target, into: &reader)
      dateStyles = reader.isDate
    }
    var sheets: [Sheet] = []
    for entry in listing.sheets {
      guard let target = links.first(where: { $0.id == entry.relation })?.target else {
        throw .missingPart(entry.name)
      }
      // A chart sheet or dialog sheet has no cells to read.
      guard target.contains("worksheets/") || !target.contains("sheets/") else { continue }
      guard let content = try part(target) else { throw .missingPart(target) }
      var reader = WorksheetCells(strings: strings, dateStyles: dateStyles, date1904: listing.date1904)
      try scan(content, part: target, into: &reader)
      if let offset = reader.malformedAt { throw .malformed(part: target, offset: offset) }
      sheets.append(Sheet(name: entry.name, hidden: entry.hidden, rows: reader.finishedRows()))
    }
    return sheets
  }

  private static func scan<H: XMLScanner.Handler>(_ bytes: [UInt8], part: String, into handler: inout H)
    throws(Failure)
  {
    do { try XMLScanner.scan(bytes, into: &handler) } catch { throw .malformed(part: part, offset: error.offset) }
  }

  /// A relationships part's targets, resolved against the folder of the part they belong to.
  private static func relationships(_ bytes: [UInt8], part: String, base: String) throws(Failure)
    -> [(id: String, type: String, target: String)]
  {
    var reader = Relationships()
    try scan(bytes, part: part, into: &reader)
    return reader.links.map { link in
      var target = link.target
      if target.hasPrefix("/") {
        target.removeFirst()
      } else if !base.isEmpty {
        target = base + "/" + target
      }
      // `../` steps, as some writers use.
      var parts: [Substring] = []
      for component in target.split(separator: "/") {
        if component == ".." { _ = parts.popLast() } else if component != "." { parts.append(component) }
      }
      return (link.id, link.type, parts.joined(separator: "/"))
    }
  }

  /// The 0-based column and 1-based row of a reference such as `D12`; nil when it is not one.
  static func position(_ reference: String) -> (column: Int, row: Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in reference.utf8 {
      switch byte {
      case 0x41...0x5A where digits == 0:
        column = column * 26 + Int(byte - 0x40)
        letters += 1
      case 0x61...0x7A where digits == 0:
        column = column * 26 + Int(byte - 0x60)
        letters += 1
      case 0x24 where digits == 0: continue  // `$D$12`
      case 0x30...0x39:
        row = row * 10 + Int(byte - 0x30)
        digits += 1
      default: return nil
      }
      guard letters <= 3, digits <= 7 else { return nil }
    }
    guard letters > 0, digits > 0, row > 0, column <= 16_384 else { return nil }
    return (column - 1, row)
  }
}

/// `Relationship` elements: id, type and target.
private struct Relationships: XMLScanner.Handler {
  var links: [(id: String, type: String, target: String)] = []

  mutating func start(_ name: String, _ attributes: [(name: String, value: String)]) {
    guard name == "Relationship" else { return }
    func value(_ key: String) -> String { attributes.first { $0.name == key }?.value ?? "" }
    guard value("TargetMode") != "External" else { return }
    links.append((value("Id"), value("Type"), value("Target")))
  }
  mutating func end(_ name: String) {}
  mutating func text(_ text: String) {}
}

/// The workbook part: its sheets in tab order and its date system.
private struct WorkbookListing: XMLScanner.Handler {
  var sheets: [(name: String, relation: String, hidden: Bool)] = []
  var date1904 = false

  mutating func start(_ name: String, _ attributes: [(name: String, value: String)]) {
    func value(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
    switch name {
    case "sheet":
      // `r:id`, its prefix dropped.
      let state = value("state") ?? "visible"
      sheets.append((value("name") ?? "", value("id") ?? "", state != "visible"))
    case "workbookPr": date1904 = ["1", "true"].contains(value("date1904") ?? "")
    default: break
    }
  }
  mutating func end(_ name: String) {}
  mutating func text(_ text: String) {}
}

/// The shared strings: each `si` is the text of its `t` elements, directly or in rich-text runs, with phonetic
/// runs (`rPh`) left out.
private struct SharedStrings: XMLScanner.Handler {
  var strings: [String] = []
  private var current = ""
  private var inText = false
  private var phonetic = 0

  mutating func start(_ name: String, _ attributes: [(name: String, value: String)]) {
    switch name {
    case "si": current = ""
    case "t": inText = phonetic == 0
    case "rPh": phonetic += 1
    default: break
    }
  }
  mutating func end(_ name: String) {
    switch name {
    case "si": strings.append(OOXMLText.unescaped(current))
    case "t": inText = false
    case "rPh": phonetic -= 1
    default: break
    }
  }
  mutating func text(_ text: String) { if inText { current += text } }
}

/// Which cell formats show a date: built-in number formats 14–22, 27–36, 45–47 and 50–58 (the East Asian date
/// formats), and custom formats whose code has a year, month or day outside quotes and brackets.
private struct DateStyles: XMLScanner.Handler {
  var isDate: [Bool] = []
  private var customDates = Set<Int>()
  private var inCellFormats = false

  static func builtInIsDate(_ id: Int) -> Bool {
    (14...22).contains(id) || (27...36).contains(id) || (45...47).contains(id) || (50...58).contains(id)
  }

  static func codeIsDate(_ code: String) -> Bool {
    var quoted = false
    var bracket = false
    var escaped = false
    // `General` is a keyword, not a day and a year.
    for character in code.replacingOccurrences(of: "General", with: "", options: .caseInsensitive) {
      if escaped {
        escaped = false
        continue
      }
      switch character {
      case "\\": escaped = true
      case "\"": quoted.toggle()
      case "[" where !quoted: bracket = true
      case "]" where !quoted: bracket = false
      case "y", "Y", "d", "D":
        // `m` alone may be minutes after an hour; a date has a year or a day beside its month.
        if !quoted && !bracket { return true }
      default: continue
      }
    }
    return false
  }

  mutating func start(_ name: String, _ attributes: [(name: String, value: String)]) {
    func value(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
    switch name {
    case "numFmt":
      if let id = value("numFmtId").flatMap({ Int($0) }), DateStyles.codeIsDate(value("formatCode") ?? "") {
        customDates.insert(id)
      }
    case "cellXfs": inCellFormats = true
    case "xf" where inCellFormats:
      let id = value("numFmtId").flatMap { Int($0) } ?? 0
      isDate.append(DateStyles.builtInIsDate(id) || customDates.contains(id))
    default: break
    }
  }
  mutating func end(_ name: String) { if name == "cellXfs" { inCellFormats = false } }
  mutating func text(_ text: String) {}
}

/// OOXML's escape for characters XML cannot carry: `_xHHHH_` stands for the UTF-16 unit HHHH (`_x000D_` a carriage
/// return), and `_x005F_` for the underscore itself.
enum OOXMLText {
  static func unescaped(_ text: String) -> String {
    guard text.contains("_x") else { return text }
    var units: [UInt16] = []
    let source = Array(text.utf16)
    var index = 0
    while index < source.count {
      if source[index] == 0x5F, index + 6 < source.count, source[index + 1] == 0x78, source[index + 6] == 0x5F,
        let value = UInt16(String(decoding: source[(index + 2)..<(index + 6)], as: UTF16.self), radix: 16)
      {
        units.append(value)
        index += 7
      } else {
        units.append(source[index])
        index += 1
      }
    }
    return String(decoding: units, as: UTF16.self)
  }
}

/// A worksheet's cells, by row and column, with merged ranges filled in at the end.
private struct WorksheetCells: XMLScanner.Handler {
  let strings: [String]
  let dateStyles: [Bool]
  let date1904: Bool
  private(set) var malformedAt: Int?
  private var rows: [(number: Int, cells: [XLSXReader.Cell?])] = []
  private var cells: [XLSXReader.Cell?] = []
  private var merges: [(first: (column: Int, row: Int), last: (column: Int, row: Int))] = []
  private var row = 0
  private var nextColumn = 0
  // The cell being read.
  private var column = 0
  private var type = "n"
  private var style = 0
  private var value = ""
  private var inValue = false
  private var inInline = 0
  private var phonetic = 0
  private var hasValue = false

  init(strings: [String], dateStyles: [Bool], date1904: Bool) {
    self.strings = strings
    self.dateStyles = dateStyles
    self.date1904 = date1904
  }

  mutating func start(_ name: String, _ attributes: [(name: String, value: String)]) throws(XMLScanner.Failure) {
    func attribute(_ key: String) -> String? { attributes.first { $0.name == key }?.value }
    switch name {
    case "row":
      if let number = attribute("r") {
        guard let value = Int(number), value > 0, value <= 1_048_576 else { throw XMLScanner.Failure(offset: 0) }
        row = value
      } else {
        row += 1
      }
      nextColumn = 0
      cells.removeAll(keepingCapacity: true)
    case "c":
      if let reference = attribute("r") {
        guard let position = XLSXReader.position(reference) else { throw XMLScanner.Failure(offset: 0) }
        column = position.column
      } else {
        column = nextColumn
      }
      nextColumn = column + 1
      type = attribute("t") ?? "n"
      style = attribute("s").flatMap { Int($0) } ?? 0
      value = ""
      hasValue = false
    case "v": inValue = true
    case "is": inInline += 1
    case "t" where inInline > 0: inValue = phonetic == 0
    case "rPh": phonetic += 1
    case "mergeCell":
      let parts = (attribute("ref") ?? "").split(separator: ":").map(String.init)
      guard parts.count == 2, let first = XLSXReader.position(parts[0]), let last = XLSXReader.position(parts[1]),
        first.column <= last.column, first.row <= last.row
      else { return }
      merges.append((first, last))
    default: break
    }
  }

  mutating func end(_ name: String) throws(XMLScanner.Failure) {
    switch name {
    case "v", "t": inValue = false
    case "is": inInline -= 1
    case "rPh": phonetic -= 1
    case "c":
      guard hasValue, let cell = cell() else { return }
      if column >= cells.count { cells += [XLSXReader.Cell?](repeating: nil, count: column + 1 - cells.count) }
      cells[column] = cell
    case "row":
      if cells.contains(where: { $0 != nil }) { rows.append((row, cells)) }
    default: break
    }
  }

  mutating func text(_ text: String) {
    guard inValue else { return }
    value += text
    hasValue = true
  }

  /// The cell just read, by its type.
  private mutating func cell() -> XLSXReader.Cell? {
    switch type {
    case "s":
      guard let index = Int(value), strings.indices.contains(index) else {
        return XLSXReader.Cell(text: value, kind: .error)
      }
      return XLSXReader.Cell(text: strings[index], kind: .text)
    case "inlineStr", "str": return XLSXReader.Cell(text: OOXMLText.unescaped(value), kind: .text)
    case "b": return XLSXReader.Cell(text: value == "1" || value == "true" ? "1" : "0", kind: .boolean)
    case "e": return XLSXReader.Cell(text: value, kind: .error)
    case "d": return XLSXReader.Cell(text: String(value.prefix(10)), kind: .date)
    default:
      let number = value.trimmingSpaces
      if style < dateStyles.count, dateStyles[style], let serial = Double(number), serial >= 1, serial < 2_958_466 {
        let days = Int(serial.rounded(.down)) + (date1904 ? 1_462 : 0)
        if let day = SpreadsheetValues.day(String(days)) { return XLSXReader.Cell(text: day.description, kind: .date) }
      }
      return XLSXReader.Cell(text: number, kind: .number)
    }
  }

  /// The rows in order, each cell in its column, merged ranges filled from their first cell (within the rows
  /// and columns that hold anything, so a merge over a whole sheet adds no rows).
  func finishedRows() -> [(number: Int, cells: [XLSXReader.Cell?])] {
    var sorted = rows
    if !zip(rows, rows.dropFirst()).allSatisfy({ $0.number < $1.number }) {
      // Rows out of order, or one number given twice (its later cells win): grouped by number.
      var byNumber: [Int: [XLSXReader.Cell?]] = [:]
      for row in rows {
        var cells = byNumber[row.number] ?? []
        for (column, cell) in row.cells.enumerated() where cell != nil {
          if column >= cells.count { cells += [XLSXReader.Cell?](repeating: nil, count: column + 1 - cells.count) }
          cells[column] = cell
        }
        byNumber[row.number] = cells
      }
      sorted = byNumber.keys.sorted().map { ($0, byNumber[$0]!) }
    }
    guard !merges.isEmpty else { return sorted }
    let width = sorted.map(\.cells.count).max() ?? 0
    var position: [Int: Int] = [:]
    for (index, row) in sorted.enumerated() { position[row.number] = index }
    for merge in merges {
      guard let first = position[merge.first.row], merge.first.column < sorted[first].cells.count,
        let value = sorted[first].cells[merge.first.column]
      else { continue }
      for row in sorted.indices where sorted[row].number >= merge.first.row && sorted[row].number <= merge.last.row {
        let last = min(merge.last.column, width - 1)
        guard merge.first.column <= last else { continue }
        if last >= sorted[row].cells.count {
          sorted[row].cells += [XLSXReader.Cell?](repeating: nil, count: last + 1 - sorted[row].cells.count)
        }
        for column in merge.first.column...last where sorted[row].cells[column] == nil {
          sorted[row].cells[column] = value
        }
      }
    }
    return sorted
  }
}

extension String {
  /// The text without ASCII spaces around it.
  fileprivate var trimmingSpaces: String {
    let utf8 = self.utf8
    guard utf8.first == 0x20 || utf8.last == 0x20 else { return self }
    return String(self.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
  }
}
