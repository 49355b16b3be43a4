/// Writes an XLSX workbook that Excel, WPS and LibreOffice open without a prompt: worksheets whose rows are added
/// one at a time (a 300,000-row list is never held as cells), texts in one shared-strings table, numbers stored as
/// numbers, column widths from the widest cell (a Chinese character counted twice), and per sheet a frozen and
/// filtered header row, drop-down lists, and A4 landscape printing one page wide with the header on every page.
struct XLSXWriter {
  /// How a cell looks.
  enum Style: Int {
    /// The default.
    case plain = 0
    /// A header: bold on a light fill.
    case header = 1
    /// Long text wrapped in its column, aligned to the top.
    case wrapped = 2
    /// Stored as text whatever is typed (an identity number keeps its digits and its `X`).
    case text = 3
    /// A date shown `yyyy-mm-dd`.
    case date = 4
  }

  /// A cell's value.
  enum Cell {
    case empty
    case text(String)
    /// A decimal number as text (`57.5`, `-2.5`): exact, as the points it comes from.
    case number(String)
    /// A day, as its Excel serial number, shown `yyyy-mm-dd`.
    case date(Int)
  }

  /// A drop-down list on a range of a column: the values are the cells of a range on another sheet.
  struct DropDown {
    /// The 0-based column.
    var column: Int
    /// The first and last 1-based rows it covers.
    var rows: ClosedRange<Int>
    /// The sheet holding the values, and their 0-based column and 1-based rows there.
    var sourceSheet: String
    var sourceColumn: Int
    var sourceRows: ClosedRange<Int>
  }

  /// One worksheet being written.
  struct Sheet {
    /// The name on its tab (at most 31 characters; `[]:*?/\` are replaced).
    let name: String
    /// Whether the header row stays in view, has filter buttons and repeats on every printed page.
    var header = true
    /// Whether the tab is hidden (the lists drop-downs read).
    var hidden = false
    /// Whether it prints A4 landscape, one page wide.
    var landscape = true
    /// Drop-down lists.
    var dropDowns: [DropDown] = []
    /// Widths fixed by the caller, by 0-based column, instead of the widest cell's.
    var fixedWidths: [Int: Double] = [:]
    /// The style of cells typed later into a column (a template's identity-number column is text).
    var columnStyles: [Int: Style] = [:]
    /// The rows' XML.
    fileprivate var rows: [UInt8] = []
    fileprivate var rowCount = 0
    fileprivate var columnCount = 0
    /// Each column's widest cell, in display columns.
    fileprivate var widths: [Int] = []

    /// An empty sheet.
    init(name: String) {
      var name = String(name.map { "[]:*?/\\".contains($0) ? "_" : $0 })
      if name.count > 31 { name = String(name.prefix(31)) }
      self.name = name
    }
  }

  private var sheets: [Sheet] = []
  private var strings: [String] = []
  private var stringIndex: [String: Int] = [:]
  /// Column letters, by index, worked out once.
  private var columnNames: [String] = []

  /// An empty workbook.
  init() {}

  /// Adds a sheet; rows are added with `append(_:to:)`.
  mutating func add(_ sheet: Sheet) -> Int {
    sheets.append(sheet)
    return sheets.count - 1
  }

  /// Adds a drop-down list to a sheet.
  mutating func addDropDown(_ dropDown: DropDown, to sheet: Int) {
    sheets[sheet].dropDowns.append(dropDown)
  }

  private mutating func columnName(_ index: Int) -> String {
    while columnNames.count <= index { columnNames.append(SpreadsheetTable.columnName(columnNames.count)) }
    return columnNames[index]
  }

  /// Adds a row to a sheet: the header's style on the first row of a sheet with a header, unless `style` says.
  mutating func append(_ cells: [Cell], to sheet: Int, style: Style? = nil) {
    let number = sheets[sheet].rowCount + 1
    let cellStyle = style ?? (number == 1 && sheets[sheet].header ? .header : .plain)
    var xml: [UInt8] = []
    xml.reserveCapacity(cells.count * 24)
    xml.append(contentsOf: "<row r=\"\(number)\">".utf8)
    var widths = sheets[sheet].widths
    if widths.count < cells.count { widths += [Int](repeating: 0, count: cells.count - widths.count) }
    for (index, cell) in cells.enumerated() {
      let reference = columnName(index) + String(number)
      let styleAttribute = cellStyle == .plain ? "" : " s=\"\(cellStyle.rawValue)\""
      switch cell {
      case .empty:
        if cellStyle != .plain { xml.append(contentsOf: "<c r=\"\(reference)\"\(styleAttribute)/>".utf8) }
      case .number(let value):
        xml.append(contentsOf: "<c r=\"\(reference)\"\(styleAttribute)><v>\(value)</v></c>".utf8)
        widths[index] = max(widths[index], value.utf8.count)
      case .date(let serial):
        xml.append(contentsOf: "<c r=\"\(reference)\" s=\"\(Style.date.rawValue)\"><v>\(serial)</v></c>".utf8)
        widths[index] = max(widths[index], 10)
      case .text(let value):
        guard !value.isEmpty else { continue }
        let index2 = shared(value)
        xml.append(contentsOf: "<c r=\"\(reference)\"\(styleAttribute) t=\"s\"><v>\(index2)</v></c>".utf8)
        // A wrapped cell's width is not its text's; the longest line counts, up to the cap.
        let longest = value.split(separator: "\n").map { DisplayWidth.of(String($0)) }.max() ?? 0
        widths[index] = max(widths[index], longest)
      }
    }
    xml.append(contentsOf: "</row>".utf8)
    sheets[sheet].widths = widths
    sheets[sheet].rows.append(contentsOf: xml)
    sheets[sheet].rowCount = number
    sheets[sheet].columnCount = max(sheets[sheet].columnCount, cells.count)
  }

  private mutating func shared(_ text: String) -> Int {
    if let index = stringIndex[text] { return index }
    strings.append(text)
    stringIndex[text] = strings.count - 1
    return strings.count - 1
  }

  /// Text for XML character data or an attribute: `& < > "` escaped, and the control characters XML cannot
  /// carry written as OOXML's `_xHHHH_` (an underscore that would read as one written `_x005F_`).
  static func escaped(_ text: String) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    let scalars = Array(text.unicodeScalars)
    for (index, scalar) in scalars.enumerated() {
      switch scalar {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "\t", "\n": out.unicodeScalars.append(scalar)
      case "_":
        // `_x` followed by four hex digits and `_` would be read as an escape.
        let rest = String(String.UnicodeScalarView(scalars[(index + 1)...].prefix(6)))
        let looksEscaped =
          rest.count == 6 && rest.hasPrefix("x") && rest.hasSuffix("_")
          && rest.dropFirst().dropLast().allSatisfy(\.isHexDigit)
        out += looksEscaped ? "_x005F_" : "_"
      default:
        if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
          let hex = String(scalar.value, radix: 16, uppercase: true)
          out += "_x" + String(repeating: "0", count: 4 - hex.count) + hex + "_"
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    return out
  }

  /// A sheet's name in a formula: quoted, quotes doubled.
  private static func quotedName(_ name: String) -> String {
    "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
  }

  /// The workbook's bytes.
  mutating func finished() -> [UInt8] {
    let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    let relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    let package = "http://schemas.openxmlformats.org/package/2006/relationships"
    let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    var zip = ZipWriter()
    var types =
      declaration + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
      + "<Override PartName=\"/xl/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml\"/>"
      + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
    for index in sheets.indices {
      types +=
        "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
    }
    types += "</Types>"
    zip.add("[Content_Types].xml", Array(types.utf8))
    zip.add(
      "_rels/.rels",
      Array(
        (declaration + "<Relationships xmlns=\"\(package)\">"
          + "<Relationship Id=\"rId1\" Type=\"\(relationships)/officeDocument\" Target=\"xl/workbook.xml\"/>"
          + "</Relationships>").utf8))
    let active = sheets.firstIndex { !$0.hidden } ?? 0
    var workbook =
      declaration + "<workbook xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
      + "<bookViews><workbookView activeTab=\"\(active)\"/></bookViews><sheets>"
    var names = ""
    var links = declaration + "<Relationships xmlns=\"\(package)\">"
    for (index, sheet) in sheets.enumerated() {
      let state = sheet.hidden ? " state=\"hidden\"" : ""
      workbook +=
        "<sheet name=\"\(XLSXWriter.escaped(sheet.name))\" sheetId=\"\(index + 1)\"\(state) r:id=\"rId\(index + 1)\"/>"
      links +=
        "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationships)/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
      if sheet.header && sheet.rowCount > 0 && sheet.columnCount > 0 {
        let quoted = XLSXWriter.escaped(XLSXWriter.quotedName(sheet.name))
        let last = columnName(sheet.columnCount - 1)
        names +=
          "<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"\(index)\" hidden=\"1\">\(quoted)!$A$1:$\(last)$\(sheet.rowCount)</definedName>"
          + "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(index)\">\(quoted)!$1:$1</definedName>"
      }
    }
    workbook += "</sheets>" + (names.isEmpty ? "" : "<definedNames>\(names)</definedNames>") + "</workbook>"
    links +=
      "<Relationship Id=\"rId\(sheets.count + 1)\" Type=\"\(relationships)/styles\" Target=\"styles.xml\"/>"
      + "<Relationship Id=\"rId\(sheets.count + 2)\" Type=\"\(relationships)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
      + "</Relationships>"
    zip.add("xl/workbook.xml", Array(workbook.utf8))
    zip.add("xl/_rels/workbook.xml.rels", Array(links.utf8))
    zip.add("xl/styles.xml", Array((declaration + XLSXWriter.styles(main)).utf8))
    var shared: [UInt8] = []
    shared.append(
      contentsOf: (declaration + "<sst xmlns=\"\(main)\" count=\"\(strings.count)\" uniqueCount=\"\(strings.count)\">")
        .utf8)
    for text in strings {
      let space = text.first?.isWhitespace == true || text.last?.isWhitespace == true ? " xml:space=\"preserve\"" : ""
      shared.append(contentsOf: "<si><t\(space)>\(XLSXWriter.escaped(text))</t></si>".utf8)
    }
    shared.append(contentsOf: "</sst>".utf8)
    zip.add("xl/sharedStrings.xml", shared)
    for index in sheets.indices {
      zip.add("xl/worksheets/sheet\(index + 1).xml", worksheet(index, selected: index == active, main, relationships))
    }
    return zip.finished()
  }

  /// A worksheet part: its view, columns, rows, filter, drop-downs and page setup, in the order the schema wants.
  private mutating func worksheet(_ index: Int, selected: Bool, _ main: String, _ relationships: String) -> [UInt8] {
    let sheet = sheets[index]
    var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    xml += "<worksheet xmlns=\"\(main)\" xmlns:r=\"\(relationships)\">"
    if sheet.landscape { xml += "<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>" }
    let lastColumn = columnName(max(0, sheet.columnCount - 1))
    xml += "<dimension ref=\"A1:\(lastColumn)\(max(1, sheet.rowCount))\"/>"
    xml += "<sheetViews><sheetView workbookViewId=\"0\"\(selected ? " tabSelected=\"1\"" : "")>"
    if sheet.header && sheet.rowCount > 0 {
      xml +=
        "<pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/>"
        + "<selection pane=\"bottomLeft\" activeCell=\"A2\" sqref=\"A2\"/>"
    }
    xml += "</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>"
    let columns = max(sheet.columnCount, (sheet.columnStyles.keys.max() ?? -1) + 1)
    if columns > 0 {
      xml += "<cols>"
      for column in 0..<columns {
        let measured = column < sheet.widths.count ? sheet.widths[column] : 0
        // Room for a filter button beside a header; at most 60 columns wide, the rest wraps or is cut.
        let width = sheet.fixedWidths[column] ?? Double(min(60, max(8, measured + (sheet.header ? 4 : 2))))
        let style = sheet.columnStyles[column].map { " style=\"\($0.rawValue)\"" } ?? ""
        xml += "<col min=\"\(column + 1)\" max=\"\(column + 1)\" width=\"\(width)\"\(style) customWidth=\"1\"/>"
      }
      xml += "</cols>"
    }
    var bytes = Array(xml.utf8)
    bytes.append(contentsOf: "<sheetData>".utf8)
    bytes.append(contentsOf: sheet.rows)
    var tail = "</sheetData>"
    if sheet.header && sheet.rowCount > 0 && sheet.columnCount > 0 {
      tail += "<autoFilter ref=\"A1:\(lastColumn)\(sheet.rowCount)\"/>"
    }
    if !sheet.dropDowns.isEmpty {
      tail += "<dataValidations count=\"\(sheet.dropDowns.count)\">"
      for dropDown in sheet.dropDowns {
        let column = columnName(dropDown.column)
        let source = columnName(dropDown.sourceColumn)
        let formula =
          XLSXWriter.quotedName(dropDown.sourceSheet)
          + "!$\(source)$\(dropDown.sourceRows.lowerBound):$\(source)$\(dropDown.sourceRows.upperBound)"
        tail +=
          "<dataValidation type=\"list\" allowBlank=\"1\" showInputMessage=\"1\" showErrorMessage=\"1\" sqref=\"\(column)\(dropDown.rows.lowerBound):\(column)\(dropDown.rows.upperBound)\">"
          + "<formula1>\(XLSXWriter.escaped(formula))</formula1></dataValidation>"
      }
      tail += "</dataValidations>"
    }
    tail += "<pageMargins left=\"0.4\" right=\"0.4\" top=\"0.6\" bottom=\"0.6\" header=\"0.3\" footer=\"0.3\"/>"
    if sheet.landscape {
      tail += "<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
    }
    tail += "</worksheet>"
    bytes.append(contentsOf: tail.utf8)
    return bytes
  }

  /// The styles `Style` names, in its order.
  private static func styles(_ main: String) -> String {
    let font = "<sz val=\"11\"/><name val=\"等线\"/><family val=\"2\"/><charset val=\"134\"/>"
    return "<styleSheet xmlns=\"\(main)\">"
      + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
      + "<fonts count=\"2\"><font>\(font)</font><font><b/>\(font)</font></fonts>"
      + "<fills count=\"3\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill>"
      + "<fill><patternFill patternType=\"solid\"><fgColor rgb=\"FFE7EDF3\"/><bgColor indexed=\"64\"/></patternFill></fill></fills>"
      + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
      + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
      + "<cellXfs count=\"5\">"
      + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
      + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"2\" borderId=\"0\" xfId=\"0\" applyFont=\"1\" applyFill=\"1\"/>"
      + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyAlignment=\"1\"><alignment vertical=\"top\" wrapText=\"1\"/></xf>"
      + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
      + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
      + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
      + "</styleSheet>"
  }
}
