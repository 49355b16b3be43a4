/// The fields of one rule or gate as its kind decodes them: the members, its path, and the decoder's readers, so that
/// a kind reads its fields and reports their problems the way every other part of a sheet does.
struct KindFields {
  /// The sheet's decoder (for nested items and record selectors).
  let decoder: ScoresheetDecoder
  /// The rule's members not yet read.
  var members: TreeReader.Members
  /// Where the rule is in the sheet.
  let path: JSONPath

  /// The reader that reports problems.
  var reader: TreeReader { decoder.reader }

  /// A member the rule must have (reported when absent).
  mutating func required(_ key: String) -> JSONValue? { members.required(key) }

  /// A member the rule may have.
  mutating func optional(_ key: String) -> JSONValue? { members.optional(key) }

  /// A required number of points.
  mutating func points(_ key: String, nonNegative: Bool = true) -> Points? {
    members.required(key).flatMap { reader.points($0, path.appending(key), nonNegative: nonNegative) }
  }

  /// A required fact name, reported when the engine does not know it.
  mutating func fact(_ key: String = "fact") -> String? {
    guard let name = members.required(key).flatMap({ reader.string($0, path.appending(key)) }) else { return nil }
    if !ApplicantFacts.isKnown(name) {
      reader.report(.unknownFact, path.appending(key), Message(.diagnosticUnknownFact, .text("\(name)")))
    }
    return name
  }

  /// The required record selector.
  mutating func records() -> RecordSelector? {
    members.required("records").flatMap { decoder.recordSelector($0, path.appending("records")) }
  }

  /// A required list, each element decoded (the ones that fail are reported and left out).
  mutating func list<Element>(_ key: String, _ decode: (JSONValue, JSONPath) -> Element?) -> [Element] {
    decoder.list(members.required(key), path.appending(key), decode)
  }

  /// An optional list of conditions under a key; nil when absent or when any of them fails to decode.
  mutating func conditions(_ key: String) -> [Condition]? {
    guard let value = members.optional(key), let elements = reader.array(value, path.appending(key)) else {
      return nil
    }
    let conditions = elements.compactMap { decoder.condition($0.0, $0.1) }
    return conditions.count == elements.count ? conditions : nil
  }

  /// Reports a problem at a path in the rule.
  func report(_ code: DiagnosticCode, _ at: JSONPath, _ message: Message) {
    reader.report(code, at, message)
  }
}
