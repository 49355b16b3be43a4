import Testing

@testable import TitleScore

@Suite struct PortfolioDecodingTests {
  private func diagnostic(_ json: String) -> Diagnostic? {
    do {
      _ = try portfolio(json)
      return nil
    } catch {
      return error as? Diagnostic
    }
  }

  private let valid = #"""
    {"id": "A1", "name": "李四", "employer": {"name": "某公司"}, "specialty": "energy",
     "records": [{"id": "R1", "type": "patent", "level": "invention", "rank": 1, "date": "2020-01-01"}]}
    """#

  @Test func decodesAValidPortfolio() throws {
    let decoded = try portfolio(valid)
    #expect(decoded.records.first?.count == 1)
    #expect(decoded.employer.sector == "enterprise")
    #expect(Fixture.portfolio("minimal-portfolio.json").education.count == 1)
  }

  @Test func truncatedJSONIsASyntaxError() {
    let found = diagnostic(String(valid.prefix(60)))
    #expect(found?.code == .jsonSyntax)
  }

  @Test func wrongTypeNamesThePath() {
    let found = diagnostic(valid.replacingOccurrences(of: #""rank": 1"#, with: #""rank": "first""#))
    #expect(found?.code == .wrongType)
    #expect(found?.path.description == "records[0].rank")
  }

  @Test func negativeCountIsRejected() {
    let found = diagnostic(valid.replacingOccurrences(of: #""rank": 1"#, with: #""rank": 1, "count": -2"#))
    #expect(found?.code == .negativeValue)
    #expect(found?.path.description == "records[0].count")
  }

  @Test func absurdCountIsRejectedRatherThanOverflowing() {
    let found = diagnostic(
      valid.replacingOccurrences(of: #""rank": 1"#, with: #""rank": 1, "count": 9000000000000000"#))
    #expect(found?.code == .invalidValue)
    #expect(found?.path.description == "records[0].count")
  }

  @Test func datesAreReadDigitByDigit() throws {
    let late = try portfolio(valid.replacingOccurrences(of: "2020-01-01", with: "2019-08-31"))
    #expect(late.records[0].date == Day(year: 2019, month: 8, day: 31))
    for text in ["2020-0x-01", "2020-01-0/", "20200-1-01", "2020/01/01"] {
      #expect(diagnostic(valid.replacingOccurrences(of: "2020-01-01", with: text))?.code == .invalidDate, "\(text)")
    }
  }

  @Test func impossibleDateIsRejected() {
    let found = diagnostic(valid.replacingOccurrences(of: "2020-01-01", with: "2020-02-30"))
    #expect(found?.code == .invalidDate)
    #expect(found?.path.description == "records[0].date")
  }

  @Test func unknownFieldIsRejected() {
    let found = diagnostic(valid.replacingOccurrences(of: #""specialty""#, with: #""speciality": "x", "specialty""#))
    #expect(found?.code == .unknownField)
    #expect(found?.path.description == "speciality")
  }

  @Test func missingRequiredFieldIsNamed() {
    let found = diagnostic(#"{"id": "A1", "employer": {"name": "x"}, "specialty": "energy"}"#)
    #expect(found?.code == .missingField)
    #expect(found?.path.description == "name")
  }

  @Test func duplicateRecordIDsAreRejected() {
    let found = diagnostic(
      valid.replacingOccurrences(
        of: "\"date\": \"2020-01-01\"}]",
        with: "\"date\": \"2020-01-01\"}, {\"id\": \"R1\", \"type\": \"paper\", \"date\": \"2020-01-01\"}]"))
    #expect(found?.code == .duplicateID)
    #expect(found?.path.description == "records[1].id")
  }

  @Test func theFirstRecordRepeatingAnEarlierIDIsTheOneNamed() {
    func repeated(_ ids: [String]) -> Int? {
      PortfolioDecoder.firstRepeatedID(in: ids.map { record($0, "paper") })
    }
    let long = "a-record-id-longer-than-fifteen-bytes"
    #expect(repeated([]) == nil)
    #expect(repeated(["R1"]) == nil)
    #expect(repeated(["R1", "R2", "R3", long, "成果一"]) == nil)
    #expect(repeated(["A", "B", "C", "B", "A"]) == 3)
    #expect(repeated(["R1", long, "成果一", long]) == 3)
    #expect(repeated(["成果一", "R2", "成果一"]) == 2)
    // Canonically equivalent ids of the same length count as the same, as `isSameText` has it.
    #expect(repeated(["e\u{301}\u{323}", "e\u{323}\u{301}"]) == 1)
  }

  @Test func duplicateKeysAndExcessDecimalsAreRejected() {
    #expect(
      diagnostic(valid.replacingOccurrences(of: #""name": "李四","#, with: #""name": "李四", "name": "x","#))?.code
        == .duplicateKey)
    let hours = valid.replacingOccurrences(
      of: #""specialty": "energy","#,
      with: #""specialty": "energy", "continuingEducation": {"2021": {"public": 1.00001}},"#)
    #expect(diagnostic(hours)?.code == .invalidNumber)
  }

  @Test func repeatedYearsAndMapKeysAreDuplicateKeys() {
    let years = valid.replacingOccurrences(
      of: #""specialty": "energy","#,
      with: #""specialty": "energy", "assessments": {"2021": "competent", "2021": "excellent"},"#)
    #expect(diagnostic(years)?.code == .duplicateKey)
    #expect(diagnostic(years)?.path.description == "assessments.2021")
    let kinds = valid.replacingOccurrences(
      of: #""specialty": "energy","#,
      with: #""specialty": "energy", "continuingEducation": {"2021": {"public": 1, "public": 2}},"#)
    #expect(diagnostic(kinds)?.code == .duplicateKey)
    let assessed = valid.replacingOccurrences(
      of: #""specialty": "energy","#, with: #""specialty": "energy", "assessed": {"a": 1, "a": 2},"#)
    #expect(diagnostic(assessed)?.code == .duplicateKey)
  }

  @Test func escapedKeysAndTextsDecodeLikePlainOnes() throws {
    let escaped = try portfolio(
      #"{"\u0069d": "A\u0031", "name": "\u674e\u56db", "employer": {"name": "某公司"}, "spec\u0069alty": "energy"}"#)
    #expect(escaped.id == "A1")
    #expect(escaped.name == "李四")
    #expect(escaped.specialty == "energy")
  }

  @Test func knownKeysAreRecognizedInAnyOrderAtAnyLengthAndNearTheEnd() throws {
    let ordered = try portfolio(
      #"""
      {"id": "A1", "name": "李四", "employer": {"name": "某公司"}, "specialty": "energy",
       "registeredQualification": true, "retrainingMonths": 3,
       "continuingEducation": {"2021": {"public": 30}},
       "records": [{"id": "R1", "type": "paper", "date": "2020-01-01", "collective": true, "mainContributor": false}],
       "workStart": "2001-07-01"}
      """#)
    // The same fields backwards, the last key within the text's last 16 bytes.
    let reversed = try portfolio(
      #"""
      {"workStart": "2001-07-01",
       "records": [{"mainContributor": false, "collective": true, "date": "2020-01-01", "type": "paper", "id": "R1"}],
       "continuingEducation": {"2021": {"public": 30}},
       "retrainingMonths": 3, "registeredQualification": true,
       "specialty": "energy", "employer": {"name": "某公司"}, "name": "李四", "id": "A1"}
      """#)
    #expect(reversed == ordered)
    // Without white space (keys straight after their commas, as batch files have them), and with it in odd places.
    let compact = try portfolio(
      #"{"id":"A1","name":"李四","employer":{"name":"某公司"},"specialty":"energy","registeredQualification":true,"#
        + #""retrainingMonths":3,"continuingEducation":{"2021":{"public":30}},"#
        + #""records":[{"id":"R1","type":"paper","date":"2020-01-01","collective":true,"mainContributor":false}],"#
        + #""workStart":"2001-07-01"}"#)
    #expect(compact == ordered)
    let spaced = try portfolio(
      #"{ "id" :"A1" ,"name"  : "李四","employer":{"name" :"某公司"} , "specialty":"energy","registeredQualification":true,"#
        + #""retrainingMonths":3,"continuingEducation":{"2021":{"public":30}},"#
        + #""records":[ {"id":"R1" , "type":"paper","date":"2020-01-01","collective":true,"mainContributor":false} ],"#
        + #""workStart":"2001-07-01" }"#)
    #expect(spaced == ordered)
    #expect(ordered.registeredQualification && ordered.retrainingMonths == 3)
    #expect(ordered.records[0].collective && !ordered.records[0].mainContributor)
    // Keys that share a known key's first bytes, or are cut short of one, are unknown.
    for near in ["continuingEducations", "continuingEducatio", "registeredQualificatioN", "mainContributor"] {
      let found = diagnostic(valid.replacingOccurrences(of: #""specialty""#, with: "\"\(near)\": 1, \"specialty\""))
      #expect(found?.code == .unknownField, "\(near)")
      #expect(found?.path.description == near)
    }
  }

  @Test func wholeNumbersReadInOnePassMeanWhatTheLongWayReadsThemAs() throws {
    /// The rank read, or the code of the problem found.
    func rank(_ text: String) -> String {
      do {
        let decoded = try portfolio(valid.replacingOccurrences(of: #""rank": 1"#, with: #""rank": "# + text))
        return decoded.records[0].rank.map(String.init) ?? "none"
      } catch {
        return (error as? Diagnostic).map { "\($0.code)" } ?? "\(error)"
      }
    }
    #expect(rank("7") == "7")
    #expect(rank("100000") == "100000")
    #expect(rank("0") == "\(DiagnosticCode.negativeValue)")
    #expect(rank("100001") == "\(DiagnosticCode.invalidValue)")
    #expect(rank("1234567890") == "\(DiagnosticCode.invalidValue)")
    #expect(rank("2.0") == "\(DiagnosticCode.invalidNumber)")
    #expect(rank("1e2") == "\(DiagnosticCode.invalidNumber)")
    #expect(rank("-3") == "\(DiagnosticCode.negativeValue)")
    let hours = try portfolio(
      valid.replacingOccurrences(
        of: #""specialty": "energy","#,
        with:
          #""specialty": "energy", "continuingEducation": {"2021": {"public": 30, "professional": 12.5}, "2022": {"public": 999999}},"#
      ))
    #expect(hours.continuingEducation.entries.map(\.hours) == ["30", "12.5", "999999"].map(p))
    // A leading zero ends the number at the zero, and what follows is out of place.
    let leadingZero = valid.replacingOccurrences(
      of: #""specialty": "energy","#, with: #""specialty": "energy", "continuingEducation": {"2021": {"public": 012}},"#
    )
    #expect(diagnostic(leadingZero)?.code == .jsonSyntax)
  }

  @Test func malformedUTF8IsRejectedInEveryKindOfText() {
    for field in [#""name": "#, #""specialty": "#, #""title": "#] {
      var bytes = Array(valid.replacingOccurrences(of: #""rank": 1"#, with: #""rank": 1, "title": "t""#).utf8)
      let marker = Array(field.utf8)
      let at = bytes.indices.first { bytes[$0...].starts(with: marker) }! + marker.count + 1
      bytes.insert(contentsOf: [0xE6, 0x9D], at: at)  // a three-byte character cut short
      #expect(throws: Diagnostic.self) { try Portfolio.decode(json: bytes) }
      var batch = PortfolioDecoder(pool: StringPool(limit: 8), keepsDescriptions: false, glossary: .bundled)
      var reused = Portfolio(id: "", name: "", specialty: "")
      let result: Diagnostic? = bytes.withUnsafeBufferPointer { buffer in
        do throws(Diagnostic) {
          try batch.decode(buffer, into: &reused)
          return nil
        } catch { return error }
      }
      #expect(result?.code == .jsonSyntax, "field \(field)")
    }
  }

  @Test func aReusedPortfolioKeepsNothingFromTheRecordBefore() throws {
    let full = #"""
      {"id": "A1", "name": "李四", "idNumber": "330402198434087319", "employer": {"name": "某公司", "sector": "public-institution"},
       "specialty": "energy", "skill": {"level": "technician", "date": "2019-01-01"},
       "continuingEducation": {"2021": {"public": 30}}, "assessments": {"2021": "excellent"},
       "assessed": {"work-report": 2}, "claimed": {"total": 70},
       "records": [{"id": "R1", "type": "patent", "level": "invention", "rank": 1, "date": "2020-01-01", "title": "专利"}]}
      """#
    let bare = #"{"id": "A2", "name": "王五", "employer": {"name": "另一公司"}, "specialty": "energy"}"#
    var decoder = PortfolioDecoder(pool: StringPool(limit: 64), keepsDescriptions: false, glossary: .bundled)
    var reused = Portfolio(id: "", name: "", specialty: "")
    for json in [full, bare] {
      let bytes = Array(json.utf8)
      try bytes.withUnsafeBufferPointer { buffer throws(Diagnostic) in try decoder.decode(buffer, into: &reused) }
    }
    #expect(reused == (try portfolio(bare)))
    // Without descriptions, a batch drops record titles but keeps every fact scoring reads.
    let first = Array(full.utf8)
    try first.withUnsafeBufferPointer { buffer throws(Diagnostic) in try decoder.decode(buffer, into: &reused) }
    var expected = try portfolio(full)
    expected.records[0].title = ""
    #expect(reused == expected)
  }
}

@Suite struct StringPoolTests {
  private func pooled(_ pool: inout StringPool, _ text: String) -> String? {
    Array(text.utf8).withUnsafeBufferPointer { pool.string($0) }
  }

  private func storage(_ text: String) -> UnsafeRawPointer? {
    text.utf8.withContiguousStorageIfAvailable { UnsafeRawPointer($0.baseAddress) } ?? nil
  }

  @Test func givesBackTheSameTextsAndStaysWithinItsLimit() {
    var pool = StringPool(limit: 2)
    let texts = [
      "research-project", "patent", "电气工程及其自动化", "research-project", "", "public-institution", "研究项目",
      "电气工程及其自动化", "abcdefghijklmno", "abcdefghijklmnop", "谭伟涛谭伟", "é",
    ]
    for text in texts { #expect(pooled(&pool, text) == text) }
    // A long text is pooled and shared; beyond the limit, texts are built afresh but still right.
    let first = pooled(&pool, "research-project")!
    #expect(storage(first) == storage(pooled(&pool, "research-project")!))
    let unpooled = (pooled(&pool, "public-institution")!, pooled(&pool, "public-institution")!)
    #expect(storage(unpooled.0) != storage(unpooled.1))
    var none = StringPool(limit: 0)
    #expect(pooled(&none, "research-project") == "research-project")
    #expect(pooled(&pool, String(repeating: "长", count: 40)) == String(repeating: "长", count: 40))
  }

  @Test func tellsApartShortTextsThatDifferInOneByte() {
    var pool = StringPool(limit: 256)
    var texts: [String] = []
    for length in 1...15 {
      let base = String(repeating: "a", count: length)
      texts.append(base)
      for position in 0..<length {
        var bytes = Array(base.utf8)
        bytes[position] = UInt8(ascii: "b")
        texts.append(String(decoding: bytes, as: UTF8.self))
      }
    }
    // Twice: the second round is answered from the table.
    for _ in 0..<2 {
      for text in texts { #expect(pooled(&pool, text) == text) }
    }
  }

  @Test func refusesMalformedUTF8() {
    var pool = StringPool(limit: 4)
    for bytes: [UInt8] in [[0xE6, 0x9D], [0xC0, 0xAF], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0x80]] {
      #expect(bytes.withUnsafeBufferPointer { pool.string($0) } == nil, "\(bytes)")
      #expect(!bytes.withUnsafeBufferPointer { UTF8Validation.isValid($0) })
    }
    let mixed = Array("abcdefgh谭伟涛ijklmnop😀".utf8)
    #expect(mixed.withUnsafeBufferPointer { UTF8Validation.isValid($0) })
  }

  @Test func emptyingAListForTheNextApplicantKeepsItsStorage() {
    var records = (0..<40).map { record("R\($0)", "research-project-\($0)", level: "provincial") }
    let capacity = records.capacity
    records.emptyKeepingStorage()
    #expect(records.isEmpty)
    #expect(records.capacity == capacity)
  }
}
