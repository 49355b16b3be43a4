/// Continuing-education hours by year and kind of course, kept as one flat list: a portfolio has a handful of
/// entries, and a list costs one allocation where nested dictionaries cost several and a hash per lookup.
public struct ContinuingEducationLog: Hashable, Sendable, ExpressibleByDictionaryLiteral {
  /// Hours of one kind in one year.
  public struct Entry: Hashable, Sendable {
    /// The year.
    public var year: Int
    /// The kind of course, e.g. `professional`, `public`.
    public var kind: String
    /// Hours or credits.
    public var hours: Points
  }

  /// The entries in the order given.
  public var entries: [Entry]

  /// An empty log.
  public init() {
    entries = []
  }

  /// A log from `[year: [kind: hours]]`.
  public init(dictionaryLiteral elements: (Int, [String: Points])...) {
    entries = elements.flatMap { year, kinds in
      kinds.keys.sorted().map { Entry(year: year, kind: $0, hours: kinds[$0]!) }
    }
  }

  /// Whether anything is recorded for a year.
  public func hasEntries(in year: Int) -> Bool {
    entries.contains { $0.year == year }
  }

  /// All hours of a year.
  public func total(in year: Int) -> Points {
    entries.reduce(.zero) { $1.year == year ? $0 + $1.hours : $0 }
  }

  /// Hours of one kind in a year.
  public func hours(in year: Int, kind: String) -> Points {
    entries.reduce(.zero) { $1.year == year && $1.kind == kind ? $0 + $1.hours : $0 }
  }
}

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
