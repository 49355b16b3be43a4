import Foundation
import Testing

@testable import TitleScore

/// A batch row is the projection of the result `score` shows for that portfolio alone: checked over generated
/// cohorts of every bundled point and criteria sheet, invalid records and unreadable lines included.
@Suite struct BatchProjectionTests {
  static let sheetIDs = Bundled.library.sheets.map(\.id)

  @Test(arguments: sheetIDs)
  func everyBatchRowEqualsScoringItsPortfolioAlone(sheetID: String) throws {
    let sheet = Bundled.sheet(sheetID)
    let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: 150)
    var lines = (0..<120).map { generator.portfolio(number: $0, seed: 20_261_201) }
    // Lines no decoder accepts, among the generated ones.
    lines.insert("{\"id\": ", at: 7)
    lines.insert("[1, 2]", at: 40)
    lines.insert("{\"id\": \"X\", \"name\": 3}", at: 90)
    let file = Scratch.file("jsonl")
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: file)
    let results = try BatchRunner(sheet: sheet, jobs: 2).run([file.path])
    #expect(results.readCount == lines.count)

    var rowsByLine: [Int: BatchRow] = [:]
    for row in results.rankedRows {
      var unranked = row
      unranked.rank = 0
      unranked.position = 0
      rowsByLine[row.line] = unranked
    }
    let rejectedLines = Set(results.rejected.map { $0.line })
    let evaluator = Evaluator(sheet: sheet)
    for (offset, text) in lines.enumerated() {
      let line = offset + 1
      let portfolio: Portfolio
      do throws(Diagnostic) {
        portfolio = try Portfolio.decode(json: Array(text.utf8))
      } catch {
        #expect(rejectedLines.contains(line), "line \(line) does not decode alone but the batch did not reject it")
        #expect(rowsByLine[line] == nil)
        continue
      }
      let alone = evaluator.evaluate(portfolio)
      let expected = BatchRow(projecting: alone, of: portfolio, sheet: sheet, file: file.path, line: line)
      #expect(rowsByLine[line] == expected, "\(sheetID) line \(line)")
    }
  }

  @Test func rowsKeepFailedGatesAndFlagsPastTheSixtyFourth() {
    var positions = RowPositions()
    #expect(positions.noGateFailed && positions.noFlagRaised)
    for gate in [0, 5, 63, 64, 70, 200] { positions.insertGate(gate) }
    for flag in [2, 64, 65] { positions.insertFlag(flag) }
    #expect(positions.gates == [0, 5, 63, 64, 70, 200])
    #expect(positions.flags == [2, 64, 65])
    var onlyBeyond = RowPositions()
    onlyBeyond.insertFlag(99)
    #expect(onlyBeyond.noGateFailed && !onlyBeyond.noFlagRaised)
  }
}
