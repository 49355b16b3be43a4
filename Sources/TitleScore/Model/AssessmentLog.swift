/// Annual assessment grades by year, kept as a flat list for the same reason.
public struct AssessmentLog: Hashable, Sendable, ExpressibleByDictionaryLiteral {
  /// The grades as (year, grade) in the order given.
  public var entries: [(year: Int, grade: String)]

  /// An empty log.
  public init() {
    entries = []
  }

  /// A log from `[year: grade]`.
  public init(dictionaryLiteral elements: (Int, String)...) {
    entries = elements.map { ($0.0, $0.1) }
  }

  /// The grade of a year.
  public subscript(year: Int) -> String? {
    get { entries.first { $0.year == year }?.grade }
    set {
      entries.removeAll { $0.year == year }
      if let newValue { entries.append((year, newValue)) }
    }
  }

  public static func == (lhs: AssessmentLog, rhs: AssessmentLog) -> Bool {
    lhs.entries.count == rhs.entries.count
      && zip(lhs.entries, rhs.entries).allSatisfy { $0.year == $1.year && $0.grade == $1.grade }
  }

  public func hash(into hasher: inout Hasher) {
    for entry in entries {
      hasher.combine(entry.year)
      hasher.combine(entry.grade)
    }
  }
}
