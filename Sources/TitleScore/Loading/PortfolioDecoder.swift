/// Decodes portfolios straight from JSON bytes, without building a tree, and checks each field as it goes.
///
/// The first problem ends the record with a diagnostic naming its JSON path; the batch runner rejects the record
/// with that reason and goes on.
struct PortfolioDecoder {
  /// Stands in for a required date until it is read; a record without one is rejected before it is used.
  static let placeholderDay = Day(year: 2000, month: 1, day: 1)!

  private var scanner: JSONScanner
  /// Keys of the objects being decoded, innermost last, to find repeated keys without allocating.
  private var openKeys: [JSONKey] = []

  init(_ bytes: UnsafeBufferPointer<UInt8>) {
    scanner = JSONScanner(bytes)
  }

  /// Decodes one portfolio from a whole JSON text.
  static func decode(_ bytes: UnsafeBufferPointer<UInt8>) throws(Diagnostic) -> Portfolio {
    var decoder = PortfolioDecoder(bytes)
    do {
      let portfolio = try decoder.portfolio()
      try decoder.scanner.expectEnd()
      return portfolio
    } catch let diagnostic as Diagnostic {
      throw diagnostic
    } catch {
      throw PortfolioDecoder.located(error, at: nil)
    }
  }

  /// An error raised while decoding the value at `component`, with that step put in front of its path. Paths are
  /// built only when something goes wrong, on the way out, so decoding a valid record tracks no path at all.
  static func located(_ error: any Error, at component: JSONPath.Component?) -> Diagnostic {
    var diagnostic: Diagnostic
    switch error {
    case let found as Diagnostic: diagnostic = found
    case let syntax as JSONSyntaxError:
      diagnostic = Diagnostic(
        .jsonSyntax, at: .root,
        "malformed JSON at line \(syntax.line), column \(syntax.column): expected \(syntax.expected)")
    default: diagnostic = Diagnostic(.jsonSyntax, at: .root, "\(error)")
    }
    if let component { diagnostic.path = JSONPath(components: [component] + diagnostic.path.components) }
    return diagnostic
  }

  /// Decodes one portfolio from a byte array.
  static func decode(_ bytes: [UInt8]) throws(Diagnostic) -> Portfolio {
    let result: Result<Portfolio, Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
      do throws(Diagnostic) { return .success(try decode(buffer)) } catch { return .failure(error) }
    }
    return try result.get()
  }

  // MARK: - Problems

  /// A problem with the value being decoded; the enclosing objects and arrays add their steps to its path.
  private func problem(_ code: DiagnosticCode, _ message: String) -> Diagnostic {
    Diagnostic(code, at: .root, message)
  }

  private mutating func wrongType(_ expected: String) throws -> Never {
    let found: String
    switch try scanner.peekKind() {
    case .object: found = "an object"
    case .array: found = "an array"
    case .string: found = "a string"
    case .number: found = "a number"
    case .bool: found = "a boolean"
    case .null: found = "null"
    }
    throw problem(.wrongType, "expected \(expected), found \(found)")
  }

  // MARK: - Scalars

  private mutating func string() throws -> String {
    guard try scanner.peekKind() == .string else { try wrongType("a string") }
    return try scanner.readString()
  }

  private mutating func nonEmptyString() throws -> String {
    let text = try string()
    if text.isEmpty { throw problem(.invalidValue, "expected a non-empty text") }
    return text
  }

  private mutating func optionalString() throws -> String? {
    if scanner.readNullIfPresent() { return nil }
    return try string()
  }

  private mutating func bool() throws -> Bool {
    guard try scanner.peekKind() == .bool else { try wrongType("true or false") }
    return try scanner.readBool()
  }

  private mutating func integer() throws -> Int {
    guard try scanner.peekKind() == .number else { try wrongType("a whole number") }
    let span = try scanner.readNumberSpan()
    guard let value = scanner.integer(in: span) else {
      throw problem(.invalidNumber, "expected a whole number, found \(scanner.text(of: span))")
    }
    return value
  }

  /// A whole number from 1 to `maximum`; the bound keeps points × count far from overflowing.
  private mutating func positiveInteger(maximum: Int = 100_000) throws -> Int {
    let value = try integer()
    if value < 1 { throw problem(.negativeValue, "expected a whole number of at least 1, found \(value)") }
    if value > maximum { throw problem(.invalidValue, "expected at most \(maximum), found \(value)") }
    return value
  }

  private mutating func nonNegativeInteger() throws -> Int {
    let value = try integer()
    if value < 0 { throw problem(.negativeValue, "expected a whole number of at least 0, found \(value)") }
    return value
  }

  private mutating func points() throws -> Points {
    guard try scanner.peekKind() == .number else { try wrongType("a number") }
    let span = try scanner.readNumberSpan()
    guard let value = scanner.points(in: span) else {
      throw problem(.invalidNumber, "expected a decimal with at most four decimals, found \(scanner.text(of: span))")
    }
    return value
  }

  private mutating func nonNegativePoints() throws -> Points {
    let value = try points()
    if value < .zero { throw problem(.negativeValue, "expected a number of at least 0, found \(value)") }
    if value > Points.largestInput {
      throw problem(.invalidNumber, "expected at most \(Points.largestInput), found \(value)")
    }
    return value
  }

  private mutating func day() throws -> Day {
    if let day = scanner.readDayIfWellFormed() { return day }
    let text = try string()
    guard let day = Day(text) else {
      throw problem(.invalidDate, "expected a real date written YYYY-MM-DD, found \"\(text)\"")
    }
    return day
  }

  private mutating func factValue() throws -> FactValue {
    switch try scanner.peekKind() {
    case .bool: return .flag(try scanner.readBool())
    case .string: return .text(try scanner.readString())
    case .number:
      let value = try points()
      if value.units.magnitude > Points.largestInput.units.magnitude {
        throw problem(.invalidNumber, "expected at most \(Points.largestInput) in size, found \(value)")
      }
      return .number(value)
    default: try wrongType("a boolean, a text or a number")
    }
  }

  private mutating func year(_ key: JSONKey) throws -> Int {
    guard let year = key.integer, (1900...2200).contains(year) else {
      throw problem(.invalidValue, "expected a year such as \"2021\" as the key, found \"\(key.string)\"")
    }
    return year
  }

  // MARK: - Structure

  /// Calls `body` for each member of an object; a problem inside gets the key in front of its path.
  @inline(__always)
  private mutating func object(_ body: (inout PortfolioDecoder, JSONKey) throws -> Void) throws {
    guard try scanner.peekKind() == .object else { try wrongType("an object") }
    try scanner.beginObject()
    var first = true
    let base = openKeys.count
    defer { openKeys.removeLast(openKeys.count - base) }
    while let key = try scanner.nextRawKey(&first) {
      do {
        for index in base..<openKeys.count where openKeys[index] == key {
          throw problem(.duplicateKey, "the key \"\(key.string)\" appears twice")
        }
        openKeys.append(key)
        try body(&self, key)
      } catch {
        throw PortfolioDecoder.located(error, at: .key(key.string))
      }
    }
  }

  /// Calls `body` for each element of an array; a problem inside gets the index in front of its path.
  @inline(__always)
  mutating func array(_ body: (inout PortfolioDecoder) throws -> Void) throws {
    guard try scanner.peekKind() == .array else { try wrongType("an array") }
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
    problem(.unknownField, "\"\(key.string)\" is not a field of this object")
  }

  private func missing(_ field: String) -> Diagnostic {
    Diagnostic(.missingField, at: JSONPath.root.appending(field), "the required field \"\(field)\" is absent")
  }

  // MARK: - Portfolio

  mutating func portfolio() throws -> Portfolio {
    var id: String?
    var name: String?
    var specialty: String?
    var result = Portfolio(id: "", name: "", specialty: "")
    var employer: Employer?
    try object { decoder, key in
      switch key {
      case "id": id = try decoder.nonEmptyString()
      case "name": name = try decoder.nonEmptyString()
      case "idNumber": result.idNumber = try decoder.optionalString()
      case "phone": result.phone = try decoder.optionalString()
      case "employer": employer = try decoder.employer()
      case "residency": result.residency = try decoder.nonEmptyString()
      case "specialty": specialty = try decoder.nonEmptyString()
      case "education": try decoder.array { decoder in result.education.append(try decoder.education()) }
      case "registeredQualification": result.registeredQualification = try decoder.bool()
      case "retrainingMonths": result.retrainingMonths = try decoder.nonNegativeInteger()
      case "currentTitle":
        if !decoder.scanner.readNullIfPresent() { result.currentTitle = try decoder.title() }
      case "skill":
        if !decoder.scanner.readNullIfPresent() { result.skill = try decoder.skill() }
      case "workStart": result.workStart = try decoder.day()
      case "publicityDate": result.publicityDate = try decoder.day()
      case "continuingEducation":
        try decoder.object { decoder, yearKey in
          let year = try decoder.year(yearKey)
          try decoder.object { decoder, kind in
            result.continuingEducation.entries.append(
              ContinuingEducationLog.Entry(year: year, kind: kind.string, hours: try decoder.nonNegativePoints()))
          }
        }
      case "assessments":
        try decoder.object { decoder, yearKey in
          result.assessments.entries.append((try decoder.year(yearKey), try decoder.nonEmptyString()))
        }
      case "honours": try decoder.array { decoder in result.honours.append(try decoder.nonEmptyString()) }
      case "records":
        try decoder.array { decoder in result.records.append(try decoder.record()) }
        // Portfolios have a handful of records: comparing pairs is cheaper than hashing.
        let records = result.records
        for index in records.indices.dropFirst() where records[..<index].contains(where: { $0.id == records[index].id })
        {
          throw Diagnostic(
            .duplicateID, at: JSONPath(components: [.index(index), .key("id")]),
            "the record id \"\(records[index].id)\" is used twice")
        }
      case "recommendations":
        try decoder.array { decoder in result.recommendations.append(try decoder.recommendation()) }
      case "attachments":
        try decoder.array { decoder in result.attachments.append(try decoder.attachment()) }
      case "assessed":
        try decoder.object { decoder, item in result.assessed[item.string] = try decoder.nonNegativePoints() }
      case "claimed": result.claimed = try decoder.claimed()
      case "application":
        try decoder.object { decoder, name in result.application[name.string] = try decoder.factValue() }
      case "facts":
        try decoder.object { decoder, name in result.facts[name.string] = try decoder.factValue() }
      default: throw decoder.unknown(key)
      }
    }
    guard let id else { throw missing("id") }
    guard let name else { throw missing("name") }
    guard let specialty else { throw missing("specialty") }
    guard let employer else { throw missing("employer") }
    result.id = id
    result.name = name
    result.specialty = specialty
    result.employer = employer
    return result
  }

  private mutating func employer() throws -> Employer {
    var result = Employer(name: "", sector: "enterprise", city: "")
    var named = false
    try object { decoder, key in
      switch key {
      case "name":
        result.name = try decoder.nonEmptyString()
        named = true
      case "sector": result.sector = try decoder.nonEmptyString()
      case "city": result.city = try decoder.string()
      default: throw decoder.unknown(key)
      }
    }
    guard named else { throw missing("name") }
    return result
  }

  private mutating func education() throws -> EducationRecord {
    var level: String?
    var date: Day?
    var result = EducationRecord(
      level: "", degree: nil, major: "", related: true, fullTime: true, date: PortfolioDecoder.placeholderDay)
    try object { decoder, key in
      switch key {
      case "level": level = try decoder.nonEmptyString()
      case "degree": result.degree = try decoder.optionalString()
      case "major": result.major = try decoder.string()
      case "related": result.related = try decoder.bool()
      case "fullTime": result.fullTime = try decoder.bool()
      case "date": date = try decoder.day()
      default: throw decoder.unknown(key)
      }
    }
    guard let level else { throw missing("level") }
    guard let date else { throw missing("date") }
    result.level = level
    result.date = date
    return result
  }

  private mutating func title() throws -> TitleRecord {
    var title: String?
    var date: Day?
    try object { decoder, key in
      switch key {
      case "title": title = try decoder.nonEmptyString()
      case "date": date = try decoder.day()
      default: throw decoder.unknown(key)
      }
    }
    guard let title else { throw missing("title") }
    guard let date else { throw missing("date") }
    return TitleRecord(title: title, date: date)
  }

  private mutating func skill() throws -> SkillRecord {
    var level: String?
    var date: Day?
    try object { decoder, key in
      switch key {
      case "level": level = try decoder.nonEmptyString()
      case "date": date = try decoder.day()
      default: throw decoder.unknown(key)
      }
    }
    guard let level else { throw missing("level") }
    guard let date else { throw missing("date") }
    return SkillRecord(level: level, date: date)
  }

  mutating func record() throws -> AchievementRecord {
    var id: String?
    var type: String?
    var date: Day?
    var result = AchievementRecord(
      id: "", type: "", level: nil, rank: nil, count: 1, date: PortfolioDecoder.placeholderDay, status: "completed",
      evidence: true, collective: false, mainContributor: true, acquired: "original", assessedPoints: nil, title: "")
    try object { decoder, key in
      switch key {
      case "id": id = try decoder.nonEmptyString()
      case "type": type = try decoder.nonEmptyString()
      case "level": result.level = try decoder.optionalString()
      case "rank": result.rank = try decoder.positiveInteger()
      case "count": result.count = try decoder.positiveInteger()
      case "date": date = try decoder.day()
      case "status": result.status = try decoder.nonEmptyString()
      case "evidence": result.evidence = try decoder.bool()
      case "collective": result.collective = try decoder.bool()
      case "mainContributor": result.mainContributor = try decoder.bool()
      case "acquired": result.acquired = try decoder.nonEmptyString()
      case "assessedPoints": result.assessedPoints = try decoder.nonNegativePoints()
      case "title": result.title = try decoder.string()
      default: throw decoder.unknown(key)
      }
    }
    guard let id else { throw missing("id") }
    guard let type else { throw missing("type") }
    guard let date else { throw missing("date") }
    result.id = id
    result.type = type
    result.date = date
    return result
  }

  private mutating func recommendation() throws -> Recommendation {
    var result = Recommendation(expert: "", level: "")
    var hasLevel = false
    try object { decoder, key in
      switch key {
      case "expert": result.expert = try decoder.string()
      case "level":
        result.level = try decoder.nonEmptyString()
        hasLevel = true
      default: throw decoder.unknown(key)
      }
    }
    guard hasLevel else { throw missing("level") }
    return result
  }

  private mutating func attachment() throws -> Attachment {
    var kind: String?
    var file: String?
    try object { decoder, key in
      switch key {
      case "kind": kind = try decoder.nonEmptyString()
      case "path": file = try decoder.nonEmptyString()
      default: throw decoder.unknown(key)
      }
    }
    guard let kind else { throw missing("kind") }
    guard let file else { throw missing("path") }
    return Attachment(kind: kind, path: file)
  }

  private mutating func claimed() throws -> ClaimedScore {
    var result = ClaimedScore(total: nil, items: [:])
    try object { decoder, key in
      switch key {
      case "total": result.total = try decoder.nonNegativePoints()
      case "items":
        try decoder.object { decoder, item in result.items[item.string] = try decoder.nonNegativePoints() }
      default: throw decoder.unknown(key)
      }
    }
    return result
  }
}

extension PortfolioDecoder {
  /// Decodes one achievement record, or an array of them, from a whole JSON text.
  static func decodeRecords(_ bytes: [UInt8]) throws(Diagnostic) -> [AchievementRecord] {
    let result: Result<[AchievementRecord], Diagnostic> = bytes.withUnsafeBufferPointer { buffer in
      var decoder = PortfolioDecoder(buffer)
      do {
        var records: [AchievementRecord] = []
        if try decoder.scanner.peekKind() == .array {
          try decoder.array { decoder in records.append(try decoder.record()) }
        } else {
          records.append(try decoder.record())
        }
        try decoder.scanner.expectEnd()
        return .success(records)
      } catch {
        return .failure(PortfolioDecoder.located(error, at: nil))
      }
    }
    return try result.get()
  }
}

extension AchievementRecord {
  /// Decodes one record or an array of records, as `score --add` takes them.
  public static func decodeList(json bytes: [UInt8]) throws(Diagnostic) -> [AchievementRecord] {
    try PortfolioDecoder.decodeRecords(bytes)
  }
}

extension Portfolio {
  /// Decodes a portfolio from JSON text, reporting the first problem with its JSON path.
  public static func decode(json bytes: [UInt8]) throws(Diagnostic) -> Portfolio {
    try PortfolioDecoder.decode(bytes)
  }
}
