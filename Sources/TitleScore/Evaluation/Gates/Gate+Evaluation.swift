extension Node<Gate> {
  /// Checks the gate; findings say what is missing when it fails. The gate is read in place (see `Node`).
  func check(_ context: borrowing EvaluationContext, materials: MaterialInspection?) -> GateOutcome {
    var findings: [GateFinding] = []
    switch value.kind {
    case .annualAssessment(let years, let minimum):
      findings = Self.assessmentShortfalls(context, years: years, minimum: minimum)
    case .continuingEducation(let requirement):
      findings = requirement.shortfalls(in: context.facts.portfolio.continuingEducation)
    case .scope(let scope):
      findings = scope.exclusions(of: context.facts)
    case .recommendations(let minimum, let level):
      let count = context.facts.portfolio.recommendations.filter { $0.level == level }.count
      if count < minimum {
        findings.append(.recommendationsShort(count: count, minimum: minimum, level: level))
      }
    case .materials(let requirement):
      findings = requirement.problems(in: context.facts.portfolio, inspection: materials)
    case .currentAppointment:
      if let title = context.facts.portfolio.currentTitle, !title.heldInReviewYear {
        findings.append(.appointmentNotHeld(title: title.title, year: context.sheet.reviewYear))
      }
    case .condition(let condition):
      var outcomes: [ConditionOutcome]? = []
      if !condition.holds(context, depth: 0, outcomes: &outcomes) {
        // The route's own condition and its direct parts say what is missing; deeper nodes are detail.
        for outcome in outcomes ?? [] where !outcome.met && outcome.depth <= 1 {
          findings.append(.conditionNotMet(label: outcome.label, observed: outcome.observed))
        }
      }
    }
    return GateOutcome(gateID: value.id, passed: findings.isEmpty, findings: findings)
  }

  private static func assessmentShortfalls(_ context: borrowing EvaluationContext, years: [Int], minimum: String)
    -> [GateFinding]
  {
    let grades = context.sheet.vocabulary.assessmentGrades
    let needed = grades.firstIndex(of: minimum) ?? 0
    var findings: [GateFinding] = []
    for year in years {
      guard let grade = context.facts.portfolio.assessments[year] else {
        findings.append(.assessmentMissing(year: year))
        continue
      }
      guard let have = grades.firstIndex(where: { $0.isSameText(as: grade) }) else {
        findings.append(.assessmentUnknown(year: year, grade: grade))
        continue
      }
      if have < needed {
        findings.append(.assessmentBelow(year: year, grade: grade, minimum: minimum))
      }
    }
    return findings
  }
}

extension ContinuingEducationRequirement {
  /// What falls short; empty when the requirement is met (by years or by the cumulative allowance).
  func shortfalls(in log: ContinuingEducationLog) -> [GateFinding] {
    var yearly: [GateFinding] = []
    var cumulative = Points.zero
    var finalYearMet = true
    let kinds = perYearByKind.sorted { $0.key < $1.key }
    for year in years {
      let yearTotal = log.total(in: year)
      cumulative += yearTotal
      var yearMet = true
      if !log.hasEntries(in: year) && (perYearTotal != nil || !perYearByKind.isEmpty) {
        // Nothing recorded for the year: one finding says so, rather than one per kind.
        yearly.append(.hoursNotRecorded(year: year, unit: unit))
        if year == years.last { finalYearMet = false }
        continue
      }
      if let perYearTotal, yearTotal < perYearTotal {
        yearMet = false
        yearly.append(.hoursShort(year: year, have: yearTotal, needed: perYearTotal, unit: unit))
      }
      for (kind, needed) in kinds {
        let have = log.hours(in: year, kind: kind)
        if have < needed {
          yearMet = false
          yearly.append(.kindHoursShort(year: year, kind: kind, have: have, needed: needed, unit: unit))
        }
      }
      if year == years.last { finalYearMet = yearMet }
    }
    var findings: [GateFinding] = []
    if !yearly.isEmpty {
      if let allowance = cumulativeAllowance, cumulative >= allowance, finalYearMet || !allowanceNeedsFinalYear {
        // The cumulative allowance makes up for the short years.
      } else {
        findings = yearly
        if let allowance = cumulativeAllowance {
          findings.append(
            .cumulativeShort(
              total: cumulative, allowance: allowance, unit: unit,
              finalYearIncomplete: allowanceNeedsFinalYear && !finalYearMet))
        }
      }
    }
    if let minimum = cumulativeMinimum, cumulative < minimum {
      findings.append(
        .spanShort(firstYear: years.first, lastYear: years.last, total: cumulative, minimum: minimum, unit: unit))
    }
    return findings
  }
}

extension ScopeRequirement {
  /// Why the applicant is out of scope; empty when in scope.
  func exclusions(of facts: ApplicantFacts) -> [GateFinding] {
    var findings: [GateFinding] = []
    let specialty = facts.portfolio.specialty
    let sector = facts.portfolio.employer.sector
    let residency = facts.portfolio.residency
    if let specialties, !specialties.contains(specialty) {
      findings.append(.specialtyNotReviewed(specialty))
    }
    if excludedSpecialties.contains(specialty) {
      findings.append(.specialtyExcluded(specialty))
    }
    if excludedSectors.contains(sector) {
      findings.append(.sectorExcluded(sector))
    }
    if let allowed = self.residency, !allowed.contains(residency) {
      findings.append(.residencyExcluded(residency))
    }
    return findings
  }
}

extension MaterialRequirement {
  /// Problems with the materials; empty when they pass or were not inspected. A portfolio without an ID photo is
  /// not a problem: the platform then uses the identity-card photo (临平 附件2 二.1).
  func problems(in portfolio: Portfolio, inspection: MaterialInspection?) -> [GateFinding] {
    guard let inspection else { return [] }
    var findings: [GateFinding] = []
    if attachmentsMustExist {
      for index in inspection.missingAttachments {
        let path = portfolio.attachments[index].path
        findings.append(.attachmentMissing(path: path))
      }
    }
    if let rule = idPhoto, let photo = inspection.photo {
      if !rule.extensions.contains(photo.fileExtension) {
        findings.append(.photoFormat)
      }
      if photo.bytes <= rule.minBytesExclusive || photo.bytes >= rule.maxBytesExclusive {
        findings.append(.photoBytes(bytes: photo.bytes, over: rule.minBytesExclusive, under: rule.maxBytesExclusive))
      }
      if let pixels = photo.pixels {
        if pixels.width < rule.minWidth || pixels.height < rule.minHeight {
          findings.append(
            .photoPixels(width: pixels.width, height: pixels.height, minWidth: rule.minWidth, minHeight: rule.minHeight)
          )
        }
        // Compare width/height with the bounds exactly: width × scale against bound × height.
        let ratio = Int64(pixels.width) * Points.scale
        if ratio < rule.minAspect.units * Int64(pixels.height) || ratio > rule.maxAspect.units * Int64(pixels.height) {
          findings.append(.photoAspect(min: rule.minAspect, max: rule.maxAspect))
        }
      } else {
        findings.append(.photoUnreadable)
      }
    }
    return findings
  }
}
