/// A test on an applicant, used by criteria routes, gates and interview flags.
public struct Condition: Hashable, Sendable {
  /// How the condition reads in an explanation; a default is derived from the condition when absent.
  public var label: LocalizedText?
  /// What is tested.
  public var test: Test

  /// Creates a condition.
  public init(label: LocalizedText? = nil, test: Test) {
    self.label = label
    self.test = test
  }

  /// The kinds of test.
  public indirect enum Test: Hashable, Sendable {
    /// Every condition holds.
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])
    /// At least `count` of the conditions hold (the exceptional-promotion shape: 2 of 4 achievements).
    case atLeast(count: Int, of: [Condition])
    /// The condition does not hold.
    case not(Condition)
    /// A named fact about the applicant compares as stated.
    case fact(name: String, comparison: FactComparison)
    /// At least `count` valid achievement records match the selector.
    case records(RecordSelector, atLeast: Int)
    /// The applicant holds one of the listed honours; with `sinceCurrentTitle`, received on or after the date of
    /// the current title (任现职以来), which an honour without a date cannot show.
    case honour([String], sinceCurrentTitle: Bool)
    /// At least `years` whole years of related work after an education that `rung` selects, counted from the later
    /// of its graduation and the start of related work to the cut-off, the best such education counting
    /// ("本科毕业后，从事本专业或相近专业工作5年以上").
    case relatedWorkAfter(EducationRung, atLeast: Int)
    /// The named numeric facts add up to at least `total` (enterprise years plus years in the current title).
    case sumOf([String], atLeast: Points)
    /// At least `count` expert recommendations of the given level.
    case recommendations(level: String, atLeast: Int)
    /// Always holds.
    case always
  }
}

/// Which education records start a rung of a direct route: a level at least `level` in the sheet's order of
/// education levels (after equivalences), or a degree among `degrees` ("具有硕士研究生学历或硕士学位后").
public struct EducationRung: Hashable, Sendable {
  /// The least education level, if the rung names one.
  public var level: String?
  /// Degrees that qualify whatever the education level.
  public var degrees: [String]

  /// A rung.
  public init(level: String?, degrees: [String] = []) {
    self.level = level
    self.degrees = degrees
  }
}

/// A comparison of a fact with a value from the sheet.
public enum FactComparison: Hashable, Sendable {
  /// A number at least this large.
  case atLeast(Points)
  /// A number strictly below this.
  case below(Points)
  /// Equal to the value.
  case equals(FactValue)
  /// A text among the listed ones.
  case oneOf([String])
  /// A text at or above this one in the sheet's ordered vocabulary (education levels, titles, skill levels).
  case atLeastLevel(String)
}

/// A value of a fact about an applicant.
public enum FactValue: Hashable, Sendable, CustomStringConvertible {
  /// A number (years, hours, an exam score).
  case number(Points)
  /// A text (an education level, a title).
  case text(String)
  /// A yes-or-no fact.
  case flag(Bool)

  /// The value as written in an explanation.
  public var description: String {
    switch self {
    case .number(let points): return points.description
    case .text(let text): return text
    case .flag(let flag): return flag ? "true" : "false"
    }
  }
}
