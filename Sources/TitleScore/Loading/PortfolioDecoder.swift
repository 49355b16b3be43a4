/// Decodes portfolios straight from JSON bytes, without building a tree, checking each field's shape (JSON type,
/// known fields, dates) as it goes, then the values with `PortfolioCheck`, the check every source shares.
///
/// The first problem ends the record with a diagnostic naming its JSON path; the batch runner rejects the record
/// with that reason and goes on. A decoder can be kept for many records: `decode(_:into:)` reuses the portfolio's
/// storage, and a `StringPool` turns repeated texts (types, levels, employers) into shared strings, so a batch
/// decodes most records without allocating.
struct PortfolioDecoder {
  /// Stands in for a required date until it is read; a record without one is rejected before it is used.
  static let placeholderDay = Day(year: 2000, month: 1, day: 1)!

  private var scanner: JSONScanner
  private var pool: StringPool
  /// Whether texts that only explanations show (record titles, expert names) are kept; a batch, which explains
  /// by reason code, checks them and lets them go.
  private let keepsDescriptions: Bool
  /// The terms values may be written as; each is resolved to its code once the values are checked.
  private let glossary: Glossary

  /// A decoder; `pool` shares repeated texts, `keepsDescriptions` keeps texts only explanations use, and
  /// `glossary` gives the terms values may be written as (`.empty` takes every value as it is written).
  init(pool: StringPool = StringPool(limit: 0), keepsDescriptions: Bool = true, glossary: Glossary) {
    scanner = JSONScanner(UnsafeBufferPointer(start: nil, count: 0))
    self.pool = pool
    self.keepsDescriptions = keepsDescriptions
    self.glossary = glossary
  }

  /// Decodes one portfolio from a whole JSON text into `portfolio`, reusing its storage.
  mutating func decode(_ bytes: UnsafeBufferPointer<UInt8>, into portfolio: inout Portfolio) throws(Diagnostic) {
    scanner = JSONScanner(bytes)
    portfolio.clearKeepingCapacity()
    do {
      try self.portfolio(into: &portfolio)
      try scanner.expectEnd()
    } catch let diagnostic as Diagnostic {
      throw diagnostic
    } catch {
      throw PortfolioDecoder.located(error, at: nil)
    }
    // The shape is read, and terms resolved to codes as they were read; the values are checked as every
    // source's are.
    if let problem = PortfolioCheck.firstProblem(in: portfolio) { throw problem }
  }

  /// Decodes one portfolio from a whole JSON text.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>, glossary: Glossary) throws(Diagnostic) -> Portfolio {
    var decoder = PortfolioDecoder(glossary: glossary)
    var portfolio = Portfolio(id: "", name: "", specialty: "")
    try decoder.decode(bytes, into: &portfolio)
    return portfolio
  }

  /// An error raised while decoding the value at `component`, with that step put in front of its path. Paths are
  /// built only when something goes wrong, on the way out, so decoding a valid record tracks no path at all.
  static func located(_ error: any Error, at component: JSONPath.Component?) -> Diagnostic {
    var diagnostic: Diagnostic
    switch error {
    case let found as Diagnostic: diagnostic = found
    case let syntax as JSONSyntaxError:
      diagnostic = Diagnostic(syntax.code, at: .root, syntax.message)
    default: diagnostic = Diagnostic(.jsonSyntax, at: .root, Message(.jsonUnexpectedError, .text("\(error)")))
    }
    if let component { diagnostic.path = JSONPath(components: [component] + diagnostic.path.components) }
    return diagnostic
  }

  /// Decodes one portfolio from a byte array.
  static func decode(_ bytes: [UInt8], glossary: Glossary) throws(Diagnostic) -> Portfolio {
    let result: Result<Portfolio, Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
      do throws(Diagnostic) { return .success(try decode(buffer, glossary: glossary)) } catch {
        return .failure(error)
      }
    }
    return try result.get()
  }

  // MARK: - Problems

  /// A problem with the value being decoded; the enclosing objects and arrays add their steps to its path.
  private func problem(_ code: DiagnosticCode, _ message: Message) -> Diagnostic {
    Diagnostic(code, at: .root, message)
  }

  private mutating func wrongType(_ expected: MessageKey) throws -> Never {
    let found: MessageKey
    switch try scanner.peekKind() {
    case .object: found = .wordJsonObject
    case .array: found = .wordJsonArray
    case .string: found = .wordJsonString
    case .number: found = .wordJsonNumber
    case .bool: found = .wordJsonBoolean
    case .null: found = .wordJsonNull
    }
    throw problem(.wrongType, Message(.diagnosticWrongType, .word(expected), .word(found)))
  }

  private func duplicate(_ key: JSONKey) -> Diagnostic { duplicate(key.string) }

  private func duplicate(_ key: String) -> Diagnostic {
    problem(.duplicateKey, Message(.diagnosticDuplicateKey, .text("\(key)")))
  }

  // MARK: - Scalars

  /// A text that is different in nearly every record (an id, a name), built afresh.
  private mutating func string() throws -> String {
    guard try scanner.peekKind() == .string else { try wrongType(.wordExpectString) }
    return try scanner.readString()
  }

  /// A text that repeats across records (a type, a level, an employer), taken from the pool.
  private mutating func pooledString() throws -> String {
    guard try scanner.peekKind() == .string else { try wrongType(.wordExpectString) }
    guard let raw = try scanner.readRawString() else { return try scanner.readString() }
    guard let text = pool.string(raw) else { throw scanner.failure(.syntaxValidUtf8) }
    return text
  }

  /// A value of a closed list, as its code: found by its bytes in the glossary's table (nearly always), else
  /// folded and looked up again; a value no term of the list matches is a `value-outside-vocabulary` error at
  /// this field naming the accepted values. A list the glossary leaves out takes the value as written.
  private mutating func term(_ list: Glossary.List) throws -> String {
    guard glossary.closes(list) else { return try pooledString() }
    guard try scanner.peekKind() == .string else { try wrongType(.wordExpectString) }
    guard let raw = try scanner.readRawString() else { return try resolved(try scanner.readString(), list) }
    if raw.isEmpty { return "" }
    if let code = glossary.code(exactly: raw, in: list) { return code }
    guard let text = pool.string(raw) else { throw scanner.failure(.syntaxValidUtf8) }
    return try resolved(text, list)
  }

  private mutating func optionalTerm(_ list: Glossary.List) throws -> String? {
    if scanner.readNullIfPresent() { return nil }
    return try term(list)
  }

  /// A key of a closed list (a course kind), as its code; see `term(_:)`.
  private mutating func termKey(_ key: JSONKey, _ list: Glossary.List) throws -> String {
    guard glossary.closes(list) else { return try pooledKey(key) }
    if let code = glossary.code(exactly: key.utf8, in: list) { return code }
    return try resolved(try pooledKey(key), list)
  }

  /// The slow path of `term(_:)`: the value folded, or the error.
  private func resolved(_ text: String, _ list: Glossary.List) throws -> String {
    if text.isEmpty { return text }
    if let code = glossary.resolvedCode(text, in: list) { return code }
    throw Glossary.outside(text, glossary.vocabularies[list]!, at: .root)
  }

  /// A key that repeats across records (a course kind, an item id), taken from the pool.
  private mutating func pooledKey(_ key: JSONKey) throws -> String {
    guard let text = pool.string(key.utf8) else { throw scanner.failure(.syntaxValidUtf8) }
    return text
  }

  /// A text only explanations show: kept when the decoder keeps descriptions, otherwise checked and let go.
  private mutating func description() throws -> String {
    if keepsDescriptions { return try string() }
    guard try scanner.peekKind() == .string else { try wrongType(.wordExpectString) }
    try scanner.skipString()
    return ""
  }

  private mutating func optionalString() throws -> String? {
    if scanner.readNullIfPresent() { return nil }
    return try string()
  }

  private mutating func optionalPooledString() throws -> String? {
    if scanner.readNullIfPresent() { return nil }
    return try pooledString()
  }

  private mutating func bool() throws -> Bool {
    guard try scanner.peekKind() == .bool else { try wrongType(.wordExpectBoolean) }
    return try scanner.readBool()
  }

  private mutating func integer() throws -> Int {
    if let small = scanner.readSmallWholeNumber() { return small }
    guard try scanner.peekKind() == .number else { try wrongType(.wordExpectInteger) }
    let span = try scanner.readNumberSpan()
    guard let value = scanner.integer(in: span) else {
      throw problem(.invalidNumber, Message(.diagnosticExpectedInteger, .text("\(scanner.text(of: span))")))
    }
    return value
  }

  private mutating func points() throws -> Points {
    if let small = scanner.readSmallWholeNumber() { return Points(units: Int64(small) * Points.scale) }
    guard try scanner.peekKind() == .number else { try wrongType(.wordExpectNumber) }
    let span = try scanner.readNumberSpan()
    guard let value = scanner.points(in: span) else {
      throw problem(.invalidNumber, Message(.diagnosticExpectedFourDecimals, .text("\(scanner.text(of: span))")))
    }
    return value
  }

  private mutating func day() throws -> Day {
    if let day = scanner.readDayIfWellFormed() { return day }
    let text = try string()
    guard let day = Day(text) else {
      throw problem(.invalidDate, Message(.diagnosticExpectedDate, .text("\(text)")))
    }
    return day
  }

  private mutating func factValue() throws -> FactValue {
    switch try scanner.peekKind() {
    case .bool: return .flag(try scanner.readBool())
    case .string: return .text(try pooledString())
    case .number: return .number(try points())
    default: try wrongType(.wordExpectScalar)
    }
  }

  private mutating func year(_ key: JSONKey) throws -> Int {
    guard let year = key.integer, (1900...2200).contains(year) else {
      throw problem(.invalidValue, Message(.diagnosticExpectedYearKey, .text("\(key.string)")))
    }
    return year
  }

  // MARK: - Structure

  /// Calls `body` with each member of an object whose fields are known; a problem inside gets the key in front of
  /// its path, as does a key given twice or one the object does not have.
  @inline(__always)
  private mutating func object<Field>(
    _ fields: JSONFields<Field>, _ body: (inout PortfolioDecoder, Field) throws -> Void
  ) throws {
    guard try scanner.peekKind() == .object else { try wrongType(.wordExpectObject) }
    try scanner.beginObject()
    var first = true
    var seen: UInt64 = 0
    var expected = 0
    while let found = try scanner.nextField(of: fields.keys, expected: expected, &first) {
      let position: Int
      switch found {
      case .known(let known): position = known
      case .unknown(let key): throw PortfolioDecoder.located(unknown(key), at: .key(key.string))
      }
      let field = fields.cases[position]
      do {
        try body(&self, field)
        let bit: UInt64 = 1 << UInt64(position)
        if seen & bit != 0 { throw duplicate(field.rawValue) }
        seen |= bit
      } catch {
        throw PortfolioDecoder.located(error, at: .key(field.rawValue))
      }
      expected = position + 1
    }
  }

  /// Calls `body` with each key of an open-ended map (years, item ids), which checks its own keys; a problem
  /// inside gets the key in front of its path.
  @inline(__always)
  private mutating func members(_ body: (inout PortfolioDecoder, JSONKey) throws -> Void) throws {
    guard try scanner.peekKind() == .object else { try wrongType(.wordExpectObject) }
    try scanner.beginObject()
    var first = true
    while let key = try scanner.nextRawKey(&first) {
      do {
        try body(&self, key)
      } catch {
        throw PortfolioDecoder.located(error, at: .key(key.string))
      }
    }
  }

  /// Calls `body` for each element of an array; a problem inside gets the index in front of its path.
  @inline(__always)
  mutating func array(_ body: (inout PortfolioDecoder) throws -> Void) throws {
    guard try scanner.peekKind() == .array else { try wrongType(.wordExpectArray) }
    try scanner.beginArray()
    var first = true
    var index = 0
    while try scanner.nextElement(&first) {
      do {
        try body(&self)
      } catch {
        throw PortfolioDecoder.located(error, at: .index(index))
      }
      index += 1
    }
  }

  private func unknown(_ key: JSONKey) -> Diagnostic {
    problem(.unknownField, Message(.diagnosticUnknownFieldOfObject, .text("\(key.string)")))
  }

  private func missing(_ field: String) -> Diagnostic {
    Diagnostic(.missingField, at: JSONPath.root.appending(field), Message(.diagnosticMissingField, .text("\(field)")))
  }

  // MARK: - Portfolio

  private mutating func portfolio(into result: inout Portfolio) throws {
    var present: (id: Bool, name: Bool, specialty: Bool, employer: Bool) = (false, false, false, false)
    try object(PortfolioFields.portfolio) { decoder, field in
      switch field {
      case .id:
        result.id = try decoder.string()
        present.id = true
      case .name:
        result.name = try decoder.string()
        present.name = true
      case .idNumber:
        result.idNumber = try decoder.optionalString()
      case .phone:
        result.phone = try decoder.optionalString()
      case .employer:
        result.employer = try decoder.employer()
        present.employer = true
      case .residency:
        result.residency = try decoder.term(.residency)
      case .specialty:
        result.specialty = try decoder.term(.specialty)
        present.specialty = true
      case .education:
        try decoder.array { decoder in
          result.education.append(PortfolioDecoder.blankEducation)
          try decoder.education(into: &result.education[result.education.count - 1])
        }
      case .registeredQualification:
        result.registeredQualification = try decoder.bool()
      case .retrainingMonths:
        result.retrainingMonths = try decoder.integer()
      case .currentTitle:
        if !decoder.scanner.readNullIfPresent() { result.currentTitle = try decoder.title() }
      case .skill:
        if !decoder.scanner.readNullIfPresent() { result.skill = try decoder.skill() }
      case .workStart:
        result.workStart = try decoder.day()
      case .relatedWorkStart:
        result.relatedWorkStart = try decoder.day()
      case .enterpriseYears:
        result.enterpriseYears = try decoder.integer()
      case .schema:
        _ = try decoder.string()
      case .publicityDate:
        result.publicityDate = try decoder.day()
      case .continuingEducation:
        try decoder.continuingEducation(into: &result.continuingEducation)
      case .assessments:
        try decoder.members { decoder, yearKey in
          let year = try decoder.year(yearKey)
          if result.assessments.entries.contains(where: { $0.year == year }) { throw decoder.duplicate(yearKey) }
          result.assessments.entries.append((year, try decoder.term(.assessmentGrade)))
        }
      case .honours:
        try decoder.array { decoder in result.honours.append(try decoder.honour()) }
      case .records:
        // Each record is decoded in place: returned by value, it would be copied into the list.
        try decoder.array { decoder in
          result.records.append(PortfolioDecoder.blankRecord)
          try decoder.record(into: &result.records[result.records.count - 1])
        }
      case .recommendations:
        try decoder.array { decoder in result.recommendations.append(try decoder.recommendation()) }
      case .attachments:
        try decoder.array { decoder in result.attachments.append(try decoder.attachment()) }
      case .assessed:
        try decoder.pointsMap(into: &result.assessed)
      case .claimed:
        result.claimed = try decoder.claimed()
      case .application:
        try decoder.factMap(into: &result.application)
      case .facts:
        try decoder.factMap(into: &result.facts)
      }
    }
    guard present.id else { throw missing("id") }
    guard present.name else { throw missing("name") }
    guard present.specialty else { throw missing("specialty") }
    guard present.employer else { throw missing("employer") }
  }

  private mutating func continuingEducation(into log: inout ContinuingEducationLog) throws {
    // A year given as {} adds no entry but is still given: such years are kept apart (rarely any, so nothing is
    // allocated for the usual portfolio).
    var emptyYears: [Int] = []
    try members { decoder, yearKey in
      let year = try decoder.year(yearKey)
      if log.entries.contains(where: { $0.year == year }) || emptyYears.contains(year) {
        throw decoder.duplicate(yearKey)
      }
      let firstOfYear = log.entries.count
      try decoder.members { decoder, kindKey in
        let kind = try decoder.termKey(kindKey, .courseKind)
        if log.entries[firstOfYear...].contains(where: { $0.kind == kind }) { throw decoder.duplicate(kindKey) }
        log.entries.append(ContinuingEducationLog.Entry(year: year, kind: kind, hours: try decoder.points()))
      }
      if log.entries.count == firstOfYear { emptyYears.append(year) }
    }
  }

  /// An object of points by item id, such as `assessed`.
  private mutating func pointsMap(into map: inout [String: Points]) throws {
    try members { decoder, key in
      let name = try decoder.pooledKey(key)
      if map[name] != nil { throw decoder.duplicate(key) }
      map[name] = try decoder.points()
    }
  }

  /// An object of facts by name, such as `application`.
  private mutating func factMap(into map: inout [String: FactValue]) throws {
    try members { decoder, key in
      let name = try decoder.pooledKey(key)
      if map[name] != nil { throw decoder.duplicate(key) }
      map[name] = try decoder.factValue()
    }
  }

  private mutating func employer() throws -> Employer {
    var result = Employer(name: "", sector: "enterprise", city: "")
    var named = false
    try object(PortfolioFields.employer) { decoder, field in
      switch field {
      case .name:
        result.name = try decoder.pooledString()
        named = true
      case .sector:
        result.sector = try decoder.term(.sector)
      case .city:
        result.city = try decoder.term(.city)
      }
    }
    guard named else { throw missing("name") }
    return result
  }

  /// An education record before its fields are read: the defaults of the optional ones.
  static let blankEducation = EducationRecord(
    level: "", degree: nil, major: "", related: true, fullTime: true, date: PortfolioDecoder.placeholderDay)

  /// Decodes an education record into `result`, which holds `blankEducation`.
  private mutating func education(into result: inout EducationRecord) throws {
    var hasLevel = false
    var hasDate = false
    try object(PortfolioFields.education) { decoder, field in
      switch field {
      case .level:
        result.level = try decoder.term(.educationLevel)
        hasLevel = true
      case .degree:
        result.degree = try decoder.optionalTerm(.degree)
      case .major:
        result.major = try decoder.pooledString()
      case .related:
        result.related = try decoder.bool()
      case .fullTime:
        result.fullTime = try decoder.bool()
      case .date:
        result.date = try decoder.day()
        hasDate = true
      }
    }
    guard hasLevel else { throw missing("level") }
    guard hasDate else { throw missing("date") }
  }

  private mutating func title() throws -> TitleRecord {
    var title: String?
    var date: Day?
    var held = true
    try object(PortfolioFields.title) { decoder, field in
      switch field {
      case .title:
        title = try decoder.term(.title)
      case .date:
        date = try decoder.day()
      case .heldInReviewYear:
        held = try decoder.bool()
      }
    }
    guard let title else { throw missing("title") }
    guard let date else { throw missing("date") }
    return TitleRecord(title: title, date: date, heldInReviewYear: held)
  }

  /// An honour: its code as a text, or `{"honour": code, "date": …}` where the date matters.
  private mutating func honour() throws -> Honour {
    if try scanner.peekKind() == .string { return Honour(try term(.honour)) }
    var code: String?
    var date: Day?
    try object(PortfolioFields.honour) { decoder, field in
      switch field {
      case .honour:
        code = try decoder.term(.honour)
      case .date:
        date = try decoder.day()
      }
    }
    guard let code else { throw missing("honour") }
    return Honour(code, date: date)
  }

  /// A reviewer's finding on a record's material: `{"problem": "unclear", "severity": "minor"}`.
  private mutating func materialIssue() throws -> MaterialIssue {
    var problem: String?
    var severity: String?
    try object(PortfolioFields.material) { decoder, field in
      switch field {
      case .problem:
        problem = try decoder.term(.materialProblem)
      case .severity:
        severity = try decoder.term(.materialSeverity)
      }
    }
    guard let problem else { throw missing("problem") }
    guard let severity else { throw missing("severity") }
    return MaterialIssue(problem: problem, severity: severity)
  }

  private mutating func skill() throws -> SkillRecord {
    var level: String?
    var date: Day?
    try object(PortfolioFields.skill) { decoder, field in
      switch field {
      case .level:
        level = try decoder.term(.skillLevel)
      case .date:
        date = try decoder.day()
      }
    }
    guard let level else { throw missing("level") }
    guard let date else { throw missing("date") }
    return SkillRecord(level: level, date: date)
  }

  /// The position of the first record whose id an earlier record has (by `isSameText`). Portfolios have a handful
  /// of records, so pairs are compared, but two ASCII ids whose bytes hash differently are passed over without
  /// comparing their texts: comparing the texts of every pair cost more than decoding a record. (Ids with other
  /// characters are always compared: differently written texts can be equal.)
  ///
  /// - Complexity: O(n²) comparisons of hashes for up to `pairwiseLimit` records (a handful, in practice), O(n)
  ///   expected beyond, where each id is hashed once into a set: 100,000 records with ids that are not ASCII took a
  ///   minute compared pairwise.
  static func firstRepeatedID(in records: [AchievementRecord]) -> Int? {
    guard records.count > 1 else { return nil }
    if records.count > pairwiseLimit {
      var seen = Set<SameTextKey>(minimumCapacity: records.count)
      for index in records.indices where !seen.insert(SameTextKey(records[index].id)).inserted { return index }
      return nil
    }
    typealias Fingerprint = (hash: UInt64, ascii: Bool)
    return withUnsafeTemporaryAllocation(of: Fingerprint.self, capacity: records.count) { fingerprints in
      for index in records.indices {
        var id = records[index].id
        let fingerprint: Fingerprint = id.withUTF8 { bytes in (StringPool.hash(bytes), bytes.allSatisfy { $0 < 0x80 }) }
        fingerprints.initializeElement(at: index, to: fingerprint)
        for earlier in 0..<index
        where (fingerprints[earlier].hash == fingerprint.hash || !(fingerprints[earlier].ascii && fingerprint.ascii))
          && records[earlier].id.isSameText(as: id)
        {
          return index
        }
      }
      return nil
    }
  }

  /// Up to how many records ids are compared pair by pair.
  static let pairwiseLimit = 64

  /// An achievement record before its fields are read: the defaults of the optional ones.
  static let blankRecord = AchievementRecord(
    id: "", type: "", level: nil, rank: nil, count: 1, date: PortfolioDecoder.placeholderDay, status: "completed",
    evidence: true, collective: false, mainContributor: true, acquired: "original", assessedPoints: nil, title: "")

  /// Decodes an achievement record into `result`, which holds `blankRecord`.
  mutating func record(into result: inout AchievementRecord) throws {
    var present: (id: Bool, type: Bool, date: Bool) = (false, false, false)
    try object(PortfolioFields.record) { decoder, field in
      switch field {
      case .id:
        result.id = try decoder.pooledString()
        present.id = true
      case .type:
        result.type = try decoder.term(.recordType)
        present.type = true
      case .level:
        result.level = try decoder.optionalTerm(.recordLevel)
      case .rank:
        result.rank = try decoder.integer()
      case .count:
        result.count = try decoder.integer()
      case .date:
        result.date = try decoder.day()
        present.date = true
      case .status:
        result.status = try decoder.term(.recordStatus)
      case .evidence:
        result.evidence = try decoder.bool()
      case .collective:
        result.collective = try decoder.bool()
      case .mainContributor:
        result.mainContributor = try decoder.bool()
      case .acquired:
        result.acquired = try decoder.term(.acquisition)
      case .assessedPoints:
        result.assessedPoints = try decoder.points()
      case .title:
        result.title = try decoder.description()
      case .authorship:
        result.authorship = try decoder.optionalTerm(.authorship)
      case .characters:
        result.characters = try decoder.integer()
      case .mainWinner:
        result.mainWinner = try decoder.bool()
      case .material:
        if !decoder.scanner.readNullIfPresent() { result.material = try decoder.materialIssue() }
      }
    }
    guard present.id else { throw missing("id") }
    guard present.type else { throw missing("type") }
    guard present.date else { throw missing("date") }
  }

  private mutating func recommendation() throws -> Recommendation {
    var result = Recommendation(expert: "", level: "")
    var hasLevel = false
    try object(PortfolioFields.recommendation) { decoder, field in
      switch field {
      case .expert:
        result.expert = try decoder.description()
      case .level:
        result.level = try decoder.term(.recommendationLevel)
        hasLevel = true
      }
    }
    guard hasLevel else { throw missing("level") }
    return result
  }

  private mutating func attachment() throws -> Attachment {
    var kind: String?
    var file: String?
    try object(PortfolioFields.attachment) { decoder, field in
      switch field {
      case .kind:
        kind = try decoder.pooledString()
      case .path:
        file = try decoder.string()
      }
    }
    guard let kind else { throw missing("kind") }
    guard let file else { throw missing("path") }
    return Attachment(kind: kind, path: file)
  }

  private mutating func claimed() throws -> ClaimedScore {
    var result = ClaimedScore(total: nil, items: [:])
    try object(PortfolioFields.claimed) { decoder, field in
      switch field {
      case .total:
        result.total = try decoder.points()
      case .items:
        try decoder.pointsMap(into: &result.items)
      }
    }
    return result
  }
}

extension Portfolio {
  /// Empties every field for the next record, keeping the storage of its lists and maps.
  mutating func clearKeepingCapacity() {
    id = ""
    name = ""
    idNumber = nil
    phone = nil
    employer = Employer(name: "", sector: "enterprise", city: "")
    residency = "citizen"
    specialty = ""
    education.emptyKeepingStorage()
    registeredQualification = false
    retrainingMonths = 0
    currentTitle = nil
    skill = nil
    workStart = nil
    relatedWorkStart = nil
    enterpriseYears = nil
    continuingEducation.entries.emptyKeepingStorage()
    assessments.entries.emptyKeepingStorage()
    honours.emptyKeepingStorage()
    records.emptyKeepingStorage()
    recommendations.emptyKeepingStorage()
    attachments.emptyKeepingStorage()
    assessed.removeAll(keepingCapacity: true)
    claimed = nil
    application.removeAll(keepingCapacity: true)
    facts.removeAll(keepingCapacity: true)
    publicityDate = nil
  }
}

extension PortfolioDecoder {
  /// Decodes one achievement record, or an array of them, from a whole JSON text.
  static func decodeRecords(_ bytes: [UInt8], glossary: Glossary) throws(Diagnostic) -> [AchievementRecord] {
    let result: Result<[AchievementRecord], Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
      var decoder = PortfolioDecoder(glossary: glossary)
      decoder.scanner = JSONScanner(buffer)
      do {
        var records: [AchievementRecord] = []
        let listed = try decoder.scanner.peekKind() == .array
        if listed {
          try decoder.array { decoder in
            records.append(PortfolioDecoder.blankRecord)
            try decoder.record(into: &records[records.count - 1])
          }
        } else {
          records.append(PortfolioDecoder.blankRecord)
          try decoder.record(into: &records[0])
        }
        try decoder.scanner.expectEnd()
        if let problem = PortfolioCheck.firstProblem(in: records, listed: listed) { return .failure(problem) }
        return .success(records)
      } catch {
        return .failure(PortfolioDecoder.located(error, at: nil))
      }
    }
    return try result.get()
  }
}

extension AchievementRecord {
  /// Decodes one record or an array of records, as `score --add` takes them, resolving the terms of `glossary`
  /// (the bundled shared vocabulary unless told otherwise) to their codes.
  public static func decodeList(json bytes: [UInt8], glossary: Glossary = .bundled) throws(Diagnostic)
    -> [AchievementRecord]
  {
    try PortfolioDecoder.decodeRecords(bytes, glossary: glossary)
  }
}

extension Portfolio {
  /// Decodes a portfolio from JSON text, reporting the first problem with its JSON path. Values may be written as
  /// the terms of `glossary` (the bundled shared vocabulary unless told otherwise): each is resolved to its code,
  /// and a value outside its list is an error naming the accepted ones. `.empty` takes values as written.
  public static func decode(json bytes: [UInt8], glossary: Glossary = .bundled) throws(Diagnostic) -> Portfolio {
    try PortfolioDecoder.decode(bytes, glossary: glossary)
  }
}
