extension Gate {
  /// Checks the gate; findings say what is missing when it fails.
  func check(_ context: EvaluationContext, materials: MaterialInspection?) -> GateOutcome {
    var findings: [LocalizedText] = []
    switch kind {
    case .annualAssessment(let years, let minimum):
      findings = Gate.assessmentShortfalls(context, years: years, minimum: minimum)
    case .continuingEducation(let requirement):
      findings = requirement.shortfalls(in: context.facts.portfolio.continuingEducation)
    case .scope(let scope):
      findings = scope.exclusions(of: context.facts)
    case .recommendations(let minimum, let level):
      let count = context.facts.portfolio.recommendations.filter { $0.level == level }.count
      if count < minimum {
        findings.append(
          LocalizedText(
            zh: "\(level) 专家举荐 \(count) 名，需 \(minimum) 名", en: "\(count) of \(minimum) \(level) recommendations"))
      }
    case .materials(let requirement):
      findings = requirement.problems(in: context.facts.portfolio, inspection: materials)
    case .condition(let condition):
      var outcomes: [ConditionOutcome]? = []
      if !condition.holds(context, depth: 0, outcomes: &outcomes) {
        // The route's own condition and its direct parts say what is missing; deeper nodes are detail.
        for outcome in outcomes ?? [] where !outcome.met && outcome.depth <= 1 {
          let observed = outcome.observed.isEmpty ? "" : " (\(outcome.observed))"
          findings.append(
            LocalizedText(zh: "未满足：\(outcome.label.zh)\(observed)", en: "not met: \(outcome.label.en)\(observed)"))
        }
      }
    }
    return GateOutcome(gateID: id, passed: findings.isEmpty, findings: findings)
  }

  private static func assessmentShortfalls(_ context: EvaluationContext, years: [Int], minimum: String)
    -> [LocalizedText]
  {
    let grades = context.sheet.vocabulary.assessmentGrades
    let needed = grades.firstIndex(of: minimum) ?? 0
    var findings: [LocalizedText] = []
    for year in years {
      guard let grade = context.facts.portfolio.assessments[year] else {
        findings.append(LocalizedText(zh: "\(year) 年度考核缺失", en: "\(year): no annual assessment"))
        continue
      }
      guard let have = grades.firstIndex(of: grade) else {
        findings.append(LocalizedText(zh: "\(year) 年度考核结果 \(grade) 无法识别", en: "\(year): unknown grade \(grade)"))
        continue
      }
      if have < needed {
        findings.append(
          LocalizedText(
            zh: "\(year) 年度考核 \(grade)，需 \(minimum) 以上", en: "\(year): \(grade), needs \(minimum) or better"))
      }
    }
    return findings
  }
}

extension ContinuingEducationRequirement {
  /// What falls short; empty when the requirement is met (by years or by the cumulative allowance).
  func shortfalls(in log: ContinuingEducationLog) -> [LocalizedText] {
    var yearly: [LocalizedText] = []
    var cumulative = Points.zero
    var finalYearMet = true
    let kinds = perYearByKind.sorted { $0.key < $1.key }
    for year in years {
      let yearTotal = log.total(in: year)
      cumulative += yearTotal
      var yearMet = true
      if !log.hasEntries(in: year) && (perYearTotal != nil || !perYearByKind.isEmpty) {
        // Nothing recorded for the year: one finding says so, rather than one per kind.
        yearly.append(
          LocalizedText(zh: "继续教育 \(year) 年：无学时记录", en: "continuing education \(year): no \(unit) recorded"))
        if year == years.last { finalYearMet = false }
        continue
      }
      if let perYearTotal, yearTotal < perYearTotal {
        yearMet = false
        yearly.append(
          LocalizedText(
            zh: "继续教育 \(year) 年：\(yearTotal)/\(perYearTotal) \(unitZH)",
            en: "continuing education \(year): \(yearTotal) of \(perYearTotal) \(unit)"))
      }
      for (kind, needed) in kinds {
        let have = log.hours(in: year, kind: kind)
        if have < needed {
          yearMet = false
          yearly.append(
            LocalizedText(
              zh: "继续教育 \(year) 年 \(kind)：\(have)/\(needed) \(unitZH)",
              en: "continuing education \(year) \(kind): \(have) of \(needed) \(unit)"))
        }
      }
      if year == years.last { finalYearMet = yearMet }
    }
    var findings: [LocalizedText] = []
    if !yearly.isEmpty {
      if let allowance = cumulativeAllowance, cumulative >= allowance, finalYearMet || !allowanceNeedsFinalYear {
        // The cumulative allowance makes up for the short years.
      } else {
        findings = yearly
        if let allowance = cumulativeAllowance {
          findings.append(
            LocalizedText(
              zh:
                "累计 \(cumulative)/\(allowance) \(unitZH)\(allowanceNeedsFinalYear && !finalYearMet ? "，且当年学时未完成" : "")",
              en:
                "cumulative \(cumulative) of \(allowance) \(unit)\(allowanceNeedsFinalYear && !finalYearMet ? ", and the final year is incomplete" : "")"
            ))
        }
      }
    }
    if let minimum = cumulativeMinimum, cumulative < minimum {
      let span = years.isEmpty ? "" : "\(years.first!)–\(years.last!)"
      findings.append(
        LocalizedText(
          zh: "继续教育 \(span) 累计 \(cumulative)/\(minimum) \(unitZH)",
          en: "continuing education \(span): \(cumulative) of \(minimum) \(unit)"))
    }
    return findings
  }

  private var unitZH: String { unit == "credits" ? "学分" : "学时" }
}

extension ScopeRequirement {
  /// Why the applicant is out of scope; empty when in scope.
  func exclusions(of facts: ApplicantFacts) -> [LocalizedText] {
    var findings: [LocalizedText] = []
    let specialty = facts.portfolio.specialty
    let sector = facts.portfolio.employer.sector
    let residency = facts.portfolio.residency
    if let specialties, !specialties.contains(specialty) {
      findings.append(
        LocalizedText(
          zh: "专业 \(specialty) 不在评审范围", en: "specialty \(specialty) is not reviewed here"))
    }
    if excludedSpecialties.contains(specialty) {
      findings.append(
        LocalizedText(
          zh: "专业 \(specialty) 被排除在本次评审之外",
          en: "specialty \(specialty) is excluded from this review"))
    }
    if excludedSectors.contains(sector) {
      findings.append(
        LocalizedText(
          zh: "\(sector) 人员不得参加职称评审", en: "\(sector) staff may not apply"))
    }
    if let allowed = self.residency, !allowed.contains(residency) {
      findings.append(
        LocalizedText(zh: "身份 \(residency) 不在申报范围", en: "residency \(residency) may not apply"))
    }
    return findings
  }
}

extension MaterialRequirement {
  /// Problems with the materials; empty when they pass or were not inspected. A portfolio without an ID photo is
  /// not a problem: the platform then uses the identity-card photo (临平 附件2 二.1).
  func problems(in portfolio: Portfolio, inspection: MaterialInspection?) -> [LocalizedText] {
    guard let inspection else { return [] }
    var findings: [LocalizedText] = []
    if attachmentsMustExist {
      for index in inspection.missingAttachments {
        let path = portfolio.attachments[index].path
        findings.append(LocalizedText(zh: "附件缺失：\(path)", en: "attachment missing: \(path)"))
      }
    }
    if let rule = idPhoto, let photo = inspection.photo {
      if !rule.extensions.contains(photo.fileExtension) {
        findings.append(LocalizedText(zh: "证件照须为 JPG/JPEG 格式", en: "ID photo must be JPG or JPEG"))
      }
      if photo.bytes <= rule.minBytesExclusive || photo.bytes >= rule.maxBytesExclusive {
        findings.append(
          LocalizedText(
            zh: "证件照大小 \(photo.bytes) 字节，须大于 \(rule.minBytesExclusive) 且小于 \(rule.maxBytesExclusive)",
            en:
              "ID photo is \(photo.bytes) bytes; must be over \(rule.minBytesExclusive) and under \(rule.maxBytesExclusive)"
          ))
      }
      if let pixels = photo.pixels {
        if pixels.width < rule.minWidth || pixels.height < rule.minHeight {
          findings.append(
            LocalizedText(
              zh: "证件照 \(pixels.width)×\(pixels.height) 像素，须不小于 \(rule.minWidth)×\(rule.minHeight)",
              en:
                "ID photo is \(pixels.width)×\(pixels.height) pixels; needs at least \(rule.minWidth)×\(rule.minHeight)"
            ))
        }
        // Compare width/height with the bounds exactly: width × scale against bound × height.
        let ratio = Int64(pixels.width) * Points.scale
        if ratio < rule.minAspect.units * Int64(pixels.height) || ratio > rule.maxAspect.units * Int64(pixels.height) {
          findings.append(
            LocalizedText(
              zh: "证件照宽高比须在 \(rule.minAspect) 与 \(rule.maxAspect) 之间",
              en: "ID photo width/height must be between \(rule.minAspect) and \(rule.maxAspect)"))
        }
      } else {
        findings.append(LocalizedText(zh: "证件照不是可读取的 JPEG 图像", en: "ID photo is not a readable JPEG image"))
      }
    }
    return findings
  }
}
