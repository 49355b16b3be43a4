/// Which achievement records a rule or condition looks at.
package struct RecordSelector: Hashable, Sendable {
  /// Record types that match, e.g. `research-project`.
  package var types: [String]
  /// Levels that match; nil for any level.
  package var levels: [String]?
  /// What a selected record must also show (sole authorship, characters written, a main winner); empty for none.
  package var filter: RecordFilter

  /// Creates a selector.
  package init(types: [String], levels: [String]? = nil, filter: RecordFilter = RecordFilter()) {
    self.types = types
    self.levels = levels
    self.filter = filter
  }

  /// Whether a record is selected.
  @inline(__always)
  package func selects(_ record: AchievementRecord) -> Bool {
    selects(type: record.type, level: record.level)
  }

  /// Whether a record of a type and level is selected.
  @inline(__always)
  func selects(type: String, level: String?) -> Bool {
    guard types.contains(where: { $0.isSameText(as: type) }) else { return false }
    guard let levels else { return true }
    guard let level else { return false }
    return levels.contains { $0.isSameText(as: level) }
  }
}

/// Facts a record must show, besides its type and level, to count for a selector: the exceptional route's papers
/// count only as sole author ("两篇以上(独著)"), a book only for 30,000 characters of one's own, an award only for
/// a main winner ("主要获得者(以获奖证书上名字或颁奖单位证明为准)"). A record that does not state a fact the filter
/// asks for does not pass.
package struct RecordFilter: Hashable, Sendable {
  /// Authorships that pass (`sole` …); nil for any.
  package var authorship: [String]?
  /// The least number of characters the applicant wrote; nil for any.
  package var charactersAtLeast: Int?
  /// Whether the record must name the applicant a main winner.
  package var mainWinner: Bool

  /// A filter; with no arguments, one every record passes.
  package init(authorship: [String]? = nil, charactersAtLeast: Int? = nil, mainWinner: Bool = false) {
    self.authorship = authorship
    self.charactersAtLeast = charactersAtLeast
    self.mainWinner = mainWinner
  }

  /// Whether every record passes.
  package var isEmpty: Bool { authorship == nil && charactersAtLeast == nil && !mainWinner }

  /// The first fact the record fails to show, or nil when it passes.
  package func failure(of record: AchievementRecord) -> ReasonCode? {
    if let authorship, !authorship.contains(where: { $0 == record.authorship }) { return .authorshipNotAccepted }
    if let charactersAtLeast, (record.characters ?? 0) < charactersAtLeast { return .tooFewCharacters }
    if mainWinner && record.mainWinner != true { return .notMainWinner }
    return nil
  }
}
