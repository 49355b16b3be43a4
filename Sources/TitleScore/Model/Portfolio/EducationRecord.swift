/// One education record.
public struct EducationRecord: Hashable, Sendable {
  /// The level (`bachelor` …) or a technical-school class (`senior-worker-class` …).
  public var level: String
  /// The degree awarded with it, if any (`bachelor`, `master`, `doctorate`, `double`).
  public var degree: String?
  /// The major's name.
  public var major: String
  /// Whether the major is related to the specialty applied in.
  public var related: Bool
  /// Full-time study rather than in-service.
  public var fullTime: Bool
  /// Date of graduation.
  public var date: Day

  /// An education record; the major counts as related and full-time unless said otherwise.
  public init(
    level: String, degree: String? = nil, major: String = "", related: Bool = true, fullTime: Bool = true, date: Day
  ) {
    self.level = level
    self.degree = degree
    self.major = major
    self.related = related
    self.fullTime = fullTime
    self.date = date
  }
}
