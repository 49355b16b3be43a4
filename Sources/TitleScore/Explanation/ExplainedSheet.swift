/// A sheet with what explaining a result reads of it gathered once: the name of every category, item, gate,
/// shared cap and flag by id, and how many of its values are modelled.
///
/// An `Explanation` made from a bare sheet gathers these itself; a caller that explains many results of one sheet
/// (the web server, a batch's details) prepares the sheet once and hands it to each, since walking the sheet for
/// its names and provenances cost more than evaluating a portfolio.
public final class ExplainedSheet: Sendable {
  /// The sheet.
  public let sheet: Scoresheet
  /// Every named thing in the sheet by id.
  let titles: [String: LocalizedText]
  /// How many of the sheet's values are modelled (`Scoresheet.modelledValueCount`).
  let modelledValueCount: Int
  /// The cap of every item and category by id (an item's where an item and a category share one).
  let caps: [String: Points?]
  /// For each alternative of a "higher of" item, the ids of that item's alternatives in order.
  let alternatives: [String: [String]]

  /// Gathers what explanations read of `sheet`.
  public init(_ sheet: Scoresheet) {
    self.sheet = sheet
    var titles: [String: LocalizedText] = [:]
    for (item, _) in sheet.itemsInOrder { titles[item.id] = item.title }
    for category in sheet.categoriesInOrder { titles[category.id] = category.title }
    for gate in sheet.gates { titles[gate.id] = gate.title }
    for cap in sheet.sharedCaps { titles[cap.id] = cap.title }
    for flag in sheet.flags { titles[flag.id] = flag.title }
    self.titles = titles
    var caps: [String: Points?] = [:]
    var alternatives: [String: [String]] = [:]
    for category in sheet.categoriesInOrder { caps[category.id] = category.cap }
    for (item, _) in sheet.itemsInOrder.reversed() {
      caps[item.id] = item.cap
      let ids = item.rule.alternatives.map(\.id)
      for id in ids { alternatives[id] = ids }
    }
    self.caps = caps
    self.alternatives = alternatives
    let modelled = sheet.modelledValueCount
    modelledValueCount = modelled
    func notice(_ language: Language) -> String? {
      guard modelled > 0 else { return nil }
      return Message(.explanationModelledNotice, .integer(modelled), .text(sheet.document)).text(language)
    }
    modelledNotices = (notice(.zh), notice(.en))
  }

  /// The modelled-values notice in Chinese and in English.
  private let modelledNotices: (zh: String?, en: String?)

  /// The sentence that says how many of the sheet's values are modelled and what to confirm them against; nil
  /// when every value is official.
  public func modelledNotice(_ language: Language) -> String? {
    language == .zh ? modelledNotices.zh : modelledNotices.en
  }
}
