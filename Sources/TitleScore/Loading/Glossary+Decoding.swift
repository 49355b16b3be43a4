extension Glossary {
  /// Whether a parsed file is the shared vocabulary rather than a scoresheet or a route guide.
  static func isGlossary(_ tree: JSONValue) -> Bool { tree["vocabularies"] != nil }

  /// Reads the shared vocabulary, reporting problems with their paths: an unknown list, a term without a code or
  /// without a Chinese term, and a code or term two codes of one list both claim (which code would it mean?).
  static func load(tree: JSONValue, file: String) -> (glossary: Glossary?, diagnostics: [Diagnostic]) {
    let reader = TreeReader()
    let glossary = decode(tree, reader)
    return (glossary, reader.diagnostics.map { $0.located(file: file) })
  }

  private static func decode(_ tree: JSONValue, _ reader: TreeReader) -> Glossary? {
    guard var root = reader.object(tree, .root) else { return nil }
    _ = root.optional("about").flatMap { reader.localized($0, JSONPath.root.appending("about")) }
    let listsPath = JSONPath.root.appending("vocabularies")
    guard let value = root.required("vocabularies"), let lists = reader.object(value, listsPath) else { return nil }
    root.finish()
    var vocabularies: [List: Vocabulary] = [:]
    for (key, listValue) in lists.members {
      let path = listsPath.appending(key)
      guard let list = List(rawValue: key) else {
        reader.report(
          .invalidValue, path,
          Message(.diagnosticUnknownVocabularyList, .text(key), .list(List.allCases.map { .text($0.rawValue) })))
        continue
      }
      if let vocabulary = decodeList(listValue, path, reader) { vocabularies[list] = vocabulary }
    }
    return Glossary(vocabularies: vocabularies)
  }

  private static func decodeList(_ value: JSONValue, _ path: JSONPath, _ reader: TreeReader) -> Vocabulary? {
    guard var members = reader.object(value, path) else { return nil }
    let name = members.required("name").flatMap { reader.localized($0, path.appending("name")) }
    var terms: [Term] = []
    var claimed: [String: String] = [:]
    if let list = members.required("terms").flatMap({ reader.array($0, path.appending("terms")) }) {
      for (element, termPath) in list {
        guard var entry = reader.object(element, termPath) else { continue }
        let code = entry.required("code").flatMap { reader.string($0, termPath.appending("code")) }
        let chinese = entry.required("zh").flatMap { reader.strings($0, termPath.appending("zh")) }
        let english = entry.optional("en").flatMap { reader.string($0, termPath.appending("en")) } ?? ""
        entry.finish()
        guard let code, let chinese else { continue }
        if code.isEmpty || chinese.isEmpty || chinese.contains(where: \.isEmpty) {
          reader.report(.invalidValue, termPath, Message(.diagnosticVocabularyTermEmpty))
          continue
        }
        for written in [code] + chinese {
          let key = Glossary.key(written)
          if let other = claimed[key], other != code {
            reader.report(
              .invalidValue, termPath, Message(.diagnosticVocabularyTermClaimedTwice, .text(written), .text(other)))
          }
          claimed[key] = claimed[key] ?? code
        }
        terms.append(Term(code: code, chinese: chinese, english: english))
      }
    }
    members.finish()
    guard let name else { return nil }
    return Vocabulary(name: name, terms: terms)
  }
}
