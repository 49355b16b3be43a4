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
