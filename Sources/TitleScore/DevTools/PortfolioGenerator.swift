import Foundation

/// Writes realistic synthetic portfolios for a sheet: varied education, titles, hours and achievements of the kinds
/// the sheet scores, and, on request, a share of invalid records. The same seed always gives the same text.
package struct PortfolioGenerator: Sendable {
  /// A record kind the sheet scores, with the levels and ranks its rows name.
  struct RecordKind: Sendable {
    var type: String
    var levels: [String]
    var maxRank: Int
  }

  let sheet: Scoresheet
  let kinds: [RecordKind]
  let ceYears: [Int]
  /// Items the reviewer decides within a range, with their allowed values.
  let assessedItems: [(id: String, values: [Points])]
  let assessmentYears: [Int]
  /// The share of records written invalid, in thousandths.
  let invalidPerMille: Int

  private static let surnames = Array(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤")
  private static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红娥玲芬燕彬鹏辉俊峰建国志浩宇晨欣怡佳琪")
  private static let employerStems = [
    "华能", "嘉源", "禾润", "越能", "钱江", "运河", "南湖", "海宁", "平湖", "桐乡", "秀洲", "长三角", "浙北", "东方",
  ]
  private static let employerKinds = [
    "能源有限公司", "电力工程有限公司", "新能源科技有限公司", "环境科技有限公司", "智能装备有限公司", "信息技术有限公司", "热电有限公司", "检测技术有限公司",
  ]
  private static let majors = ["电气工程及其自动化", "热能与动力工程", "环境工程", "计算机科学与技术", "机械设计制造及其自动化", "工商管理", "化学工程与工艺", "自动化"]

  /// Prepares a generator for a sheet; `invalidPerMille` records in a thousand are written invalid.
  package init(sheet: Scoresheet, invalidPerMille: Int = 0) {
    self.sheet = sheet
    self.invalidPerMille = max(0, min(1000, invalidPerMille))
    var samples = GeneratorSamples()
    for (item, _) in sheet.itemsInOrder { item.rule.kind.addSamples(to: &samples, itemID: item.id) }
    for gate in sheet.gates { gate.kind.handler.addSamples(to: &samples) }
    for selector in sheet.conditionRecordSelectors {
      samples.addRecords(types: selector.types, levels: selector.levels ?? [], maxRank: 3)
    }
    self.kinds = samples.recordKinds
    self.assessedItems = samples.assessedItems
    let ceYears = samples.continuingEducationYears ?? []
    let assessmentYears = samples.assessmentYears ?? []
    self.ceYears = ceYears.isEmpty ? Array((sheet.reviewYear - 3)...sheet.reviewYear) : ceYears
    self.assessmentYears = assessmentYears.isEmpty ? Array((sheet.reviewYear - 3)..<sheet.reviewYear) : assessmentYears
  }

  /// The portfolio with a given number, as one line of JSON (no newline).
  package func portfolio(number: Int, seed: UInt64) -> String {
    // Each portfolio's stream starts from a scrambled state, so neighbouring numbers are unrelated.
    var random = SplitMix64(
      seed: SplitMix64.scramble(seed &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(number) &* 0xC2B2_AE3D_27D4_EB4F))
    let year = sheet.reviewYear
    let id = "\(sheet.city.prefix(2).uppercased())\(year)-\(String(number + 1).leftPadded(to: 7))"
    let name =
      String(Self.surnames[random.below(Self.surnames.count)])
      + String(Self.givenNames[random.below(Self.givenNames.count)])
      + (random.below(3) == 0 ? "" : String(Self.givenNames[random.below(Self.givenNames.count)]))
    let employer =
      "\(Self.employerStems[random.below(Self.employerStems.count)])\(Self.employerKinds[random.below(Self.employerKinds.count)])"
    let graduation = year - 3 - random.below(22)
    let levels = sheet.vocabulary.educationLevels
    let level = levels.isEmpty ? "bachelor" : levels[min(levels.count - 1, random.below(levels.count))]
    let related = random.below(10) < 8
    let titleYear = graduation + 1 + random.below(max(1, year - graduation - 1))
    var text =
      "{\"id\":\"\(id)\",\"name\":\"\(name)\",\"idNumber\":\"330402\(String(19_700_000 + random.below(300_000)))\(String(random.below(10_000)).leftPadded(to: 4))\",\"phone\":\"13\(String(random.below(1_000_000_000)).leftPadded(to: 9))\""
    let sector = random.below(200) == 0 ? "civil-service" : (random.below(5) == 0 ? "public-institution" : "enterprise")
    text += ",\"employer\":{\"name\":\"\(employer)\",\"sector\":\"\(sector)\",\"city\":\"\(sheet.city)\"}"
    text += ",\"specialty\":\"\(sheet.specialties.first ?? "general")\""
    text +=
      ",\"education\":[{\"level\":\"\(level)\",\"degree\":\"\(level)\",\"major\":\"\(Self.majors[random.below(Self.majors.count)])\",\"related\":\(related),\"fullTime\":\(random.below(3) != 0),\"date\":\"\(graduation)-07-01\"}]"
    text += ",\"workStart\":\"\(graduation)-0\(1 + random.below(9))-01\""
    text += ",\"currentTitle\":{\"title\":\"assistant-engineer\",\"date\":\"\(titleYear)-12-01\"}"
    if random.below(4) == 0 {
      let skills = sheet.vocabulary.skillLevels
      if !skills.isEmpty {
        text += ",\"skill\":{\"level\":\"\(skills[random.below(skills.count)])\",\"date\":\"\(titleYear)-06-01\"}"
      }
    }
    text += ",\"continuingEducation\":{"
    text += ceYears.enumerated().map { index, ceYear in
      let total = random.below(30) == 0 ? 40 + random.below(50) : 90 + random.below(40)
      let professional = min(total, 60 + random.below(20))
      return
        "\(index == 0 ? "" : ",")\"\(ceYear)\":{\"professional\":\(professional),\"public\":\(total - professional)}"
    }.joined()
    text += "},\"assessments\":{"
    let grades = sheet.vocabulary.assessmentGrades
    text += assessmentYears.enumerated().map { index, assessmentYear in
      let grade =
        random.below(40) == 0
        ? (grades.dropLast(2).last ?? "basic-competent")
        : (random.below(4) == 0 ? (grades.last ?? "excellent") : (grades.dropLast().last ?? "competent"))
      return "\(index == 0 ? "" : ",")\"\(assessmentYear)\":\"\(grade)\""
    }.joined()
    text += "},\"records\":["
    let recordCount = kinds.isEmpty ? 0 : 3 + random.below(8)
    for index in 0..<recordCount {
      let kind = kinds[random.below(kinds.count)]
      // Most records date from the current title on; one in eight is older and falls outside the window.
      let recordYear = random.below(8) == 0 ? titleYear - 1 : titleYear + random.below(max(1, year - titleYear))
      text += index == 0 ? "{" : ",{"
      text +=
        "\"id\":\"R\(index + 1)\",\"type\":\"\(kind.type)\",\"level\":\"\(kind.levels[random.below(kind.levels.count)])\""
      // Leads and second places are common among applicants who reach a review.
      let rank = random.below(5) < 3 ? 1 + random.below(2) : 1 + random.below(kind.maxRank)
      text += ",\"rank\":\(rank),\"date\":\"\(recordYear)-\(String(1 + random.below(12)).leftPadded(to: 2))-15\""
      if random.below(15) == 0 { text += ",\"evidence\":false" }
      if random.below(12) == 0 { text += ",\"collective\":true,\"mainContributor\":\(random.below(2) == 0)" }
      if kind.type == "paper" && random.below(8) == 0 { text += ",\"status\":\"accepted\"" }
      if kind.type == "patent" && random.below(10) == 0 { text += ",\"acquired\":\"transfer\"" }
      text += ",\"title\":\"\(kind.type)-\(index + 1)\"}"
    }
    text += "]"
    if random.below(10) < 7 {
      // Most reviews have decided the assessor ranges already.
      text +=
        ",\"assessed\":{"
        + assessedItems.map { "\"\($0.id)\":\($0.values[random.below($0.values.count)])" }.joined(separator: ",") + "}"
    }
    if random.below(3) == 0 { text += ",\"claimed\":{\"total\":\(40 + random.below(50))}" }
    text += "}"
    if random.below(1000) < invalidPerMille {
      switch random.below(3) {
      case 0: return String(text.dropLast(text.count / 3))
      case 1: return text.replacingFirst("\"workStart\":\"", with: "\"workStart\":\"2021-02-30\",\"x\":\"")
      default: return text.replacingFirst("\"specialty\":", with: "\"specialty\":7,\"s\":")
      }
    }
    return text
  }
}

/// A small, fast, reproducible pseudo-random generator (SplitMix64).
struct SplitMix64 {
  private var state: UInt64

  init(seed: UInt64) {
    state = seed
  }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    return SplitMix64.scramble(state)
  }

  /// SplitMix64's output function: a bijective mix of all 64 bits.
  static func scramble(_ input: UInt64) -> UInt64 {
    var value = input
    value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE4_E5B9
    value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
    return value ^ (value >> 31)
  }

  /// A number from 0 up to, not including, `bound`.
  mutating func below(_ bound: Int) -> Int {
    Int(next() % UInt64(max(1, bound)))
  }
}

extension String {
  func leftPadded(to width: Int) -> String {
    count >= width ? self : String(repeating: "0", count: width - count) + self
  }

  func replacingFirst(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
