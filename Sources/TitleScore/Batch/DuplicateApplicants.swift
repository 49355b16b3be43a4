/// An applicant id given to more than one record of a batch. Both records are scored and ranked — which one an
/// office meant cannot be told from the input — and the repeat is reported with both locations, in the run's
/// messages and in every report's summary, so that no record is counted twice without a word.
public struct DuplicateApplicant: Hashable, Sendable {
  /// The id given twice (or more).
  public var id: String
  /// Where the id first appears: file and 1-based line (0 for a whole-file portfolio).
  public var first: (file: String, line: Int)
  /// Where it appears again.
  public var repeated: (file: String, line: Int)

  public static func == (lhs: DuplicateApplicant, rhs: DuplicateApplicant) -> Bool {
    lhs.id == rhs.id && lhs.first == rhs.first && lhs.repeated == rhs.repeated
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(id)
    hasher.combine(first.file)
    hasher.combine(first.line)
    hasher.combine(repeated.file)
    hasher.combine(repeated.line)
  }

  /// `a.jsonl:3`, or the file alone for a whole-file portfolio.
  public static func location(_ place: (file: String, line: Int)) -> String {
    place.line > 0 ? "\(place.file):\(place.line)" : place.file
  }
}

extension BatchResults {
  /// Finds the ids given to more than one scored record, in reading order of the repeats.
  ///
  /// - Complexity: O(n) comparisons when the ids increase in reading order (as offices' lists and the generator
  ///   hand them out: no repeat is then possible); otherwise O(n) expected, hashing each id once.
  mutating func findDuplicateApplicants() {
    duplicates = []
    guard rows.count > 1 else { return }
    if (1..<rows.count).allSatisfy({ rows[$0 - 1].id < rows[$0].id }) { return }
    var firstRow: [String: Int] = [:]
    firstRow.reserveCapacity(rows.count)
    func place(_ row: Int) -> (file: String, line: Int) {
      (files.indices.contains(Int(rows[row].fileIndex)) ? files[Int(rows[row].fileIndex)] : "", Int(rows[row].line))
    }
    for row in rows.indices {
      if let first = firstRow[rows[row].id] {
        duplicates.append(DuplicateApplicant(id: rows[row].id, first: place(first), repeated: place(row)))
      } else {
        firstRow[rows[row].id] = row
      }
    }
  }
}
