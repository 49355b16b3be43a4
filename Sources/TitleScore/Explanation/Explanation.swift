/// Words a result for people: item names, what each line matched, why each deduction was made.
///
/// Evaluation records codes and values; this is the one place that turns them into Chinese or English.
public struct Explanation: Sendable {
  /// The sheet applied.
  public let sheet: Scoresheet
  /// The portfolio scored.
  public let portfolio: Portfolio
  /// The result explained.
  public let result: ScoreResult
  /// The language of the sentences.
  public let language: Language
  private let titles: [String: LocalizedText]

  /// Prepares an explanation.
  public init(sheet: Scoresheet, portfolio: Portfolio, result: ScoreResult, language: Language) {
    self.sheet = sheet
    self.portfolio = portfolio
    self.result = result
    self.language = language
    titles = Explanation.titles(of: sheet)
  }

  /// Every named thing in a sheet (categories, items, gates, shared caps, flags) by id.
  static func titles(of sheet: Scoresheet) -> [String: LocalizedText] {
    var titles: [String: LocalizedText] = [:]
    for (item, _) in sheet.itemsInOrder { titles[item.id] = item.title }
    for category in sheet.categoriesInOrder { titles[category.id] = category.title }
    for gate in sheet.gates { titles[gate.id] = gate.title }
    for cap in sheet.sharedCaps { titles[cap.id] = cap.title }
    for flag in sheet.flags { titles[flag.id] = flag.title }
    return titles
  }

  private var zh: Bool { language == .zh }

  /// The name of an item, category, gate or cap.
  public func title(_ id: String) -> String {
    titles[id]?.text(language) ?? id
  }

  /// How a record is named in an explanation: its title, or its type and date.
  public func recordLabel(_ index: Int) -> String {
    guard index < portfolio.records.count else { return "#\(index)" }
    let record = portfolio.records[index]
    let name = record.title.isEmpty ? record.type : record.title
    return "\(name) [\(record.id)]"
  }

  /// A sentence for a deduction.
  public func message(_ deduction: Deduction) -> String {
    let subject: String
    if let record = deduction.recordIndex {
      subject = recordLabel(record)
    } else if let item = deduction.itemID {
      subject = title(item)
    } else if let gate = deduction.gateID {
      subject = title(gate)
    } else {
      subject = zh ? "申报" : "application"
    }
    let detail = deduction.details.joined(separator: zh ? "，" : ", ")
    let record = deduction.recordIndex.flatMap { $0 < portfolio.records.count ? portfolio.records[$0] : nil }
    switch deduction.code {
    case .outsideWindow:
      let date = record?.date.description ?? ""
      if let from = deduction.details.first(where: { $0.hasPrefix("from=") })?.dropFirst(5) {
        return zh
          ? "\(subject)：取得日期 \(date) 早于现职聘任日期 \(from)，不计分"
          : "\(subject): dated \(date), before the current title (\(from)); not counted"
      }
      let until = deduction.details.first { $0.hasPrefix("until=") }?.dropFirst(6) ?? ""
      return zh
        ? "\(subject)：取得日期 \(date) 晚于截止日期 \(until)，不计分"
        : "\(subject): dated \(date), after the cut-off \(until); not counted"
    case .noEvidence:
      return zh ? "\(subject)：未上传佐证材料，不计分" : "\(subject): no evidence attached; not counted"
    case .notMainContributor:
      return zh
        ? "\(subject)：集体项目未提供本人系主要贡献者依据，不计分"
        : "\(subject): collective work without evidence of being a main contributor; not counted"
    case .patentTransferred:
      return zh
        ? "\(subject)：通过专利权转让并变更发明人取得，不予认可"
        : "\(subject): patent obtained by transfer with the inventor changed; not recognised"
    case .notPublished:
      return zh ? "\(subject)：论文已录用未见刊，不作为有效业绩" : "\(subject): accepted but not yet published; not a valid achievement"
    case .capReached:
      let cap = deduction.details.first { $0.hasPrefix("cap=") }?.dropFirst(4) ?? ""
      return zh ? "\(subject)：超过上限 \(cap) 分" : "\(subject): above its cap of \(cap)"
    case .sharedCapReached:
      let capID = deduction.details.first { $0.hasPrefix("cap=") }.map { String($0.dropFirst(4)) } ?? ""
      let limit = deduction.details.first { $0.hasPrefix("limit=") }?.dropFirst(6) ?? ""
      return zh ? "\(subject)：\(title(capID)) 累计最高 \(limit) 分" : "\(subject): \(title(capID)) together at most \(limit)"
    case .unrelatedMajor:
      return zh
        ? "\(subject)：所学专业与申报专业不一致或不相近，按较低的相关学历计（\(detail)）"
        : "\(subject): degree in an unrelated major not counted; the highest related one is scored (\(detail))"
    case .gateFailed:
      return zh ? "\(subject)：控制项未通过（\(detail)）" : "\(subject): control item failed (\(detail))"
    case .missingField where deduction.details.first == "publicityDate":
      let until = deduction.details.first { $0.hasPrefix("until=") }?.dropFirst(6) ?? ""
      return zh
        ? "未填写单位公示首日（publicityDate）：学历和业绩材料原则上截止至公示首日，现暂按 \(until) 计算，须补填核实"
        : "no first day of unit publicity (publicityDate): education and achievements count up to it; counted to \(until) for now, to be confirmed"
    case .missingField:
      return zh ? "\(subject)：缺少 \(detail)，无法计分" : "\(subject): \(detail) missing; cannot score"
    case .noMatchingRow:
      if deduction.itemID == nil {
        return zh
          ? "\(subject)：本表无此类业绩的计分项（\(detail)）"
          : "\(subject): this sheet does not score this kind of record (\(detail))"
      }
      return zh ? "\(subject)：不符合任何计分档次（\(detail)）" : "\(subject): matches no row of the table (\(detail))"
    case .notHigherItem:
      let kept = deduction.details.first { $0.hasPrefix("kept=") }.map { String($0.dropFirst(5)) } ?? ""
      return zh ? "\(subject)：两项取高，按 \(title(kept)) 计分" : "\(subject): only the higher item counts (\(title(kept)))"
    case .assessedOutOfRange:
      return zh
        ? "\(subject)：评审赋分超出允许范围，忽略（\(detail)）"
        : "\(subject): the assessor's value is outside the allowed range and was ignored (\(detail))"
    case .conditionNotMet:
      return zh ? "条件未满足：\(detail)" : "condition not met: \(detail)"
    case .unknownClaimedItem:
      return zh ? "\(subject)：自评表中的项目不在本评分表中" : "\(subject): claimed item is not in this sheet"
    case .claimAboveTable:
      return zh
        ? "\(subject)：自评分高于计分标准对所交材料的赋分（\(detail)）"
        : "\(subject): claimed more than the table gives for the material submitted (\(detail))"
    case .authorshipNotAccepted:
      let written = record?.authorship ?? (zh ? "未注明" : "not stated")
      return zh
        ? "\(subject)：须为独著，本人署名情况为 \(written)，不计入"
        : "\(subject): must be sole-authored; authorship is \(written); not counted"
    case .tooFewCharacters:
      let written = record?.characters.map(String.init) ?? (zh ? "未注明" : "not stated")
      return zh
        ? "\(subject)：本人撰写部分 \(written) 字，少于要求（\(detail)），不计入"
        : "\(subject): the applicant wrote \(written) characters, fewer than required (\(detail)); not counted"
    case .notMainWinner:
      return zh
        ? "\(subject)：获奖证书或颁奖单位证明未显示本人为主要获得者，不计入"
        : "\(subject): the certificate does not name the applicant a main winner; not counted"
    case .materialDeficient:
      let problem = record?.material?.problem ?? ""
      let severity = record?.material?.severity ?? ""
      let problemText = zh ? Explanation.materialProblemZH[problem] ?? problem : problem
      if let lost = deduction.lost, lost.max > .zero {
        return zh
          ? "\(subject)：申报材料\(problemText)（\(severity)），扣 \(lost) 分"
          : "\(subject): material \(problemText) (\(severity)); \(lost) off"
      }
      if deduction.details.contains("not-counted") {
        return zh
          ? "\(subject)：申报材料\(problemText)（\(severity)），不计分"
          : "\(subject): material \(problemText) (\(severity)); not counted"
      }
      return zh
        ? "\(subject)：申报材料\(problemText)（\(severity)），由评委酌情处理"
        : "\(subject): material \(problemText) (\(severity)); left to the committee"
    case .valueOutsideVocabulary:
      return zh
        ? "\(subject)：\(detail) 不在本表词表中，按无此项处理"
        : "\(subject): \(detail) is not in this sheet's vocabulary; treated as absent"
    }
  }

  /// The notices' words for the problems a reviewer may find with material (绍兴 五(一)3).
  static let materialProblemZH = ["unclear": "不清楚", "incomplete": "不完整", "non-standard": "不规范"]

  /// What a line matched, e.g. `provincial · rank 2 · n=1`.
  public func matchDescription(_ line: ScoreLine) -> String {
    var text = line.inputs.joined(separator: " ")
    if let row = line.rowIndex { text += zh ? " → 第\(row + 1)行" : " → row \(row + 1)" }
    return text
  }

  /// The sentence that says how many of a sheet's values are modelled and what to confirm them against; nil when
  /// every value is official.
  public static func modelledNotice(_ sheet: Scoresheet, language: Language) -> String? {
    let count = sheet.modelledValueCount
    guard count > 0 else { return nil }
    return language == .zh
      ? "注意：本评分表有 \(count) 项为模型值（依已知结构建模，非官方原表数值），须对照《\(sheet.document)》原文核实后方可作为正式依据。"
      : "Note: \(count) of this sheet's values are modelled on the known structure, not read from the official table; confirm them against \(sheet.document) before relying on them."
  }

  /// One sentence for the gap to the threshold.
  public func gapSentence() -> String? {
    guard let threshold = result.threshold else { return nil }
    let gap = threshold - result.total.min
    if result.verdict.kind == .ineligible {
      return zh
        ? "控制项未通过，分数不能弥补；请先满足控制项。"
        : "A control item failed; points cannot make up for it. Meet the control items first."
    }
    if gap <= .zero {
      return zh
        ? "已达到分数线 \(threshold) 分，余量 \(-gap) 分。" : "At or above the threshold of \(threshold), with \(-gap) to spare."
    }
    return zh
      ? "距分数线 \(threshold) 分还差 \(gap) 分；用 `titlescore plan` 查看最少需补充的业绩。"
      : "\(gap) short of the threshold of \(threshold); `titlescore plan` lists the fewest achievements that close the gap."
  }
}
