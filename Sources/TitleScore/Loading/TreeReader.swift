/// Reads typed values out of a JSON tree, collecting every problem with its path instead of stopping at the first.
final class TreeReader {
  private(set) var diagnostics: [Diagnostic] = []

  func report(_ code: DiagnosticCode, _ path: JSONPath, _ message: Message, severity: Diagnostic.Severity = .error) {
    diagnostics.append(Diagnostic(code, at: path, message, severity: severity))
  }

  /// The members of an object, with each key's path; reports a wrong type and repeated keys.
  func object(_ value: JSONValue, _ path: JSONPath) -> Members? {
    guard case .object(let members) = value else {
      report(.wrongType, path, Message(.diagnosticExpectedObject, .word(value.kindWord)))
      return nil
    }
    var seen = Set<String>()
    for member in members where !seen.insert(member.key).inserted {
      report(.duplicateKey, path.appending(member.key), Message(.diagnosticDuplicateKey, .text("\(member.key)")))
    }
    return Members(members: members, path: path, reader: self)
  }

  func array(_ value: JSONValue, _ path: JSONPath) -> [(JSONValue, JSONPath)]? {
    guard case .array(let elements) = value else {
      report(.wrongType, path, Message(.diagnosticExpectedArray, .word(value.kindWord)))
      return nil
    }
    return elements.enumerated().map { ($0.element, path.appending($0.offset)) }
  }

  func string(_ value: JSONValue, _ path: JSONPath) -> String? {
    guard case .string(let text) = value else {
      report(.wrongType, path, Message(.diagnosticExpectedString, .word(value.kindWord)))
      return nil
    }
    return text
  }

  func strings(_ value: JSONValue, _ path: JSONPath) -> [String]? {
    guard let elements = array(value, path) else { return nil }
    let texts = elements.compactMap { string($0.0, $0.1) }
    return texts.count == elements.count ? texts : nil
  }

  /// An object of texts by key (education equivalents), each member checked at its own path.
  func stringMap(_ value: JSONValue, _ path: JSONPath) -> [String: String] {
    guard let map = object(value, path) else { return [:] }
    var result: [String: String] = [:]
    for member in map.members {
      if let text = string(member.value, path.appending(member.key)) { result[member.key] = text }
    }
    return result
  }

  func bool(_ value: JSONValue, _ path: JSONPath) -> Bool? {
    guard case .bool(let flag) = value else {
      report(.wrongType, path, Message(.diagnosticExpectedBoolean, .word(value.kindWord)))
      return nil
    }
    return flag
  }

  func integer(_ value: JSONValue, _ path: JSONPath, minimum: Int? = nil) -> Int? {
    guard case .number(let number) = value else {
      report(.wrongType, path, Message(.diagnosticExpectedInteger, .word(value.kindWord)))
      return nil
    }
    guard let integer = number.integer else {
      report(.invalidNumber, path, Message(.diagnosticExpectedInteger, .text("\(number)")))
      return nil
    }
    if let minimum, integer < minimum {
      report(.negativeValue, path, Message(.diagnosticExpectedIntegerAtLeast, .text("\(minimum)"), .text("\(integer)")))
      return nil
    }
    return integer
  }

  func points(_ value: JSONValue, _ path: JSONPath, nonNegative: Bool = true) -> Points? {
    guard case .number(let number) = value else {
      report(.wrongType, path, Message(.diagnosticExpectedNumber, .word(value.kindWord)))
      return nil
    }
    guard let points = number.points else {
      report(.invalidNumber, path, Message(.diagnosticExpectedFourDecimals, .text("\(number)")))
      return nil
    }
    if nonNegative && points < .zero {
      report(.negativeValue, path, Message(.diagnosticExpectedNonNegativeNumber, .text("\(points)")))
      return nil
    }
    if points.units.magnitude > Points.largestInput.units.magnitude {
      report(
        .invalidNumber, path,
        Message(.diagnosticExpectedSizeAtMost, .text("\(Points.largestInput)"), .text("\(points)")))
      return nil
    }
    return points
  }

  func day(_ value: JSONValue, _ path: JSONPath) -> Day? {
    guard let text = string(value, path) else { return nil }
    guard let day = Day(text) else {
      report(.invalidDate, path, Message(.diagnosticExpectedDate, .text("\(text)")))
      return nil
    }
    return day
  }

  func factValue(_ value: JSONValue, _ path: JSONPath) -> FactValue? {
    switch value {
    case .bool(let flag): return .flag(flag)
    case .string(let text): return .text(text)
    case .number: return points(value, path, nonNegative: false).map(FactValue.number)
    default:
      report(.wrongType, path, Message(.diagnosticExpectedScalar, .word(value.kindWord)))
      return nil
    }
  }

  /// A `{"zh": …, "en": …}` text; the Chinese text is required.
  func localized(_ value: JSONValue, _ path: JSONPath) -> LocalizedText? {
    guard var members = object(value, path) else { return nil }
    let zh = members.optional("zh").flatMap { string($0, path.appending("zh")) } ?? ""
    let en = members.optional("en").flatMap { string($0, path.appending("en")) } ?? ""
    members.finish()
    if zh.isEmpty { report(.missingChineseTitle, path.appending("zh"), Message(.diagnosticMissingChinese)) }
    return LocalizedText(zh: zh, en: en)
  }

  /// Points written as a number or as `{"min": …, "max": …, "step": …}`.
  func pointsSpec(_ value: JSONValue, _ path: JSONPath) -> PointsSpec? {
    if case .number = value { return points(value, path).map(PointsSpec.fixed) }
    guard var members = object(value, path) else { return nil }
    let min = members.required("min").flatMap { points($0, path.appending("min")) }
    let max = members.required("max").flatMap { points($0, path.appending("max")) }
    let step = members.optional("step").flatMap { points($0, path.appending("step")) } ?? Points(1)
    members.finish()
    guard let min, let max else { return nil }
    if min > max || step <= .zero || (max - min).units % step.units != 0 {
      report(
        .invalidRange, path,
        Message(.diagnosticInvalidRange, .text("\(min)"), .text("\(max)"), .text("\(step)")))
      return nil
    }
    return .range(min: min, max: max, step: step)
  }

  func provenance(_ value: JSONValue?, _ path: JSONPath) -> Provenance {
    guard let value else {
      report(.missingField, path, Message(.diagnosticProvenanceMissing))
      return Provenance(clause: "", status: .modelled)
    }
    guard var members = object(value, path) else { return Provenance(clause: "", status: .modelled) }
    let clause = members.required("clause").flatMap { string($0, path.appending("clause")) } ?? ""
    var status = Provenance.Status.modelled
    if let text = members.required("status").flatMap({ string($0, path.appending("status")) }) {
      if let parsed = Provenance.Status(rawValue: text) {
        status = parsed
      } else {
        report(.invalidValue, path.appending("status"), Message(.diagnosticExpectedStatus, .text("\(text)")))
      }
    }
    let note = members.optional("note").flatMap { string($0, path.appending("note")) }
    members.finish()
    return Provenance(clause: clause, status: status, note: note)
  }

  /// An object's members, tracking which were read so unknown ones can be reported.
  struct Members {
    let members: [(key: String, value: JSONValue)]
    let path: JSONPath
    let reader: TreeReader
    private var used = Set<String>()

    init(members: [(key: String, value: JSONValue)], path: JSONPath, reader: TreeReader) {
      self.members = members
      self.path = path
      self.reader = reader
    }

    /// The member's value, or nil without complaint.
    mutating func optional(_ key: String) -> JSONValue? {
      used.insert(key)
      return members.first { $0.key == key }?.value
    }

    /// The member's value, reporting `missing-field` when absent.
    mutating func required(_ key: String) -> JSONValue? {
      let value = optional(key)
      if value == nil {
        reader.report(.missingField, path.appending(key), Message(.diagnosticMissingField, .text("\(key)")))
      }
      return value
    }

    /// Whether the object has a key.
    func has(_ key: String) -> Bool { members.contains { $0.key == key } }

    /// Reports every member that was never read.
    func finish() {
      for member in members where !used.contains(member.key) && member.key != "$schema" && member.key != "comment" {
        reader.report(
          .unknownField, path.appending(member.key), Message(.diagnosticUnknownField, .text("\(member.key)")))
      }
    }
  }
}
