/// A fact name resolved once, when the sheet is read, so that reading a fact while scoring is a switch on a small
/// enum rather than a comparison against every known name.
enum FactKey: Hashable, Sendable {
  case educationLevel, educationRelated, educationFullTime, degreeLevel, educationHighestAny
  case yearsSinceGraduation, yearsSinceLatestEducation, yearsProfessional, yearsCurrentTitle, yearsSkill
  case yearsEnterprise
  case titleCurrent, skillLevel, sector, residency, specialty, city
  /// `application.NAME`: a fact of the application in the portfolio.
  case application(String)
  /// `facts.NAME`: a further fact in the portfolio.
  case facts(String)
  /// A name the engine does not know; it never has a value.
  case unknown

  /// Resolves a fact name as sheets write it.
  init(_ name: String) {
    switch name {
    case "education.level": self = .educationLevel
    case "education.related": self = .educationRelated
    case "education.fullTime": self = .educationFullTime
    case "degree.level": self = .degreeLevel
    case "education.highestAny": self = .educationHighestAny
    case "years.sinceGraduation": self = .yearsSinceGraduation
    case "years.sinceLatestEducation": self = .yearsSinceLatestEducation
    case "years.professional": self = .yearsProfessional
    case "years.currentTitle": self = .yearsCurrentTitle
    case "years.skill": self = .yearsSkill
    case "years.enterprise": self = .yearsEnterprise
    case "title.current": self = .titleCurrent
    case "skill.level": self = .skillLevel
    case "sector": self = .sector
    case "residency": self = .residency
    case "specialty": self = .specialty
    case "city": self = .city
    default:
      if name.hasPrefix("application.") {
        self = .application(String(name.dropFirst("application.".count)))
      } else if name.hasPrefix("facts.") {
        self = .facts(String(name.dropFirst("facts.".count)))
      } else {
        self = .unknown
      }
    }
  }
}

extension FactKey {
  /// The portfolio field a fact is read from (`years.professional` from `workStart`), for naming what a portfolio
  /// leaves out; nil for a fact with no field of its own.
  var portfolioField: String? {
    switch self {
    case .educationLevel, .educationRelated, .educationFullTime, .degreeLevel, .educationHighestAny,
      .yearsSinceGraduation, .yearsSinceLatestEducation:
      return "education"
    case .yearsProfessional: return "workStart"
    case .yearsCurrentTitle, .titleCurrent: return "currentTitle"
    case .yearsSkill, .skillLevel: return "skill"
    case .yearsEnterprise: return "enterpriseYears"
    case .sector: return "employer"
    case .residency: return "residency"
    case .specialty: return "specialty"
    case .city: return "employer"
    case .application: return "application"
    case .facts: return "facts"
    case .unknown: return nil
    }
  }

  /// The closed list a fact's text values come from, for naming them; nil for a number, a flag or an open value.
  var list: Glossary.List? {
    switch self {
    case .educationLevel, .educationHighestAny: return .educationLevel
    case .degreeLevel: return .degree
    case .titleCurrent: return .title
    case .skillLevel: return .skillLevel
    case .sector: return .sector
    case .residency: return .residency
    case .specialty: return .specialty
    case .city: return .city
    default: return nil
    }
  }
}
