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
}
