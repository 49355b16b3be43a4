/// Workbooks in the spreadsheet layout: portfolios written out as a filled workbook (`examples/applicants.xlsx`,
/// `generate --format xlsx`), and the empty template of a sheet (`titlescore template`) with drop-down lists, a
/// sheet of instructions and one example row. `SpreadsheetImport` reads both back.
public enum SpreadsheetWorkbook {
  /// A filled workbook of portfolios: the 申报人 and 业绩 sheets, dates as date cells (with `dateStyles`, in turn
  /// as date cells, `2021/7/1`, `2021年7月1日` and bare serial numbers, as offices type them), numbers as numbers.
  /// `extraRows` are added to the applicants sheet as they are (a row as a clerk mistyped it, for the examples).
  package static func filled(
    _ portfolios: [Portfolio], glossary: Glossary = .bundled, dateStyles: Bool = false,
    extraRows: [[SpreadsheetExport.Value]] = []
  ) -> [UInt8] {
    var writer = XLSXWriter()
    var rows = SpreadsheetExport.rows(portfolios, glossary: glossary)
    rows.applicants += extraRows
    addTables(rows, dateStyles: dateStyles, to: &writer)
    return writer.finished()
  }

  /// The template of a sheet: the 申报人 and 业绩 sheets with their headers (continuing-education and assessment
  /// columns for the years the sheet's worked example gives), one example row filled from that example, drop-down
  /// lists from the sheet's vocabulary and the shared one, a 填表说明 sheet in `language` and the hidden 选项 sheet
  /// the lists are read from.
  public static func template(for sheet: Scoresheet, glossary: Glossary = .bundled, language: Language = .zh)
    -> [UInt8]
  {
    let example = exampleRows(sheet, glossary: glossary)
    var writer = XLSXWriter()
    let (applicants, achievements) = addTables(example, dateStyles: false, to: &writer)
    // The lists, one column each on the 选项 sheet; each column of the tables reading a list gets its drop-down.
    var lists = XLSXWriter.Sheet(name: Message(.workbookSheetLists).text(.zh))
    lists.hidden = true
    lists.landscape = false
    var listColumns: [[String]] = []
    var listIndex: [String: Int] = [:]
    func listColumn(_ title: String, _ values: [String]) -> Int {
      if let index = listIndex[title] { return index }
      listColumns.append([title] + values)
      listIndex[title] = listColumns.count - 1
      return listColumns.count - 1
    }
    let flagList = listColumn(Message(.templateListFlag).text(.zh), ["是", "否"])
    var dropDowns: [(sheet: Int, dropDown: XLSXWriter.DropDown)] = []
    let lastRow = 10_000
    func addDropDown(_ sheetIndex: Int, _ column: Int, _ list: Int) {
      dropDowns.append(
        (
          sheetIndex,
          XLSXWriter.DropDown(
            column: column, rows: 2...lastRow, sourceSheet: lists.name, sourceColumn: list,
            sourceRows: 2...(listColumns[list].count))
        ))
    }
    func values(_ list: Glossary.List) -> [String] {
      codes(list, for: sheet, glossary: glossary).map { glossary.name(of: $0, in: list, .zh) }
    }
    func listName(_ list: Glossary.List) -> String { glossary[list]?.name.zh ?? list.rawValue }
    var kinds: [(sheet: Int, header: String, kind: String, values: String)] = []
    for (column, header) in example.applicants[0].enumerated() {
      guard case .text(let title) = header else { continue }
      if let layout = SpreadsheetLayout.applicantColumns.first(where: { SpreadsheetLayout.matches(title, $0) }) {
        var accepted = ""
        if let list = layout.list, case let names = values(list), !names.isEmpty {
          if layout.kind != .list { addDropDown(applicants, column, listColumn(listName(list), names)) }
          accepted = names.joined(separator: "、")
        } else if layout.kind == .flag {
          addDropDown(applicants, column, flagList)
        }
        kinds.append((applicants, title, kindText(layout, language), accepted))
      } else if SpreadsheetLayout.assessmentColumn(title) != nil {
        let names = values(.assessmentGrade)
        if !names.isEmpty { addDropDown(applicants, column, listColumn(listName(.assessmentGrade), names)) }
        kinds.append((applicants, title, Message(.templateKindGrade).text(language), names.joined(separator: "、")))
      } else if SpreadsheetLayout.courseColumn(title) != nil {
        kinds.append((applicants, title, Message(.templateKindHours).text(language), ""))
      } else {
        kinds.append((applicants, title, Message(.templateKindPoints).text(language), ""))
      }
    }
    for (column, header) in example.achievements[0].enumerated() {
      guard case .text(let title) = header else { continue }
      guard column > 0,
        let layout = SpreadsheetLayout.recordColumns.first(where: { SpreadsheetLayout.matches(title, $0) })
      else {
        kinds.append((achievements, title, Message(.templateKindOwner).text(language), ""))
        continue
      }
      var accepted = ""
      if let list = layout.list {
        let names = values(list)
        if !names.isEmpty {
          addDropDown(achievements, column, listColumn(listName(list), names))
          accepted = names.joined(separator: "、")
        }
      } else if layout.kind == .flag {
        addDropDown(achievements, column, flagList)
      }
      kinds.append((achievements, title, kindText(layout, language), accepted))
    }
    for (sheetIndex, dropDown) in dropDowns { writer.addDropDown(dropDown, to: sheetIndex) }
    // The instructions, between the tables and the lists.
    var guide = XLSXWriter.Sheet(name: Message(.workbookSheetInstructions).text(.zh))
    guide.header = false
    guide.landscape = false
    guide.fixedWidths = [0: 28, 1: 30, 2: 80]
    let guideIndex = writer.add(guide)
    writer.append(
      [.text(Message(.templateTitle, .localized(sheet.title)).text(language))], to: guideIndex, style: .header)
    let command =
      "titlescore batch \(Message(.workbookSheetApplicants).text(.zh)).xlsx --sheet \(sheet.id) --out report.xlsx"
    for key in [
      MessageKey.templateLineApplicants, .templateLineAchievements, .templateLineDates, .templateLineLists,
      .templateLineYears, .templateLineColumns,
    ] {
      writer.append([.text(Message(key).text(language))], to: guideIndex)
    }
    writer.append([.text(Message(.templateLineRun, .text(command)).text(language))], to: guideIndex)
    writer.append([], to: guideIndex)
    let sheetNames = [
      applicants: Message(.workbookSheetApplicants).text(.zh),
      achievements: Message(.workbookSheetAchievements).text(.zh),
    ]
    var previous = -1
    for entry in kinds {
      if entry.sheet != previous {
        writer.append([.text(sheetNames[entry.sheet] ?? "")], to: guideIndex, style: .header)
        writer.append(
          [
            .text(Message(.templateColumnHeader).text(language)), .text(Message(.templateKindHeader).text(language)),
            .text(Message(.templateValuesHeader).text(language)),
          ], to: guideIndex, style: .header)
        previous = entry.sheet
      }
      writer.append([.text(entry.header), .text(entry.kind), .text(entry.values)], to: guideIndex, style: .wrapped)
    }
    let listsIndex = writer.add(lists)
    let height = listColumns.map(\.count).max() ?? 0
    for row in 0..<height {
      writer.append(listColumns.map { row < $0.count ? .text($0[row]) : .empty }, to: listsIndex)
    }
    return writer.finished()
  }

  /// The template's two tables as CSV (no drop-downs or instructions: CSV has none), with the example row.
  public static func templateCSV(for sheet: Scoresheet, glossary: Glossary = .bundled) -> (
    applicants: String, achievements: String
  ) {
    SpreadsheetExport.tables(examplePortfolios(sheet), glossary: glossary)
  }

  /// The codes a field of a list takes for a sheet: the sheet's own levels where it restricts them (education
  /// levels, degrees, titles, skill levels, assessment grades), the record types it counts, else the shared list's.
  package static func codes(_ list: Glossary.List, for sheet: Scoresheet, glossary: Glossary) -> [String] {
    let restricted = list == .recordType ? recordTypes(sheet) : restriction(list, sheet.vocabulary)
    return restricted.isEmpty ? (glossary[list]?.terms.map(\.code) ?? []) : restricted
  }

  /// The worked example a template shows: the first that passes, else the first; decoded in the sheet's codes.
  package static func examplePortfolios(_ sheet: Scoresheet) -> [Portfolio] {
    let chosen = sheet.examples.first { $0.expectedVerdict == .pass } ?? sheet.examples.first
    guard let chosen else { return [] }
    var writer = JSONWriter()
    writer.value(chosen.portfolio)
    guard let portfolio = try? Portfolio.decode(json: writer.bytes, glossary: .empty) else { return [] }
    return [portfolio]
  }

  private static func exampleRows(_ sheet: Scoresheet, glossary: Glossary) -> (
    applicants: [[SpreadsheetExport.Value]], achievements: [[SpreadsheetExport.Value]]
  ) {
    SpreadsheetExport.rows(examplePortfolios(sheet), glossary: glossary)
  }

  /// The codes a sheet's own vocabulary allows for a list (education levels, titles …); empty where it says
  /// nothing and the shared list stands.
  private static func restriction(_ list: Glossary.List, _ vocabulary: Vocabulary) -> [String] {
    switch list {
    case .educationLevel: return vocabulary.educationLevels
    case .degree: return vocabulary.degreeLevels
    case .title: return vocabulary.titles
    case .skillLevel: return vocabulary.skillLevels
    case .assessmentGrade: return vocabulary.assessmentGrades
    default: return []
    }
  }

  /// The record types a sheet's items count, in sheet order; empty when it names none.
  private static func recordTypes(_ sheet: Scoresheet) -> [String] {
    var types: [String] = []
    for item in sheet.itemsInOrder.map(\.item) {
      for selector in ([item] + item.rule.alternatives).compactMap({ $0.rule.recordSelector }) {
        for type in selector.types where !types.contains(type) { types.append(type) }
      }
    }
    return types
  }

  /// What a fixed column takes, worded for the instructions.
  private static func kindText(_ column: SpreadsheetLayout.Column, _ language: Language) -> String {
    switch column.kind {
    case .text: return Message(column.list == nil ? .templateKindText : .templateKindChoice).text(language)
    case .date: return Message(.templateKindDate).text(language)
    case .flag: return Message(.templateKindFlag).text(language)
    case .number: return Message(.templateKindNumber).text(language)
    case .list: return Message(.templateKindSeveral).text(language)
    }
  }

  /// Adds the 申报人 and 业绩 sheets with their rows: identity numbers and phones as text, date columns shown as
  /// dates. Returns the two sheets' indices.
  @discardableResult
  private static func addTables(
    _ rows: (applicants: [[SpreadsheetExport.Value]], achievements: [[SpreadsheetExport.Value]]), dateStyles: Bool,
    to writer: inout XLSXWriter
  ) -> (applicants: Int, achievements: Int) {
    var turn = 0
    func cells(_ row: [SpreadsheetExport.Value]) -> [XLSXWriter.Cell] {
      row.map { value in
        switch value {
        case .text(let text): return text.isEmpty ? .empty : .text(text)
        case .number(let number): return .number(number)
        case .day(let day):
          defer { turn += 1 }
          guard dateStyles else { return .date(SpreadsheetExport.excelSerial(day)) }
          switch turn % 4 {
          case 0: return .date(SpreadsheetExport.excelSerial(day))
          case 3: return .number(String(SpreadsheetExport.excelSerial(day)))
          default: return .text(SpreadsheetExport.styled(day, turn))
          }
        }
      }
    }
    func styles(_ header: [SpreadsheetExport.Value], _ columns: [SpreadsheetLayout.Column]) -> [Int: XLSXWriter.Style] {
      var styles: [Int: XLSXWriter.Style] = [:]
      for (index, value) in header.enumerated() {
        guard case .text(let title) = value, let column = columns.first(where: { SpreadsheetLayout.matches(title, $0) })
        else { continue }
        if column.kind == .date { styles[index] = .date }
        if column.kind == .text && column.list == nil { styles[index] = .text }
      }
      return styles
    }
    var applicantSheet = XLSXWriter.Sheet(name: Message(.workbookSheetApplicants).text(.zh))
    // Sheets for typing into, sixty columns wide: not fitted to a printed page.
    applicantSheet.landscape = false
    applicantSheet.columnStyles = styles(rows.applicants[0], SpreadsheetLayout.applicantColumns)
    let applicants = writer.add(applicantSheet)
    for row in rows.applicants { writer.append(cells(row), to: applicants) }
    var achievementSheet = XLSXWriter.Sheet(name: Message(.workbookSheetAchievements).text(.zh))
    achievementSheet.landscape = false
    achievementSheet.columnStyles = styles(rows.achievements[0], SpreadsheetLayout.recordColumns)
    achievementSheet.columnStyles[0] = .text
    let achievements = writer.add(achievementSheet)
    for row in rows.achievements { writer.append(cells(row), to: achievements) }
    return (applicants, achievements)
  }
}
