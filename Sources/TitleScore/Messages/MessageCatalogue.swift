/// The one place messages are worded: a Chinese and an English template for every `MessageKey`, with `{0}`, `{1}` …
/// where the message's arguments go. The switch is exhaustive, so a key without wording does not compile; the
/// catalogue tests word every key in both languages.
public enum MessageCatalogue {
  /// A message worded in a language.
  public static func text(_ message: Message, _ language: Language) -> String {
    fill(template(message.key, language), with: message.arguments, language: language)
  }

  /// The template of a key in a language.
  public static func template(_ key: MessageKey, _ language: Language) -> String {
    let (zh, en) = templates(key)
    return language == .zh ? zh : en
  }

  /// Puts the arguments into a template's `{n}` places; a place without an argument stays as written.
  static func fill(_ template: String, with arguments: [MessageArgument], language: Language) -> String {
    guard !arguments.isEmpty, template.contains("{") else { return template }
    var result = ""
    var rest = Substring(template)
    while let open = rest.firstIndex(of: "{") {
      result += rest[..<open]
      let afterOpen = rest.index(after: open)
      guard let close = rest[afterOpen...].firstIndex(of: "}"), let index = Int(rest[afterOpen..<close]),
        index < arguments.count
      else {
        result.append("{")
        rest = rest[afterOpen...]
        continue
      }
      result += arguments[index].text(language)
      rest = rest[rest.index(after: close)...]
    }
    return result + rest
  }

  // swift-format-ignore
  private static func templates(_ key: MessageKey) -> (zh: String, en: String) {
    switch key {
    case .wordHours: return ("学时", "hours")
    case .wordCredits: return ("学分", "credits")
    case .wordNotStated: return ("未注明", "not stated")
    case .wordApplication: return ("申报", "application")
    case .wordUnclear: return ("不清楚", "unclear")
    case .wordIncomplete: return ("不完整", "incomplete")
    case .wordNonStandard: return ("不规范", "non-standard")
    case .wordJsonObject: return ("对象", "an object")
    case .wordJsonArray: return ("数组", "an array")
    case .wordJsonString: return ("文本", "a string")
    case .wordJsonNumber: return ("数字", "a number")
    case .wordJsonBoolean: return ("布尔值", "a boolean")
    case .wordJsonNull: return ("null", "null")
    case .wordExpectString: return ("文本", "a string")
    case .wordExpectBoolean: return ("true 或 false", "true or false")
    case .wordExpectInteger: return ("整数", "a whole number")
    case .wordExpectNumber: return ("数字", "a number")
    case .wordExpectScalar: return ("布尔值、文本或数字", "a boolean, a text or a number")
    case .wordExpectObject: return ("对象", "an object")
    case .wordExpectArray: return ("数组", "an array")
    case .wordExpectTotal: return ("总分", "a total")
    case .wordExpectVerdict: return ("结论", "a verdict")
    case .wordExpectExactPoints: return ("确定分值", "exact points")
    case .wordExpectMinMax: return ("{min, max}", "{min, max}")
    case .verdictPass: return ("达到申报条件", "pass")
    case .verdictBelowThreshold: return ("未达分数线", "below threshold")
    case .verdictCriteriaNotMet: return ("条件不足", "criteria not met")
    case .verdictIneligible: return ("不符合申报资格", "ineligible")
    case .reasonOutsideWindow: return ("不在有效期内", "outside the window")
    case .reasonNoEvidence: return ("无佐证材料", "no evidence")
    case .reasonNotMainContributor: return ("非主要贡献者", "not main contributor")
    case .reasonPatentTransferred: return ("受让专利", "transferred patent")
    case .reasonNotPublished: return ("录用未见刊", "not published")
    case .reasonCapReached: return ("超过上限", "cap reached")
    case .reasonSharedCapReached: return ("“其他”累计超限", "shared cap reached")
    case .reasonUnrelatedMajor: return ("专业不相关", "unrelated major")
    case .reasonGateFailed: return ("控制项未通过", "control item failed")
    case .reasonMissingField: return ("缺少信息", "missing field")
    case .reasonNoMatchingRow: return ("无对应计分档", "no matching row")
    case .reasonNotHigherItem: return ("两项取高", "not the higher item")
    case .reasonAssessedOutOfRange: return ("评委赋分越界", "assessor value out of range")
    case .reasonConditionNotMet: return ("条件未满足", "condition not met")
    case .reasonUnknownClaimedItem: return ("自评项目不存在", "unknown claimed item")
    case .reasonClaimAboveTable: return ("自评高于计分标准", "claim above the table")
    case .reasonAuthorshipNotAccepted: return ("非独著", "not sole author")
    case .reasonTooFewCharacters: return ("撰写字数不足", "too few characters")
    case .reasonNotMainWinner: return ("非主要获得者", "not a main winner")
    case .reasonMaterialDeficient: return ("材料不清楚/不完整/不规范", "deficient material")
    case .reasonValueOutsideVocabulary: return ("取值不在词表中", "value outside the vocabulary")
    case .findingAssessmentMissing: return ("{0} 年度考核缺失", "{0}: no annual assessment")
    case .findingAssessmentUnknown: return ("{0} 年度考核结果 {1} 无法识别", "{0}: unknown grade {1}")
    case .findingAssessmentBelow: return ("{0} 年度考核 {1}，需 {2} 以上", "{0}: {1}, needs {2} or better")
    case .findingHoursNotRecorded: return ("继续教育 {0} 年：无{1}记录", "continuing education {0}: no {1} recorded")
    case .findingHoursShort: return ("继续教育 {0} 年：{1}/{2} {3}", "continuing education {0}: {1} of {2} {3}")
    case .findingKindHoursShort: return ("继续教育 {0} 年 {1}：{2}/{3} {4}", "continuing education {0} {1}: {2} of {3} {4}")
    case .findingCumulativeHoursShort: return ("累计 {0}/{1} {2}", "cumulative {0} of {1} {2}")
    case .findingCumulativeHoursShortFinalYear: return ("累计 {0}/{1} {2}，且当年学时未完成", "cumulative {0} of {1} {2}, and the final year is incomplete")
    case .findingSpanHoursShort: return ("继续教育 {0}–{1} 累计 {2}/{3} {4}", "continuing education {0}–{1}: {2} of {3} {4}")
    case .findingSpecialtyNotReviewed: return ("专业 {0} 不在评审范围", "specialty {0} is not reviewed here")
    case .findingSpecialtyExcluded: return ("专业 {0} 被排除在本次评审之外", "specialty {0} is excluded from this review")
    case .findingSectorExcluded: return ("{0} 人员不得参加职称评审", "{0} staff may not apply")
    case .findingResidencyExcluded: return ("身份 {0} 不在申报范围", "residency {0} may not apply")
    case .findingRecommendationsShort: return ("{2} 专家举荐 {0} 名，需 {1} 名", "{0} of {1} {2} recommendations")
    case .findingAttachmentMissing: return ("附件缺失：{0}", "attachment missing: {0}")
    case .findingPhotoFormat: return ("证件照须为 JPG/JPEG 格式", "ID photo must be JPG or JPEG")
    case .findingPhotoBytes: return ("证件照大小 {0} 字节，须大于 {1} 且小于 {2}", "ID photo is {0} bytes; must be over {1} and under {2}")
    case .findingPhotoPixels: return ("证件照 {0}×{1} 像素，须不小于 {2}×{3}", "ID photo is {0}×{1} pixels; needs at least {2}×{3}")
    case .findingPhotoAspect: return ("证件照宽高比须在 {0} 与 {1} 之间", "ID photo width/height must be between {0} and {1}")
    case .findingPhotoUnreadable: return ("证件照不是可读取的 JPEG 图像", "ID photo is not a readable JPEG image")
    case .findingConditionNotMet: return ("未满足：{0}", "not met: {0}")
    case .findingConditionNotMetObserved: return ("未满足：{0}（{1}）", "not met: {0} ({1})")
    case .findingAppointmentNotHeld: return ("现职 {0} 申报当年（{1} 年）未在聘", "the current title {0} is not held in {1}")
    case .conditionAll: return ("同时满足", "all of")
    case .conditionAny: return ("满足其一", "any of")
    case .conditionAtLeastOf: return ("{1}项中至少{0}项", "at least {0} of {1}")
    case .conditionNot: return ("不满足", "not")
    case .conditionFact: return ("{0} {1}", "{0} {1}")
    case .conditionRecords: return ("{0} 不少于{1}项", "at least {1} {0}")
    case .conditionHonour: return ("荣誉：{0}", "honour: {0}")
    case .conditionHonourSinceTitle: return ("任现职以来获荣誉：{0}", "honour since the current title: {0}")
    case .conditionRelatedWork: return ("{0} 毕业后从事本专业或相近专业工作 {1} 年以上", "{1} years of related work after {0}")
    case .conditionSumOf: return ("{0} 合计不少于 {1}", "{0} ≥ {1}")
    case .conditionRecommendations: return ("{0} 专家举荐不少于{1}名", "at least {1} {0} recommendations")
    case .conditionAlways: return ("总是", "always")
    case .deductionOutsideWindowBefore: return ("{0}：取得日期 {1} 早于现职聘任日期 {2}，不计分", "{0}: dated {1}, before the current title ({2}); not counted")
    case .deductionOutsideWindowAfter: return ("{0}：取得日期 {1} 晚于截止日期 {2}，不计分", "{0}: dated {1}, after the cut-off {2}; not counted")
    case .deductionNoEvidence: return ("{0}：未上传佐证材料，不计分", "{0}: no evidence attached; not counted")
    case .deductionNotMainContributor: return ("{0}：集体项目未提供本人系主要贡献者依据，不计分", "{0}: collective work without evidence of being a main contributor; not counted")
    case .deductionPatentTransferred: return ("{0}：通过专利权转让并变更发明人取得，不予认可", "{0}: patent obtained by transfer with the inventor changed; not recognised")
    case .deductionNotPublished: return ("{0}：论文已录用未见刊，不作为有效业绩", "{0}: accepted but not yet published; not a valid achievement")
    case .deductionCapReached: return ("{0}：超过上限 {1} 分", "{0}: above its cap of {1}")
    case .deductionSharedCapReached: return ("{0}：{1} 累计最高 {2} 分", "{0}: {1} together at most {2}")
    case .deductionUnrelatedMajor: return ("{0}：所学专业与申报专业不一致或不相近，按较低的相关学历计（{1}）", "{0}: degree in an unrelated major not counted; the highest related one is scored ({1})")
    case .deductionGateFailed: return ("{0}：控制项未通过（{1}）", "{0}: control item failed ({1})")
    case .deductionPublicityDateMissing: return ("未填写单位公示首日（publicityDate）：学历和业绩材料原则上截止至公示首日，现暂按 {0} 计算，须补填核实", "no first day of unit publicity (publicityDate): education and achievements count up to it; counted to {0} for now, to be confirmed")
    case .deductionMissingField: return ("{0}：缺少 {1}，无法计分", "{0}: {1} missing; cannot score")
    case .deductionRecordTypeUnscored: return ("{0}：本表无此类业绩的计分项（{1}）", "{0}: this sheet does not score this kind of record ({1})")
    case .deductionNoMatchingRow: return ("{0}：不符合任何计分档次（{1}）", "{0}: matches no row of the table ({1})")
    case .deductionNotHigherItem: return ("{0}：两项取高，按 {1} 计分", "{0}: only the higher item counts ({1})")
    case .deductionAssessedOutOfRange: return ("{0}：评审赋分超出允许范围，忽略（{1}）", "{0}: the assessor's value is outside the allowed range and was ignored ({1})")
    case .deductionConditionNotMet: return ("条件未满足：{0}", "condition not met: {0}")
    case .deductionConditionNotMetObserved: return ("条件未满足：{0}（{1}）", "condition not met: {0} ({1})")
    case .deductionUnknownClaimedItem: return ("{0}：自评表中的项目不在本评分表中", "{0}: claimed item is not in this sheet")
    case .deductionClaimAboveTable: return ("{0}：自评分高于计分标准对所交材料的赋分（{1}）", "{0}: claimed more than the table gives for the material submitted ({1})")
    case .deductionAuthorshipNotAccepted: return ("{0}：须为独著，本人署名情况为 {1}，不计入", "{0}: must be sole-authored; authorship is {1}; not counted")
    case .deductionTooFewCharacters: return ("{0}：本人撰写部分 {1} 字，少于要求，不计入", "{0}: the applicant wrote {1} characters, fewer than required; not counted")
    case .deductionNotMainWinner: return ("{0}：获奖证书或颁奖单位证明未显示本人为主要获得者，不计入", "{0}: the certificate does not name the applicant a main winner; not counted")
    case .deductionMaterialPointsOff: return ("{0}：申报材料{1}（{2}），扣 {3} 分", "{0}: material {1} ({2}); {3} off")
    case .deductionMaterialNotCounted: return ("{0}：申报材料{1}（{2}），不计分", "{0}: material {1} ({2}); not counted")
    case .deductionMaterialToCommittee: return ("{0}：申报材料{1}（{2}），由评委酌情处理", "{0}: material {1} ({2}); left to the committee")
    case .deductionValueOutsideVocabulary: return ("{0}：{1} 不在本表词表中，按无此项处理", "{0}: {1} is not in this sheet's vocabulary; treated as absent")
    case .explanationRow: return ("第{0}行", "row {0}")
    case .explanationModelledNotice: return ("注意：本评分表有 {0} 项为模型值（依已知结构建模，非官方原表数值），须对照《{1}》原文核实后方可作为正式依据。", "Note: {0} of this sheet's values are modelled on the known structure, not read from the official table; confirm them against {1} before relying on them.")
    case .explanationGapIneligible: return ("控制项未通过，分数不能弥补；请先满足控制项。", "A control item failed; points cannot make up for it. Meet the control items first.")
    case .explanationGapMet: return ("已达到分数线 {0} 分，余量 {1} 分。", "At or above the threshold of {0}, with {1} to spare.")
    case .explanationGapShort: return ("距分数线 {1} 分还差 {0} 分；用 `titlescore plan` 查看最少需补充的业绩。", "{0} short of the threshold of {1}; `titlescore plan` lists the fewest achievements that close the gap.")
    }
  }
}
