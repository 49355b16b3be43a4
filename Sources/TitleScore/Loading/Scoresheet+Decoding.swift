/// Turns a scoresheet's JSON tree into a `Scoresheet`, reporting every shape problem with its JSON path.
///
/// Decoding checks shape (types, required fields, known kinds); `ScoresheetValidator` then checks meaning.
struct ScoresheetDecoder {
  let reader = TreeReader()

  func decode(_ root: JSONValue) -> Scoresheet? {
    let path = JSONPath.root
    guard var sheet = reader.object(root, path) else { return nil }
    func text(_ key: String) -> String? { sheet.required(key).flatMap { reader.string($0, path.appending(key)) } }
    let id = text("id")
    let title = sheet.required("title").flatMap { reader.localized($0, path.appending("title")) }
    let issuer = sheet.required("issuer").flatMap { reader.localized($0, path.appending("issuer")) }
    let document = text("document")
    let notice = text("notice")
    let city = text("city")
    let series = text("series")
    let specialties = sheet.required("specialties").flatMap { reader.strings($0, path.appending("specialties")) }
    let level = text("level")
    let targetTitle = text("targetTitle")
    let route = text("route").flatMap { raw -> RouteKind? in
      if let route = RouteKind(rawValue: raw) { return route }
      reader.report(
        .invalidValue, path.appending("route"),
        Message(
          .diagnosticExpectedOneOf, .text("\(RouteKind.allCases.map(\.rawValue).joined(separator: ", "))"),
          .text("\(raw)")))
      return nil
    }
    let reviewYear = sheet.required("reviewYear").flatMap {
      reader.integer($0, path.appending("reviewYear"), minimum: 1900)
    }
    let effective = sheet.required("effective").flatMap { effectiveRange($0, path.appending("effective")) }
    let cutoff = sheet.required("cutoff").flatMap { reader.day($0, path.appending("cutoff")) }
    let threshold = sheet.optional("threshold").flatMap { reader.points($0, path.appending("threshold")) }
    let provenance = reader.provenance(sheet.required("provenance"), path.appending("provenance"))
    let vocabulary = sheet.required("vocabulary").flatMap { self.vocabulary($0, path.appending("vocabulary")) }
    let validity = sheet.required("validity").flatMap { self.validity($0, path.appending("validity")) }
    let gates = list(sheet.optional("gates"), path.appending("gates"), gate)
    let categories = list(sheet.optional("categories"), path.appending("categories")) { category($0, $1, depth: 1) }
    let sharedCaps = list(sheet.optional("sharedCaps"), path.appending("sharedCaps"), sharedCap)
    let criteria = sheet.optional("criteria").flatMap { condition($0, path.appending("criteria")) }
    let flags = list(sheet.optional("flags"), path.appending("flags"), flag)
    let tieBreakers = list(sheet.optional("tieBreakers"), path.appending("tieBreakers"), tieBreaker)
    let examples = list(sheet.optional("examples"), path.appending("examples"), example)
    let effort = sheet.optional("effort").flatMap { effortWeights($0, path.appending("effort")) } ?? .uniform
    let posting = sheet.optional("posting").flatMap { postingDays($0, path.appending("posting")) }
    sheet.finish()
    guard let id, let title, let issuer, let document, let notice, let city, let series, let specialties, let level,
      let targetTitle, let route, let reviewYear, let effective, let cutoff, let vocabulary, let validity
    else { return nil }
    return Scoresheet(
      id: id, title: title, issuer: issuer, document: document, notice: notice, city: city, series: series,
      specialties: specialties, level: level, targetTitle: targetTitle, route: route, reviewYear: reviewYear,
      effective: effective, cutoff: cutoff, threshold: threshold, provenance: provenance, vocabulary: vocabulary,
      validity: validity, gates: gates, categories: categories, sharedCaps: sharedCaps, criteria: criteria,
      flags: flags, tieBreakers: tieBreakers, examples: examples, effort: effort, postingMinimumWorkingDays: posting)
  }

  /// `{"minimumWorkingDays": 5, "provenance": …}`: the notice's least posting period.
  private func postingDays(_ value: JSONValue, _ path: JSONPath) -> Int? {
    guard var members = reader.object(value, path) else { return nil }
    let days = members.required("minimumWorkingDays").flatMap {
      reader.integer($0, path.appending("minimumWorkingDays"), minimum: 1)
    }
    _ = reader.provenance(members.required("provenance"), path.appending("provenance"))
    members.finish()
    return days
  }

  /// `{"default": 3, "weights": [{"type": "research-project", "level": "national", "weight": 12}, …],
  /// "provenance": …}`: the first entry matching a record gives its weight, a whole number from 1.
  private func effortWeights(_ value: JSONValue, _ path: JSONPath) -> EffortWeights? {
    guard var members = reader.object(value, path) else { return nil }
    let fallback = members.required("default").flatMap { reader.integer($0, path.appending("default"), minimum: 1) }
    let provenance = reader.provenance(members.required("provenance"), path.appending("provenance"))
    let rules = list(members.required("weights"), path.appending("weights")) { value, rulePath -> EffortWeights.Rule? in
      guard var rule = reader.object(value, rulePath) else { return nil }
      let type = rule.optional("type").flatMap { reader.string($0, rulePath.appending("type")) }
      let level = rule.optional("level").flatMap { reader.string($0, rulePath.appending("level")) }
      let weight = rule.required("weight").flatMap { reader.integer($0, rulePath.appending("weight"), minimum: 1) }
      rule.finish()
      guard let weight else { return nil }
      if type == nil && level == nil {
        reader.report(.missingField, rulePath, Message(.diagnosticEffortRuleMatchesAll))
        return nil
      }
      return EffortWeights.Rule(type: type, level: level, weight: weight)
    }
    members.finish()
    guard let fallback else { return nil }
    return EffortWeights(rules: rules, defaultWeight: fallback, provenance: provenance)
  }

  /// Decodes each element of an optional array, dropping the ones that fail (their problems are reported).
  func list<T>(_ value: JSONValue?, _ path: JSONPath, _ decode: (JSONValue, JSONPath) -> T?) -> [T] {
    guard let value, let elements = reader.array(value, path) else { return [] }
    return elements.compactMap { decode($0.0, $0.1) }
  }

  private func effectiveRange(_ value: JSONValue, _ path: JSONPath) -> ClosedRange<Day>? {
    guard var members = reader.object(value, path) else { return nil }
    let from = members.required("from").flatMap { reader.day($0, path.appending("from")) }
    let to = members.required("to").flatMap { reader.day($0, path.appending("to")) }
    members.finish()
    guard let from, let to else { return nil }
    guard from <= to else {
      reader.report(.invalidRange, path, Message(.diagnosticEffectiveReversed, .text("\(to)"), .text("\(from)")))
      return nil
    }
    return from...to
  }

  private func vocabulary(_ value: JSONValue, _ path: JSONPath) -> Vocabulary? {
    guard var members = reader.object(value, path) else { return nil }
    func texts(_ key: String) -> [String] {
      members.required(key).flatMap { reader.strings($0, path.appending(key)) } ?? []
    }
    let education = texts("educationLevels")
    let grades = texts("assessmentGrades")
    let titles = texts("titles")
    let skills = texts("skillLevels")
    let equivalents =
      members.optional("educationEquivalents").map {
        reader.stringMap($0, path.appending("educationEquivalents"))
      } ?? [:]
    let months = members.optional("retrainingMonthsForRelated").flatMap {
      reader.integer($0, path.appending("retrainingMonthsForRelated"), minimum: 1)
    }
    let registered =
      members.optional("registeredQualificationCountsAsRelated").flatMap {
        reader.bool($0, path.appending("registeredQualificationCountsAsRelated"))
      } ?? false
    let highestRelated =
      members.optional("highestCountsAsRelatedWhenAnyRelated").flatMap {
        reader.bool($0, path.appending("highestCountsAsRelatedWhenAnyRelated"))
      } ?? false
    let degrees = members.optional("degreeLevels").flatMap { reader.strings($0, path.appending("degreeLevels")) } ?? []
    members.finish()
    return Vocabulary(
      educationLevels: education, educationEquivalents: equivalents, assessmentGrades: grades, titles: titles,
      skillLevels: skills, retrainingMonthsForRelated: months, registeredQualificationCountsAsRelated: registered,
      highestCountsAsRelatedWhenAnyRelated: highestRelated, degreeLevels: degrees)
  }

  private func validity(_ value: JSONValue, _ path: JSONPath) -> ValidityPolicy? {
    guard var members = reader.object(value, path) else { return nil }
    func flag(_ key: String) -> Bool { members.optional(key).flatMap { reader.bool($0, path.appending(key)) } ?? false }
    var window = ValidityPolicy.Window.currentTitle
    if let raw = members.required("window").flatMap({ reader.string($0, path.appending("window")) }) {
      if let parsed = ValidityPolicy.Window(rawValue: raw) {
        window = parsed
      } else {
        reader.report(
          .invalidValue, path.appending("window"),
          Message(.diagnosticExpectedWindow, .text("\(raw)")))
      }
    }
    var countUntil = ValidityPolicy.CountUntil.cutoff
    if let raw = members.optional("countUntil").flatMap({ reader.string($0, path.appending("countUntil")) }) {
      if let parsed = ValidityPolicy.CountUntil(rawValue: raw) {
        countUntil = parsed
      } else {
        reader.report(
          .invalidValue, path.appending("countUntil"), Message(.diagnosticExpectedCountUntil, .text("\(raw)")))
      }
    }
    let material = members.optional("material").flatMap { materialCosts($0, path.appending("material")) }
    let policy = ValidityPolicy(
      window: window, countUntil: countUntil, requireEvidence: flag("requireEvidence"),
      collectiveNeedsMainContributor: flag("collectiveNeedsMainContributor"),
      excludeTransferredPatents: flag("excludeTransferredPatents"), requirePublished: flag("requirePublished"),
      material: material)
    members.finish()
    return policy
  }

  /// `{"problems": [...], "severities": {"minor": {"pointsOff": 1}, "severe": {"notCounted": true}}, "provenance"}`.
  private func materialCosts(_ value: JSONValue, _ path: JSONPath) -> MaterialCosts? {
    guard var members = reader.object(value, path) else { return nil }
    let problems = members.required("problems").flatMap { reader.strings($0, path.appending("problems")) }
    let provenance = reader.provenance(members.required("provenance"), path.appending("provenance"))
    var severities: [(String, MaterialCosts.Cost)] = []
    if let value = members.required("severities"), let map = reader.object(value, path.appending("severities")) {
      for member in map.members {
        let costPath = path.appending("severities").appending(member.key)
        guard var cost = reader.object(member.value, costPath) else { continue }
        if cost.has("pointsOff") {
          if let points = cost.optional("pointsOff").flatMap({ reader.points($0, costPath.appending("pointsOff")) }) {
            severities.append((member.key, .pointsOff(points)))
          }
        } else if cost.optional("notCounted").flatMap({ reader.bool($0, costPath.appending("notCounted")) }) == true {
          severities.append((member.key, .notCounted))
        } else {
          reader.report(.missingField, costPath, Message(.diagnosticSeverityNeedsCost))
        }
        cost.finish()
      }
    }
    members.finish()
    guard let problems else { return nil }
    if severities.isEmpty {
      reader.report(.missingField, path.appending("severities"), Message(.diagnosticMaterialNeedsSeverity))
    }
    return MaterialCosts(problems: problems, severities: severities, provenance: provenance)
  }

  // MARK: - Gates

  private func gate(_ value: JSONValue, _ path: JSONPath) -> Gate? {
    guard var members = reader.object(value, path) else { return nil }
    let id = members.required("id").flatMap { reader.string($0, path.appending("id")) }
    let title = members.required("title").flatMap { reader.localized($0, path.appending("title")) }
    let provenance = reader.provenance(members.required("provenance"), path.appending("provenance"))
    let kindName = members.required("kind").flatMap { reader.string($0, path.appending("kind")) }
    var kind: Gate.Kind?
    if let kindName {
      if let handler = GateKinds.named(kindName) {
        var fields = KindFields(decoder: self, members: members, path: path)
        kind = handler.decodeKind(&fields)
        members = fields.members
      } else {
        reader.report(
          .unknownGateKind, path.appending("kind"),
          Message(
            .diagnosticUnknownGateKind, .text("\(kindName)"),
            .text("\(GateKinds.all.map { $0.name }.joined(separator: ", "))")))
      }
    }
    members.finish()
    guard let id, let title, let kind else { return nil }
    return Gate(id: id, title: title, provenance: provenance, kind: kind)
  }

  func yearList(_ value: JSONValue, _ path: JSONPath) -> [Int]? {
    guard let elements = reader.array(value, path) else { return nil }
    let years = elements.compactMap { reader.integer($0.0, $0.1, minimum: 1900) }
    return years.count == elements.count ? years : nil
  }

  // MARK: - Conditions

  func condition(_ value: JSONValue, _ path: JSONPath) -> Condition? {
    guard var members = reader.object(value, path) else { return nil }
    let label = members.optional("label").flatMap { reader.localized($0, path.appending("label")) }
    var test: Condition.Test?
    if let kind = ConditionKinds.all.first(where: { members.has($0.key) }) {
      var fields = KindFields(decoder: self, members: members, path: path)
      test = kind.decodeTest(&fields)
      members = fields.members
    } else {
      reader.report(
        .unknownConditionKind, path,
        Message(.diagnosticConditionNeedsKind, .text("\(ConditionKinds.all.map { $0.key }.joined(separator: ", "))")))
    }
    members.finish()
    return test.map { Condition(label: label, test: $0) }
  }

  func recordSelector(_ value: JSONValue, _ path: JSONPath) -> RecordSelector? {
    guard var members = reader.object(value, path) else { return nil }
    let types = members.required("types").flatMap { reader.strings($0, path.appending("types")) }
    let levels = members.optional("levels").flatMap { reader.strings($0, path.appending("levels")) }
    let filter = members.optional("where").flatMap { recordFilter($0, path.appending("where")) } ?? RecordFilter()
    members.finish()
    return types.map { RecordSelector(types: $0, levels: levels, filter: filter) }
  }

  /// `{"authorship": ["sole"], "charactersAtLeast": 30000, "mainWinner": true}`, each optional.
  private func recordFilter(_ value: JSONValue, _ path: JSONPath) -> RecordFilter? {
    guard var members = reader.object(value, path) else { return nil }
    let authorship = members.optional("authorship").flatMap { reader.strings($0, path.appending("authorship")) }
    let characters = members.optional("charactersAtLeast").flatMap {
      reader.integer($0, path.appending("charactersAtLeast"), minimum: 1)
    }
    let mainWinner = members.optional("mainWinner").flatMap { reader.bool($0, path.appending("mainWinner")) } ?? false
    members.finish()
    return RecordFilter(authorship: authorship, charactersAtLeast: characters, mainWinner: mainWinner)
  }

  // MARK: - Categories and items

  private func category(_ value: JSONValue, _ path: JSONPath, depth: Int) -> Category? {
    guard var members = reader.object(value, path) else { return nil }
    let id = members.required("id").flatMap { reader.string($0, path.appending("id")) }
    let title = members.required("title").flatMap { reader.localized($0, path.appending("title")) }
    let cap = members.optional("cap").flatMap { reader.points($0, path.appending("cap")) }
    let provenance = reader.provenance(members.required("provenance"), path.appending("provenance"))
    let items = list(members.optional("items"), path.appending("items"), item)
    if depth >= 4 && members.has("categories") {
      reader.report(
        .categoryTooDeep, path.appending("categories"), Message(.diagnosticCategoryTooDeep))
    }
    let children = list(members.optional("categories"), path.appending("categories")) {
      category($0, $1, depth: depth + 1)
    }
    members.finish()
    guard let id, let title else { return nil }
    return Category(id: id, title: title, cap: cap, provenance: provenance, items: items, categories: children)
  }

  func item(_ value: JSONValue, _ path: JSONPath) -> Item? {
    guard var members = reader.object(value, path) else { return nil }
    let id = members.required("id").flatMap { reader.string($0, path.appending("id")) }
    let title = members.required("title").flatMap { reader.localized($0, path.appending("title")) }
    let cap = members.optional("cap").flatMap { reader.points($0, path.appending("cap")) }
    let provenance = reader.provenance(members.required("provenance"), path.appending("provenance"))
    let rule = members.required("rule").flatMap { self.rule($0, path.appending("rule")) }
    members.finish()
    guard let id, let title, let rule else { return nil }
    return Item(id: id, title: title, provenance: provenance, cap: cap, rule: rule)
  }

  private func rule(_ value: JSONValue, _ path: JSONPath) -> Rule? {
    guard var members = reader.object(value, path) else { return nil }
    guard let name = members.required("kind").flatMap({ reader.string($0, path.appending("kind")) }) else {
      members.finish()
      return nil
    }
    guard let kind = RuleKinds.named(name) else {
      // The other fields belong to a kind we do not know; reporting each as unknown would only add noise.
      for member in members.members { _ = members.optional(member.key) }
      members.finish()
      reader.report(
        .unknownRuleKind, path.appending("kind"),
        Message(
          .diagnosticUnknownRuleKind, .text("\(name)"),
          .text("\(RuleKinds.all.map { $0.name }.joined(separator: ", "))")))
      return nil
    }
    var fields = KindFields(decoder: self, members: members, path: path)
    let rule = kind.decodeRule(&fields)
    fields.members.finish()
    return rule
  }

  private func sharedCap(_ value: JSONValue, _ path: JSONPath) -> SharedCap? {
    guard var members = reader.object(value, path) else { return nil }
    let id = members.required("id").flatMap { reader.string($0, path.appending("id")) }
    let title = members.required("title").flatMap { reader.localized($0, path.appending("title")) }
    let cap = members.required("cap").flatMap { reader.points($0, path.appending("cap")) }
    let provenance = reader.provenance(members.required("provenance"), path.appending("provenance"))
    members.finish()
    guard let id, let title, let cap else { return nil }
    return SharedCap(id: id, title: title, cap: cap, provenance: provenance)
  }

  private func flag(_ value: JSONValue, _ path: JSONPath) -> FlagRule? {
    guard var members = reader.object(value, path) else { return nil }
    let flag = members.required("flag").flatMap { reader.string($0, path.appending("flag")) }
    let id = members.required("id").flatMap { reader.string($0, path.appending("id")) }
    let title = members.required("title").flatMap { reader.localized($0, path.appending("title")) }
    let condition = members.required("condition").flatMap { self.condition($0, path.appending("condition")) }
    let provenance = reader.provenance(members.required("provenance"), path.appending("provenance"))
    members.finish()
    guard let flag, let id, let title, let condition else { return nil }
    return FlagRule(flag: flag, id: id, title: title, condition: condition, provenance: provenance)
  }

  private func tieBreaker(_ value: JSONValue, _ path: JSONPath) -> TieBreaker? {
    guard var members = reader.object(value, path) else { return nil }
    defer { members.finish() }
    if let id = members.optional("category").flatMap({ reader.string($0, path.appending("category")) }) {
      return .category(id)
    }
    if let name = members.optional("fact").flatMap({ reader.string($0, path.appending("fact")) }) {
      if !ApplicantFacts.isKnown(name) {
        reader.report(.unknownFact, path.appending("fact"), Message(.diagnosticUnknownFact, .text("\(name)")))
      }
      return .fact(name)
    }
    reader.report(.missingField, path, Message(.diagnosticTieBreakerNeedsTarget))
    return nil
  }

  private func example(_ value: JSONValue, _ path: JSONPath) -> ExampleCase? {
    guard var members = reader.object(value, path) else { return nil }
    let name = members.required("name").flatMap { reader.string($0, path.appending("name")) }
    let clause = members.required("clause").flatMap { reader.string($0, path.appending("clause")) }
    let portfolio = members.required("portfolio")
    var total: Points?
    var verdict: Verdict.Kind?
    var flags: [String] = []
    var deductions: [String] = []
    var failedGates: [String] = []
    var triggers: [String] = []
    var absentTriggers: [String] = []
    if let value = members.required("expect"), var expect = reader.object(value, path.appending("expect")) {
      let expectPath = path.appending("expect")
      total = expect.optional("total").flatMap { reader.points($0, expectPath.appending("total")) }
      if let raw = expect.required("verdict").flatMap({ reader.string($0, expectPath.appending("verdict")) }) {
        verdict = Verdict.Kind(rawValue: raw)
        if verdict == nil {
          reader.report(
            .invalidValue, expectPath.appending("verdict"),
            Message(
              .diagnosticExpectedOneOf, .text("\(Verdict.Kind.allCases.map(\.rawValue).joined(separator: ", "))"),
              .text("\(raw)")))
        }
      }
      flags = expect.optional("flags").flatMap { reader.strings($0, expectPath.appending("flags")) } ?? []
      deductions =
        expect.optional("deductions").flatMap { reader.strings($0, expectPath.appending("deductions")) } ?? []
      for code in deductions where ReasonCode(rawValue: code) == nil {
        reader.report(
          .invalidValue, expectPath.appending("deductions"), Message(.diagnosticUnknownReason, .text("\(code)")))
      }
      failedGates =
        expect.optional("failedGates").flatMap { reader.strings($0, expectPath.appending("failedGates")) } ?? []
      triggers = expect.optional("triggers").flatMap { reader.strings($0, expectPath.appending("triggers")) } ?? []
      absentTriggers =
        expect.optional("absentTriggers").flatMap { reader.strings($0, expectPath.appending("absentTriggers")) } ?? []
      expect.finish()
    }
    members.finish()
    guard let name, let clause, let portfolio, let verdict else { return nil }
    return ExampleCase(
      name: name, clause: clause, portfolio: portfolio, expectedTotal: total, expectedVerdict: verdict,
      expectedFlags: flags, expectedDeductions: deductions, expectedFailedGates: failedGates,
      expectedTriggers: triggers,
      expectedAbsentTriggers: absentTriggers)
  }
}
