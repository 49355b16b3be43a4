/// The named facts a sheet's rules and conditions read, worked out once per portfolio and sheet.
/// A class, so the rules that read it share one copy instead of copying the portfolio inside it.
///
/// Education follows the shared rules of the notices: technical-school classes count as the level the sheet maps
/// them to; a degree in an unrelated major counts only with the registered qualification or enough full-time
/// retraining; of several degrees the highest related one counts.
final class ApplicantFacts {
  /// Every fact name the engine computes; `application.NAME` and `facts.NAME` come from the portfolio.
  static let names: Set<String> = [
    "education.level", "education.related", "education.fullTime", "degree.level", "education.highestAny",
    "years.sinceGraduation", "years.sinceLatestEducation", "years.professional", "years.currentTitle", "years.skill",
    "years.enterprise", "title.current", "skill.level", "sector", "residency", "specialty", "city",
  ]

  /// Whether a sheet may name this fact.
  static func isKnown(_ name: String) -> Bool {
    names.contains(name) || name.hasPrefix("application.") || name.hasPrefix("facts.")
  }

  /// The vocabulary list a fact's text values are ordered by, for `atLeast` comparisons of levels.
  static func order(of name: String, in vocabulary: Vocabulary) -> [String]? {
    switch name {
    case "education.level", "education.highestAny": return vocabulary.educationLevels
    case "title.current": return vocabulary.titles
    case "skill.level": return vocabulary.skillLevels
    case "degree.level": return vocabulary.degreeLevels.isEmpty ? nil : vocabulary.degreeLevels
    default: return nil
    }
  }

  /// The portfolio, read in place. Facts borrow the portfolio for one evaluation instead of copying it: a copy of a
  /// portfolio retains every text and list in it, and costs more than most of the rules that read it.
  var portfolio: Portfolio { unsafeAddress { portfolioAddress } }
  private let portfolioAddress: UnsafePointer<Portfolio>
  /// The position of the education record that counts, if any; it is read in place (see `portfolio`).
  private let countedIndex: Int?
  /// Its level after equivalences.
  let countedLevel: String?
  /// Whether an exception (registered qualification, retraining, a related degree among several) makes every
  /// degree count as related.
  let relatedByException: Bool
  /// The positions of counted education records whose level (after equivalences) the vocabulary does not list.
  let unlistedEducation: [Int]
  /// Education records passed over because their major is unrelated and ranked above the counted one.
  let unrelatedSkipped: [(record: EducationRecord, level: String)]
  let highestAnyLevel: String?
  let cutoff: Day
  /// The last day education and records count: the cut-off, or the unit's first day of publicity where the sheet
  /// counts to it (绍兴 二: "学历、业绩材料等取得时间原则上截止至单位公示首日").
  let countsUntil: Day

  /// Works out the facts of a portfolio under a sheet and hands them to `body`. The facts borrow the portfolio, so
  /// they must not outlive the call.
  static func withFacts<Result>(
    of portfolio: borrowing Portfolio, sheet: SharedSheet, _ body: (ApplicantFacts) -> Result
  ) -> Result {
    withUnsafePointer(to: portfolio) { body(ApplicantFacts(portfolioAt: $0, sheet: sheet.sheet)) }
  }

  private init(portfolioAt address: UnsafePointer<Portfolio>, sheet: borrowing Scoresheet) {
    portfolioAddress = address
    cutoff = sheet.cutoff
    let end = sheet.validity.countUntil.lastDay(cutoff: sheet.cutoff, publicityDate: address.pointee.publicityDate)
    countsUntil = end
    // By index: a copy of each education record would retain its texts.
    let education = address.pointee.education
    // Read into locals: the `||` below takes closures, which would have to copy a borrowed sheet.
    let qualificationCounts = sheet.vocabulary.registeredQualificationCountsAsRelated
    let retrainingMonths = sheet.vocabulary.retrainingMonthsForRelated
    let highestCounts = sheet.vocabulary.highestCountsAsRelatedWhenAnyRelated
    let relatedByException =
      (qualificationCounts && address.pointee.registeredQualification)
      || (retrainingMonths.map { address.pointee.retrainingMonths >= $0 } ?? false)
      || (highestCounts && education.indices.contains { education[$0].related && education[$0].date <= end })
    var best: (index: Int, level: String, rank: Int)?
    var bestAny: (level: String, rank: Int)?
    var unrelated: [(Int, String, Int)] = []
    var unlisted: [Int] = []
    for index in education.indices where education[index].date <= end {
      let written = education[index].level
      // The few equivalents are looked through, not hashed: hashing a text costs more than comparing a handful.
      let level = sheet.vocabulary.educationEquivalents.first { $0.key.isSameText(as: written) }?.value ?? written
      let levelRank = sheet.vocabulary.educationLevels.firstIndex { $0.isSameText(as: level) } ?? -1
      if levelRank < 0 { unlisted.append(index) }
      if bestAny == nil || levelRank > bestAny!.rank { bestAny = (level, levelRank) }
      if education[index].related || relatedByException {
        if best == nil || levelRank > best!.rank { best = (index, level, levelRank) }
      } else {
        unrelated.append((index, level, levelRank))
      }
    }
    // With the exception, the highest degree counts as related even when no record says so.
    self.relatedByException = relatedByException
    unlistedEducation = unlisted
    countedIndex = best?.index
    countedLevel = best?.level
    highestAnyLevel = bestAny?.level
    let countedRank = best?.rank ?? -1
    unrelatedSkipped = unrelated.filter { $0.2 > countedRank }.map { (education[$0.0], $0.1) }
  }

  /// The value of a named fact, or nil when the portfolio does not provide it.
  func value(_ name: String) -> FactValue? {
    value(FactKey(name))
  }

  /// The value of a resolved fact, or nil when the portfolio does not provide it.
  func value(_ key: FactKey) -> FactValue? {
    switch key {
    case .educationLevel: return countedLevel.map(FactValue.text)
    case .educationRelated: return .flag(countedIndex != nil)
    case .educationFullTime: return countedIndex.map { .flag(portfolio.education[$0].fullTime) }
    case .degreeLevel: return countedIndex.flatMap { portfolio.education[$0].degree.map(FactValue.text) }
    case .educationHighestAny: return highestAnyLevel.map(FactValue.text)
    case .yearsSinceGraduation: return countedIndex.map { years(from: portfolio.education[$0].date) }
    case .yearsSinceLatestEducation:
      return portfolio.education.lazy.map(\.date).filter { $0 <= self.countsUntil }.max().map { years(from: $0) }
    case .yearsProfessional: return portfolio.workStart.map { years(from: $0) }
    case .yearsCurrentTitle: return portfolio.currentTitle.map { years(from: $0.date) }
    case .yearsSkill: return portfolio.skill.map { years(from: $0.date) }
    case .yearsEnterprise: return portfolio.enterpriseYears.map { .number(Points($0)) }
    case .titleCurrent: return portfolio.currentTitle.map { .text($0.title) }
    case .skillLevel: return portfolio.skill.map { .text($0.level) }
    case .sector: return .text(portfolio.employer.sector)
    case .residency: return .text(portfolio.residency)
    case .specialty: return .text(portfolio.specialty)
    case .city: return .text(portfolio.employer.city)
    case .application(let name): return portfolio.application[name]
    case .facts(let name): return portfolio.facts[name]
    case .unknown: return nil
    }
  }

  private func years(from date: Day) -> FactValue {
    .number(Points(date.wholeYears(through: cutoff)))
  }

  /// The most whole years of related work after an education the rung selects, each counted from the later of its
  /// graduation and the start of related work (`relatedWorkStart`, else `workStart`) through the cut-off; nil when
  /// no counted education fits the rung or the start of work is unknown. Only education that counts as related
  /// (see `init`) and was obtained by `countsUntil` is looked at.
  func relatedWorkYears(after rung: EducationRung, vocabulary: Vocabulary) -> Int? {
    guard let workStart = portfolio.relatedWorkStart ?? portfolio.workStart else { return nil }
    let levels = vocabulary.educationLevels
    let needed = rung.level.flatMap { level in levels.firstIndex { $0.isSameText(as: level) } }
    var best: Int?
    for (record, level) in countedEducation(vocabulary) {
      let levelFits = needed.map { need in (levels.firstIndex { $0.isSameText(as: level) } ?? -1) >= need } ?? false
      let degreeFits = record.degree.map { degree in rung.degrees.contains { $0.isSameText(as: degree) } } ?? false
      guard levelFits || degreeFits else { continue }
      let years = max(record.date, workStart).wholeYears(through: cutoff)
      if best == nil || years > best! { best = years }
    }
    return best
  }

  /// The education records that count as related (every one, where an exception makes every degree related),
  /// obtained by `countsUntil`, with their levels after equivalences.
  private func countedEducation(_ vocabulary: Vocabulary) -> [(record: EducationRecord, level: String)] {
    portfolio.education.compactMap { record in
      guard record.date <= countsUntil, record.related || relatedByException else { return nil }
      let level = vocabulary.educationEquivalents.first { $0.key.isSameText(as: record.level) }?.value ?? record.level
      return (record, level)
    }
  }
}
