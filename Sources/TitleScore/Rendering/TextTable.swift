/// A plain-text table whose columns line up in a terminal, Chinese text included.
struct TextTable {
  var headers: [String]
  var rows: [[String]] = []
  /// Columns aligned to the right (numbers).
  var rightAligned: Set<Int> = []

  func render() -> String {
    var widths = headers.map(DisplayWidth.of)
    for row in rows {
      for (index, cell) in row.enumerated() where index < widths.count {
        widths[index] = max(widths[index], DisplayWidth.of(cell))
      }
    }
    func line(_ cells: [String]) -> String {
      var parts: [String] = []
      for (index, cell) in cells.enumerated() {
        let last = index == cells.count - 1
        parts.append(
          last && !rightAligned.contains(index)
            ? cell : DisplayWidth.pad(cell, to: widths[index], right: rightAligned.contains(index)))
      }
      return "  " + parts.joined(separator: "  ")
    }
    var output = line(headers) + "\n"
    output += "  " + widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
    for row in rows { output += line(row) + "\n" }
    return output
  }
}

/// Renders plain-text tables whose columns line up in a terminal, Chinese text included.
package enum TableText {
  /// A table with a header line, a rule, and the rows; `rightAligned` holds the indices of numeric columns.
  package static func render(headers: [String], rows: [[String]], rightAligned: Set<Int> = []) -> String {
    var table = TextTable(headers: headers)
    table.rows = rows
    table.rightAligned = rightAligned
    return table.render()
  }
}
