/// Continuing-education rule: hours each year, by kind, and cumulative allowances over a window.
package struct ContinuingEducationRequirement: Hashable, Sendable {
  /// The years checked.
  package var years: [Int]
  /// Each year's minimum total, if any.
  package var perYearTotal: Points?
  /// Each year's minimum by kind of course (`professional`, `public`).
  package var perYearByKind: [String: Points]
  /// A cumulative total over the years that satisfies the rule even when single years fall short.
  package var cumulativeAllowance: Points?
  /// Whether the allowance also needs the final year complete (Jiaxing 2021: "在完成今年学时的基础上").
  package var allowanceNeedsFinalYear: Bool
  /// A cumulative minimum over the years that is required (Linping: 45 credits since 2019).
  package var cumulativeMinimum: Points?
  /// `hours` or `credits`, for messages.
  package var unit: String

  /// Creates the requirement.
  package init(
    years: [Int], perYearTotal: Points?, perYearByKind: [String: Points] = [:], cumulativeAllowance: Points? = nil,
    allowanceNeedsFinalYear: Bool = false, cumulativeMinimum: Points? = nil, unit: String = "hours"
  ) {
    self.years = years
    self.perYearTotal = perYearTotal
    self.perYearByKind = perYearByKind
    self.cumulativeAllowance = cumulativeAllowance
    self.allowanceNeedsFinalYear = allowanceNeedsFinalYear
    self.cumulativeMinimum = cumulativeMinimum
    self.unit = unit
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
