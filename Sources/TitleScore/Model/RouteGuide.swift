/// Which route a notice sends applicants to, as data: Anji sends construction and water engineering without the
/// required education to the self-score route, and transport engineering to exceptional promotion.
public struct RouteGuide: Hashable, Sendable {
  /// One routing rule.
  public struct Entry: Hashable, Sendable {
    /// The specialties it covers.
    public var specialties: [String]
    /// Who it is for, e.g. applicants without the required education.
    public var applicants: LocalizedText
    /// The route they take.
    public var route: RouteKind
    /// The bundled sheet for that route, if one is bundled.
    public var sheetID: String?
    /// The employer sectors it is for (安吉 三(二): "对企业部分工程类专业开通绿色通道"); nil for any.
    public var sectors: [String]?
    /// It is for applicants whose highest education is below this level of the guide's `educationLevels`
    /// ("不具备规定学历人员"); nil for anyone.
    public var educationBelow: String?
  }

  /// Education levels, lowest first, for `Entry.educationBelow`.
  public var educationLevels: [String] = []
  /// Technical-school classes and the levels they count as.
  public var educationEquivalents: [String: String] = [:]

  /// Whether an entry applies to the applicant: the specialty, the sector, and the education it is for.
  public func applies(_ entry: Entry, to portfolio: Portfolio) -> Bool {
    guard entry.specialties.contains(portfolio.specialty) else { return false }
    if let sectors = entry.sectors, !sectors.contains(portfolio.employer.sector) { return false }
    if let below = entry.educationBelow, let needed = educationLevels.firstIndex(of: below) {
      let highest =
        portfolio.education.map { record in
          educationLevels.firstIndex(of: educationEquivalents[record.level] ?? record.level) ?? -1
        }.max() ?? -1
      if highest >= needed { return false }
    }
    return true
  }

  /// Stable id.
  public var id: String
  /// The guide's name.
  public var title: LocalizedText
  /// The city or county.
  public var city: String
  /// The review year.
  public var reviewYear: Int
  /// Where the routing is stated.
  package var provenance: Provenance
  /// The rules.
  public var entries: [Entry]

  /// Whether a parsed file is a route guide rather than a scoresheet.
  static func isGuide(_ tree: JSONValue) -> Bool { tree["routing"] != nil }

  /// Loads a route guide, reporting problems with their paths.
  static func load(tree: JSONValue, file: String) -> (guide: RouteGuide?, diagnostics: [Diagnostic]) {
    let reader = TreeReader()
    let guide = decode(tree, reader)
    return (guide, reader.diagnostics.map { $0.located(file: file) })
  }

  private static func decode(_ tree: JSONValue, _ reader: TreeReader) -> RouteGuide? {
    guard var root = reader.object(tree, .root) else { return nil }
    let path = JSONPath.root.appending("routing")
    guard let value = root.required("routing"), var members = reader.object(value, path) else { return nil }
    root.finish()
    let id = members.required("id").flatMap { reader.string($0, path.appending("id")) }
    let title = members.required("title").flatMap { reader.localized($0, path.appending("title")) }
    let city = members.required("city").flatMap { reader.string($0, path.appending("city")) }
    let year = members.required("reviewYear").flatMap {
      reader.integer($0, path.appending("reviewYear"), minimum: 1900)
    }
    let provenance = reader.provenance(members.required("provenance"), path.appending("provenance"))
    var entries: [Entry] = []
    if let list = members.required("entries").flatMap({ reader.array($0, path.appending("entries")) }) {
      for (element, entryPath) in list {
        guard var entry = reader.object(element, entryPath) else { continue }
        let specialties = entry.required("specialties").flatMap {
          reader.strings($0, entryPath.appending("specialties"))
        }
        let applicants = entry.required("applicants").flatMap {
          reader.localized($0, entryPath.appending("applicants"))
        }
        let route = entry.required("route").flatMap { reader.string($0, entryPath.appending("route")) }.flatMap { raw in
          RouteKind(rawValue: raw)
            ?? {
              reader.report(
                .invalidValue, entryPath.appending("route"), Message(.diagnosticUnknownRoute, .text("\(raw)")))
              return nil
            }()
        }
        let sheetID = entry.optional("sheet").flatMap { value -> String? in
          if case .null = value { return nil }
          return reader.string(value, entryPath.appending("sheet"))
        }
        let sectors = entry.optional("sectors").flatMap { reader.strings($0, entryPath.appending("sectors")) }
        let below = entry.optional("educationBelow").flatMap {
          reader.string($0, entryPath.appending("educationBelow"))
        }
        entry.finish()
        if let specialties, let applicants, let route {
          entries.append(
            Entry(
              specialties: specialties, applicants: applicants, route: route, sheetID: sheetID, sectors: sectors,
              educationBelow: below))
        }
      }
    }
    let levels =
      members.optional("educationLevels").flatMap { reader.strings($0, path.appending("educationLevels")) } ?? []
    let equivalents =
      members.optional("educationEquivalents").map {
        reader.stringMap($0, path.appending("educationEquivalents"))
      } ?? [:]
    for entry in entries {
      if let below = entry.educationBelow, !levels.contains(below) {
        reader.report(
          .invalidValue, path.appending("entries"), Message(.diagnosticEducationBelowUnknown, .text("\(below)")))
      }
    }
    members.finish()
    guard let id, let title, let city, let year else { return nil }
    var guide = RouteGuide(id: id, title: title, city: city, reviewYear: year, provenance: provenance, entries: entries)
    guide.educationLevels = levels
    guide.educationEquivalents = equivalents
    return guide
  }
}
