/// Who may apply: specialties in or out of scope, excluded sectors, allowed residency statuses.
package struct ScopeRequirement: Hashable, Sendable {
  /// If given, only these specialties may apply.
  package var specialties: [String]?
  /// Specialties never accepted (exam-based ones such as computer technology and software).
  package var excludedSpecialties: [String]
  /// Sectors never accepted (civil servants).
  package var excludedSectors: [String]
  /// If given, only these residency statuses may apply.
  package var residency: [String]?

  /// Creates the requirement.
  package init(
    specialties: [String]? = nil, excludedSpecialties: [String] = [], excludedSectors: [String] = [],
    residency: [String]? = nil
  ) {
    self.specialties = specialties
    self.excludedSpecialties = excludedSpecialties
    self.excludedSectors = excludedSectors
    self.residency = residency
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
