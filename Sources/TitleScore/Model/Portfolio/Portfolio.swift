/// One applicant's application: identity, education, titles, hours, assessments and achievements.
public struct Portfolio: Hashable, Sendable {
  /// Applicant id, unique in a batch.
  public var id: String
  /// Full name.
  public var name: String
  /// Identity card number; masked in public postings.
  public var idNumber: String?
  /// Telephone; masked in public postings.
  public var phone: String?
  /// The employer.
  public var employer: Employer
  /// `citizen`, `foreign-permanent` (外国人永久居留) or `hmt` (港澳台).
  public var residency: String
  /// The specialty applied in, e.g. `energy`.
  public var specialty: String
  /// Education records.
  public var education: [EducationRecord]
  /// Holds the national registered qualification for the specialty.
  public var registeredQualification: Bool
  /// Months of full-time continuing education in the specialty.
  public var retrainingMonths: Int
  /// The current professional title and since when.
  public var currentTitle: TitleRecord?
  /// The skill qualification and since when.
  public var skill: SkillRecord?
  /// The start of professional work.
  public var workStart: Day?
  /// The start of work in the specialty or a related one (从事本专业或相近专业工作), where it differs from
  /// `workStart`; related-work years after a degree count from the later of the degree and this date.
  public var relatedWorkStart: Day?
  /// For staff moved from an enterprise to a public institution (从企业调入到事业单位): whole years of related
  /// professional work in enterprises, which such staff may count towards a direct application.
  public var enterpriseYears: Int?
  /// Continuing-education hours by year and kind.
  public var continuingEducation: ContinuingEducationLog
  /// Annual assessment grade by year.
  public var assessments: AssessmentLog
  /// Honours held (`provincial-technical-expert` and so on), each with the date received where known.
  public var honours: [Honour]
  /// Achievement records.
  public var records: [AchievementRecord]
  /// Expert recommendations.
  public var recommendations: [Recommendation]
  /// Files attached to the application.
  public var attachments: [Attachment]
  /// Points the reviewer decided for assessor-range items, by item id.
  public var assessed: [String: Points]
  /// The applicant's own self-score, if the portfolio carries one.
  public var claimed: ClaimedScore?
  /// Facts about the application (`transfer`, `directRecommendation` …), read as `application.NAME`.
  public var application: [String: FactValue]
  /// Further facts the sheet may use (an exam score …), read as `facts.NAME`.
  public var facts: [String: FactValue]
  /// The first day of the unit's publicity, where achievements count up to it.
  public var publicityDate: Day?

  /// Creates an empty portfolio with an id and a name; set the rest field by field.
  public init(id: String, name: String, specialty: String) {
    self.id = id
    self.name = name
    self.specialty = specialty
    employer = Employer(name: "", sector: "enterprise", city: "")
    residency = "citizen"
    education = []
    registeredQualification = false
    retrainingMonths = 0
    continuingEducation = ContinuingEducationLog()
    assessments = AssessmentLog()
    honours = []
    records = []
    recommendations = []
    attachments = []
    assessed = [:]
    application = [:]
    facts = [:]
  }
}
