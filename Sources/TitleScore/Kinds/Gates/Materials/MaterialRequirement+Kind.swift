extension MaterialRequirement: GateKind {
  static let name = "materials"

  static func decode(_ fields: inout KindFields) -> MaterialRequirement? {
    let reader = fields.reader
    let path = fields.path
    let photo = fields.optional("idPhoto").flatMap { photoRequirement($0, path.appending("idPhoto"), reader: reader) }
    let mustExist =
      fields.optional("attachmentsMustExist").flatMap { reader.bool($0, path.appending("attachmentsMustExist")) }
      ?? false
    return MaterialRequirement(idPhoto: photo, attachmentsMustExist: mustExist)
  }

  private static func photoRequirement(_ value: JSONValue, _ path: JSONPath, reader: TreeReader) -> PhotoRequirement? {
    guard var members = reader.object(value, path) else { return nil }
    func int(_ key: String) -> Int? {
      members.required(key).flatMap { reader.integer($0, path.appending(key), minimum: 0) }
    }
    func points(_ key: String) -> Points? { members.required(key).flatMap { reader.points($0, path.appending(key)) } }
    let extensions = members.required("extensions").flatMap { reader.strings($0, path.appending("extensions")) }
    let minBytes = int("minBytesExclusive")
    let maxBytes = int("maxBytesExclusive")
    let minWidth = int("minWidth")
    let minHeight = int("minHeight")
    let minAspect = points("minAspect")
    let maxAspect = points("maxAspect")
    members.finish()
    guard let extensions, let minBytes, let maxBytes, let minWidth, let minHeight, let minAspect, let maxAspect else {
      return nil
    }
    return PhotoRequirement(
      extensions: extensions.map { $0.lowercased() }, minBytesExclusive: minBytes, maxBytesExclusive: maxBytes,
      minWidth: minWidth, minHeight: minHeight, minAspect: minAspect, maxAspect: maxAspect)
  }

  /// Decoding checks the limits; nothing crosses them.
  func validate(_ check: inout KindCheck) {}

  func findings(in context: borrowing EvaluationContext, materials: MaterialInspection?) -> [GateFinding] {
    problems(in: context.facts.portfolio, inspection: materials)
  }

  var inspectsMaterials: Bool { true }

  var recordSelectors: [RecordSelector] { [] }

  /// Generated portfolios name no files.
  func addSamples(to samples: inout GeneratorSamples) {}
}
