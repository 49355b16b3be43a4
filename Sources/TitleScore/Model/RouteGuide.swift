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
  public var provenance: Provenance
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
              reader.report(.invalidValue, entryPath.appending("route"), "unknown route \"\(raw)\"")
              return nil
            }()
        }
        let sheetID = entry.optional("sheet").flatMap { value -> String? in
          if case .null = value { return nil }
          return reader.string(value, entryPath.appending("sheet"))
        }
        entry.finish()
        if let specialties, let applicants, let route {
          entries.append(Entry(specialties: specialties, applicants: applicants, route: route, sheetID: sheetID))
        }
      }
    }
    members.finish()
    guard let id, let title, let city, let year else { return nil }
    return RouteGuide(id: id, title: title, city: city, reviewYear: year, provenance: provenance, entries: entries)
  }
}
