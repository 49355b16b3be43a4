import Testing

@testable import TitleScore

@Suite struct PointsTests {
  @Test func parsesDecimalsExactly() {
    #expect(Points(exactly: "12")?.units == 120_000)
    #expect(Points(exactly: "0.5")?.units == 5_000)
    #expect(Points(exactly: "-1.25")?.units == -12_500)
    #expect(Points(exactly: "0.10000")?.units == 1_000)
  }

  @Test func rejectsMoreThanFourDecimalsAndExponents() {
    #expect(Points(exactly: "0.00001") == nil)
    #expect(Points(exactly: "1e3") == nil)
    #expect(Points(exactly: "") == nil)
    #expect(Points(exactly: "1.2.3") == nil)
  }

  @Test func tenthsAddUpExactly() {
    var sum = Points.zero
    for _ in 0..<10 { sum += p("0.1") }
    #expect(sum == Points(1))
  }

  @Test func rankCoefficientScalesExactly() {
    #expect(Points(16).scaled(by: p("0.8")) == p("12.8"))
    #expect(p("17").scaled(by: p("0.25")) == p("4.25"))
    #expect(p("4.25").scaled(by: p("0.7")) == p("2.975"))
  }

  @Test func descriptionDropsTrailingZeros() {
    #expect(p("12.50").description == "12.5")
    #expect(p("-0.25").description == "-0.25")
    #expect(Points(7).description == "7")
    #expect(p("0.0005").description == "0.0005")
    #expect(p("100.0400").description == "100.04")
    #expect(Points(0).description == "0")
    #expect(p("-1234567.8901").description == "-1234567.8901")
    #expect(PointsInterval(min: p("-2.5"), max: 4).signedDescription == "-2.5…+4")
    #expect(p("2.5").formatted(places: 2) == "2.50")
  }

  @Test func intervalCapsBothEnds() {
    let interval = PointsInterval(min: 4, max: 9).capped(at: 6)
    #expect(interval == PointsInterval(min: 4, max: 6))
    #expect(PointsInterval(min: 1, max: 3).description == "1–3")
  }
}

@Suite struct DayTests {
  @Test func rejectsImpossibleDates() {
    #expect(Day("2022-02-30") == nil)
    #expect(Day("2022-13-01") == nil)
    #expect(Day("2022-1-01") == nil)
    #expect(Day("2020-02-29") != nil)
    #expect(Day("2021-02-29") == nil)
  }

  @Test func wholeYearsCountAnniversaries() {
    let start = Day("2018-07-01")!
    #expect(start.wholeYears(until: Day("2022-06-30")!) == 3)
    #expect(start.wholeYears(until: Day("2022-07-01")!) == 4)
    #expect(start.wholeYears(until: Day("2017-01-01")!) == 0)
    #expect(start.wholeMonths(until: Day("2019-06-30")!) == 11)
  }
}
