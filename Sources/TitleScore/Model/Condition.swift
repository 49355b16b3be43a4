/// A test on an applicant, used by criteria routes, gates and interview flags.
package struct Condition: Hashable, Sendable {
  /// How the condition reads in an explanation; a default is derived from the condition when absent.
  package var label: LocalizedText?
  /// What is tested.
  package var test: Test

  /// Creates a condition.
  package init(label: LocalizedText? = nil, test: Test) {
    self.label = label
    self.test = test
  }

  /// What a condition tests: one test of one kind (see `ConditionKind`; the kinds are listed in
  /// `ConditionKinds.all`, each in its own file under `Kinds/Conditions/`).
  package struct Test: Hashable, Sendable {
    /// The kind and its data.
    let handler: any ConditionKind

    /// A test of a kind.
    init(_ handler: some ConditionKind) {
      self.handler = handler
    }

    package static func == (lhs: Test, rhs: Test) -> Bool { AnyHashable(lhs.handler) == AnyHashable(rhs.handler) }

    package func hash(into hasher: inout Hasher) { hasher.combine(AnyHashable(handler)) }
  }
}

/// Which education records start a rung of a direct route: a level at least `level` in the sheet's order of
/// education levels (after equivalences), or a degree among `degrees` ("具有硕士研究生学历或硕士学位后").
package struct EducationRung: Hashable, Sendable {
  /// The least education level, if the rung names one.
  package var level: String?
  /// Degrees that qualify whatever the education level.
  package var degrees: [String]

  /// A rung.
  package init(level: String?, degrees: [String] = []) {
    self.level = level
    self.degrees = degrees
  }
}

/// A comparison of a fact with a value from the sheet.
package enum FactComparison: Hashable, Sendable {
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
