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
