import Foundation
import Testing

@testable import TitleScore

/// Every message key is worded in both languages, with the same places for its arguments, and the Chinese wording
/// contains no English sentence (ids, codes, field names and commands in backquotes aside).
@Suite struct MessageCatalogueTests {
  /// The `{n}` places a template has.
  private func places(_ template: String) -> Set<Int> {
    var found = Set<Int>()
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      let after = rest.index(after: open)
      if let close = rest[after...].firstIndex(of: "}"), let index = Int(rest[after..<close]) { found.insert(index) }
      rest = rest[after...]
    }
    return found
  }

  /// Two English words in a row (letters only, at least two each), outside backquotes and outside `name=value`
  /// codes: the sign of a sentence left untranslated.
  static func englishSentence(in text: String) -> String? {
    var cleaned = ""
    var quoted = false
    for character in text {
      if character == "`" {
        quoted.toggle()
        cleaned.append(" ")
        continue
      }
      cleaned.append(quoted ? " " : character)
    }
    let words = cleaned.split(whereSeparator: { !$0.isLetter && $0 != "-" && $0 != "_" && $0 != "." && $0 != "=" })
    var previous: Substring?
    for word in words {
      let isEnglishWord =
        word.count >= 2 && word.allSatisfy { $0.isASCII && $0.isLetter }
        && !word.contains { $0.isUppercase } && !word.contains("=")
      if isEnglishWord, let previous, text.contains("\(previous) \(word)") { return "\(previous) \(word)" }
      previous = isEnglishWord ? word : nil
    }
    return nil
  }

  @Test(arguments: MessageKey.allCases)
  func everyKeyIsWordedInBothLanguages(key: MessageKey) {
    let zh = MessageCatalogue.template(key, .zh)
    let en = MessageCatalogue.template(key, .en)
    #expect(!zh.isEmpty && !en.isEmpty, "\(key.rawValue)")
    #expect(places(zh) == places(en), "\(key.rawValue): the languages name different arguments")
    #expect(Self.englishSentence(in: zh) == nil, "\(key.rawValue): \(zh)")
    #expect(!en.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(key.rawValue): \(en)")
  }

  @Test func argumentsFillTheirPlacesInEitherLanguage() {
    let message = Message(.findingHoursShort, .integer(2021), .points(72), .points(90), .word(.wordHours))
    #expect(message.text(.zh) == "继续教育 2021 年：72/90 学时")
    #expect(message.text(.en) == "continuing education 2021: 72 of 90 hours")
    // A message inside a message is worded in the same language.
    let nested = Message(.findingConditionNotMet, .message(Message(.conditionAlways)))
    #expect(nested.text(.zh) == "未满足：总是")
  }

  @Test func theSentenceCheckFindsEnglishAndSparesCodes() {
    #expect(Self.englishSentence(in: "继续教育：控制项未通过（continuing education 2019: no hours recorded）") != nil)
    #expect(Self.englishSentence(in: "缺少 publicityDate，用 `titlescore plan` 查看；level=provincial rank=2") == nil)
  }

  @Test func chineseResultsOfEveryBundledSheetHoldNoEnglishSentence() {
    // Every deduction, gate finding and condition that scoring the example portfolios and a generated cohort gives
    // is worded in Chinese without an English sentence (values the applicant wrote aside).
    for sheet in Bundled.library.sheets {
      let evaluator = Evaluator(sheet: sheet)
      let generator = PortfolioGenerator(sheet: sheet, invalidPerMille: 300)
      for number in 0..<25 {
        // Some generated records are meant not to decode; the rest are scored.
        guard let portfolio = try? Portfolio.decode(json: Array(generator.portfolio(number: number, seed: 7).utf8))
        else { continue }
        let result = evaluator.evaluate(portfolio)
        let explanation = Explanation(sheet: sheet, portfolio: portfolio, result: result, language: .zh)
        for deduction in result.deductions {
          let text = explanation.message(deduction)
          #expect(Self.englishSentence(in: text) == nil, "\(sheet.id): \(text)")
        }
        for gate in result.gates {
          for finding in gate.findings { #expect(Self.englishSentence(in: finding.text(.zh)) == nil) }
        }
        #expect(Self.englishSentence(in: explanation.gapSentence() ?? "") == nil)
      }
    }
  }

  @Test func textWrapsByDisplayWidthAndCutsWithAnEllipsis() {
    let chinese = String(repeating: "中", count: 30)
    let wrapped = DisplayWidth.wrapped(chinese, to: 20, indent: "  ")
    #expect(wrapped.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 20 })
    #expect(wrapped.replacingOccurrences(of: "\n  ", with: "") == chinese)
    let words = DisplayWidth.wrapped("the quick brown fox jumps over the lazy dog", to: 15)
    #expect(words.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 15 })
    #expect(!words.split(separator: "\n").contains { $0.hasPrefix(" ") })
    #expect(DisplayWidth.truncated("嘉兴禾润新能源科技有限公司", to: 10) == "嘉兴禾润…")
    #expect(DisplayWidth.truncated("short", to: 10) == "short")
  }
}
