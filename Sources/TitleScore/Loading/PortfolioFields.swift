/// The fields of each kind of object in a portfolio, named as their keys, in the order portfolios usually give them
/// (the order `PortfolioDecoder` tries them in). `docs/portfolio.md` describes each one.
enum PortfolioFields {
  enum Portfolio: String, CaseIterable, Sendable {
    case id, name, idNumber, phone, employer, residency, specialty, education, registeredQualification
    case retrainingMonths, workStart, currentTitle, skill, publicityDate, continuingEducation, assessments, honours
    case records, recommendations, attachments, assessed, claimed, application, facts
    case relatedWorkStart, enterpriseYears
    /// The schema an editor validates the file with, as in sheets; its value is a text and is not read.
    case schema = "$schema"
  }

  enum Employer: String, CaseIterable, Sendable {
    case name, sector, city
  }

  enum Education: String, CaseIterable, Sendable {
    case level, degree, major, related, fullTime, date
  }

  enum Title: String, CaseIterable, Sendable {
    case title, date, heldInReviewYear
  }

  enum Honour: String, CaseIterable, Sendable {
    case honour, date
  }

  enum Material: String, CaseIterable, Sendable {
    case problem, severity
  }

  enum Skill: String, CaseIterable, Sendable {
    case level, date
  }

  enum Record: String, CaseIterable, Sendable {
    case id, type, level, rank, date, evidence, title, count, status, collective, mainContributor, acquired
    case assessedPoints, authorship, characters, mainWinner, material
  }

  enum Recommendation: String, CaseIterable, Sendable {
    case expert, level
  }

  enum Attachment: String, CaseIterable, Sendable {
    case kind, path
  }

  enum Claimed: String, CaseIterable, Sendable {
    case total, items
  }

  static let portfolio = JSONFields<Portfolio>()
  static let employer = JSONFields<Employer>()
  static let education = JSONFields<Education>()
  static let title = JSONFields<Title>()
  static let honour = JSONFields<Honour>()
  static let material = JSONFields<Material>()
  static let skill = JSONFields<Skill>()
  static let record = JSONFields<Record>()
  static let recommendation = JSONFields<Recommendation>()
  static let attachment = JSONFields<Attachment>()
  static let claimed = JSONFields<Claimed>()
}
