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

/// An honour held, such as a model-worker title, and when it was received.
public struct Honour: Hashable, Sendable, ExpressibleByStringLiteral {
  /// The honour's code, e.g. `county-model-worker`.
  public var code: String
  /// The date received; a condition that counts honours only since the current title needs it.
  public var date: Day?

  /// An honour with its code and, where known, the date received.
  public init(_ code: String, date: Day? = nil) {
    self.code = code
    self.date = date
  }

  /// An honour written as its code alone.
  public init(stringLiteral code: String) {
    self.init(code)
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

  /// An employer; the sector defaults to `enterprise`.
  public init(name: String, sector: String = "enterprise", city: String = "") {
    self.name = name
    self.sector = sector
    self.city = city
  }
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

  /// An education record; the major counts as related and full-time unless said otherwise.
  public init(
    level: String, degree: String? = nil, major: String = "", related: Bool = true, fullTime: Bool = true, date: Day
  ) {
    self.level = level
    self.degree = degree
    self.major = major
    self.related = related
    self.fullTime = fullTime
    self.date = date
  }
}

/// A professional title held.
public struct TitleRecord: Hashable, Sendable {
  /// The title, e.g. `assistant-engineer`.
  public var title: String
  /// Date of appointment (聘任).
  public var date: Day
  /// Whether the appointment is still held in the review year (申报当年须在聘); true unless the portfolio says not.
  public var heldInReviewYear: Bool

  /// A title held since its date of appointment.
  public init(title: String, date: Day, heldInReviewYear: Bool = true) {
    self.title = title
    self.date = date
    self.heldInReviewYear = heldInReviewYear
  }
}

/// A skill qualification held.
public struct SkillRecord: Hashable, Sendable {
  /// The level, e.g. `technician`.
  public var level: String
  /// Date obtained.
  public var date: Day

  /// A skill level held since a date.
  public init(level: String, date: Day) {
    self.level = level
    self.date = date
  }
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
  /// The applicant's authorship of a paper or book: `sole` (独著), `first`, `co`; nil when not stated.
  public var authorship: String?
  /// The characters the applicant wrote of a book (本人撰写部分字数); nil when not stated.
  public var characters: Int?
  /// Whether the certificate or the awarding body names the applicant a main winner (主要获得者); nil when not
  /// stated.
  public var mainWinner: Bool?
  /// What a reviewer found wrong with the record's material (unclear, incomplete, non-standard), if anything.
  public var material: MaterialIssue?

  /// A record with the defaults of the portfolio format: one item, completed, with evidence, not collective.
  public init(
    id: String, type: String, level: String? = nil, rank: Int? = nil, count: Int = 1, date: Day,
    status: String = "completed", evidence: Bool = true, collective: Bool = false, mainContributor: Bool = true,
    acquired: String = "original", assessedPoints: Points? = nil, title: String = "", authorship: String? = nil,
    characters: Int? = nil, mainWinner: Bool? = nil, material: MaterialIssue? = nil
  ) {
    self.id = id
    self.type = type
    self.level = level
    self.rank = rank
    self.count = count
    self.date = date
    self.status = status
    self.evidence = evidence
    self.collective = collective
    self.mainContributor = mainContributor
    self.acquired = acquired
    self.assessedPoints = assessedPoints
    self.title = title
    self.authorship = authorship
    self.characters = characters
    self.mainWinner = mainWinner
    self.material = material
  }
}

/// A reviewer's finding on a record's material (申报材料不清楚、不完整、不规范), graded by severity; the sheet says what
/// each severity costs.
public struct MaterialIssue: Hashable, Sendable {
  /// `unclear`, `incomplete` or `non-standard`.
  public var problem: String
  /// A severity the sheet names, e.g. `minor`, `major`, `severe`.
  public var severity: String

  /// A finding on a record's material.
  public init(problem: String, severity: String) {
    self.problem = problem
    self.severity = severity
  }
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
