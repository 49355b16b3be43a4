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
  /// Continuing-education hours by year and kind.
  public var continuingEducation: ContinuingEducationLog
  /// Annual assessment grade by year.
  public var assessments: AssessmentLog
  /// Honours held (`provincial-technical-expert` and so on).
  public var honours: [String]
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

/// An employer.
public struct Employer: Hashable, Sendable {
  /// The unit's name.
  public var name: String
  /// `enterprise`, `public-institution`, `civil-service` or `civil-service-managed`.
  public var sector: String
  /// The city or district, e.g. `jiaxing`.
  public var city: String
}

/// One education record.
public struct EducationRecord: Hashable, Sendable {
  /// The level (`bachelor` …) or a technical-school class (`senior-worker-class` …).
  public var level: String
  /// The degree awarded with it, if any (`bachelor`, `master`, `doctorate`, `double`).
  public var degree: String?
  /// The major's name.
  public var major: String
  /// Whether the major is related to the specialty applied in.
  public var related: Bool
  /// Full-time study rather than in-service.
  public var fullTime: Bool
  /// Date of graduation.
  public var date: Day
}

/// A professional title held.
public struct TitleRecord: Hashable, Sendable {
  /// The title, e.g. `assistant-engineer`.
  public var title: String
  /// Date of appointment (聘任).
  public var date: Day
}

/// A skill qualification held.
public struct SkillRecord: Hashable, Sendable {
  /// The level, e.g. `technician`.
  public var level: String
  /// Date obtained.
  public var date: Day
}

/// An achievement: a project, paper, patent, award, standard, certificate.
public struct AchievementRecord: Hashable, Sendable {
  /// Id, unique in the portfolio.
  public var id: String
  /// The record type, e.g. `research-project`.
  public var type: String
  /// The level, e.g. `provincial`, `class-1`.
  public var level: String?
  /// The applicant's rank among contributors, 1 for the lead.
  public var rank: Int?
  /// How many items the record stands for (n in the tables).
  public var count: Int
  /// The date obtained or completed.
  public var date: Day
  /// `completed`, `published`, `accepted` (not yet published), `granted`.
  public var status: String
  /// Evidence is attached.
  public var evidence: Bool
  /// The work was collective.
  public var collective: Bool
  /// Evidence shows the applicant as a main contributor.
  public var mainContributor: Bool
  /// `original`, or `transfer` for a patent obtained by transfer.
  public var acquired: String
  /// Points the reviewer decided for a ranged row, if decided.
  public var assessedPoints: Points?
  /// The record's own title, for explanations.
  public var title: String
}

/// An expert recommendation.
public struct Recommendation: Hashable, Sendable {
  /// The expert's name.
  public var expert: String
  /// The expert's title level, e.g. `full-senior`.
  public var level: String
}

/// A file attached to the application.
public struct Attachment: Hashable, Sendable {
  /// `id-photo`, `degree-certificate` …
  public var kind: String
  /// Path relative to the portfolio file.
  public var path: String
}

/// The applicant's own self-score as on the paper form.
public struct ClaimedScore: Hashable, Sendable {
  /// The claimed total.
  public var total: Points?
  /// Claimed points by item id.
  public var items: [String: Points]
}
