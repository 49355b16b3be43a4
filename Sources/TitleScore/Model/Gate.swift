/// A control item (控制项): failing it makes an applicant ineligible whatever the points.
public struct Gate: Hashable, Sendable {
  /// Stable id, unique in the sheet.
  public var id: String
  /// The gate's name.
  public var title: LocalizedText
  /// The clause it encodes.
  public var provenance: Provenance
  /// What it checks.
  public var kind: Kind

  /// The kinds of gate.
  public enum Kind: Hashable, Sendable {
    /// Annual assessment at least `minimum` in each listed year.
    case annualAssessment(years: [Int], minimum: String)
    /// Continuing-education hours or credits.
    case continuingEducation(ContinuingEducationRequirement)
    /// Who may apply at all: specialties, sectors, residency.
    case scope(ScopeRequirement)
    /// At least `minimum` recommendations by experts of `level`.
    case recommendations(minimum: Int, level: String)
    /// Checks of the uploaded materials that a machine can do.
    case materials(MaterialRequirement)
    /// A condition the applicant must meet, such as tenure or skill level on a criteria route.
    case condition(Condition)
    /// The current appointment is held in the review year (申报当年须在聘); an applicant without a current title
    /// passes.
    case currentAppointment
  }
}

/// Continuing-education rule: hours each year, by kind, and cumulative allowances over a window.
public struct ContinuingEducationRequirement: Hashable, Sendable {
  /// The years checked.
  public var years: [Int]
  /// Each year's minimum total, if any.
  public var perYearTotal: Points?
  /// Each year's minimum by kind of course (`professional`, `public`).
  public var perYearByKind: [String: Points]
  /// A cumulative total over the years that satisfies the rule even when single years fall short.
  public var cumulativeAllowance: Points?
  /// Whether the allowance also needs the final year complete (Jiaxing 2021: "在完成今年学时的基础上").
  public var allowanceNeedsFinalYear: Bool
  /// A cumulative minimum over the years that is required (Linping: 45 credits since 2019).
  public var cumulativeMinimum: Points?
  /// `hours` or `credits`, for messages.
  public var unit: String
}

/// Who may apply: specialties in or out of scope, excluded sectors, allowed residency statuses.
public struct ScopeRequirement: Hashable, Sendable {
  /// If given, only these specialties may apply.
  public var specialties: [String]?
  /// Specialties never accepted (exam-based ones such as computer technology and software).
  public var excludedSpecialties: [String]
  /// Sectors never accepted (civil servants).
  public var excludedSectors: [String]
  /// If given, only these residency statuses may apply.
  public var residency: [String]?
}

/// Material checks from the notices: the ID photo and the attachments named in the portfolio.
public struct MaterialRequirement: Hashable, Sendable {
  /// The ID photo rule, if any.
  public var idPhoto: PhotoRequirement?
  /// Whether every attachment named in the portfolio must exist.
  public var attachmentsMustExist: Bool
}

/// The ID photo rule: format, file size and pixel size limits.
public struct PhotoRequirement: Hashable, Sendable {
  /// Allowed file extensions, lower case.
  public var extensions: [String]
  /// The file must be larger than this many bytes.
  public var minBytesExclusive: Int
  /// The file must be smaller than this many bytes.
  public var maxBytesExclusive: Int
  /// The image must be at least this many pixels wide.
  public var minWidth: Int
  /// The image must be at least this many pixels high.
  public var minHeight: Int
  /// Width ÷ height at least this.
  public var minAspect: Points
  /// Width ÷ height at most this.
  public var maxAspect: Points
}
