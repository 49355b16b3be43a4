/// One scored line of a scoresheet (a fourth-level indicator in the tables).
package struct Item: Hashable, Sendable {
  /// Stable id, unique in the sheet; claims and assessor values refer to it.
  package var id: String
  /// The item's name.
  package var title: LocalizedText
  /// The clause or annex row it encodes.
  package var provenance: Provenance
  /// The most the item can give, if capped.
  package var cap: Points?
  /// How it scores.
  package var rule: Rule
}

/// A group of items with an optional cap (first- to third-level indicators).
package struct Category: Hashable, Sendable {
  /// Stable id, unique in the sheet.
  package var id: String
  /// The category's name, e.g. 业绩与能力.
  package var title: LocalizedText
  /// The most the category can give, if capped.
  package var cap: Points?
  /// The clause or annex row it encodes.
  package var provenance: Provenance
  /// Items directly in the category.
  package var items: [Item]
  /// Sub-categories.
  package var categories: [Category]
}

/// A cap over rows in several tables ("四级指标为其他的得分累计最高6分").
package struct SharedCap: Hashable, Sendable {
  /// Stable id rows refer to.
  package var id: String
  /// The cap's name.
  package var title: LocalizedText
  /// The most those rows give together.
  package var cap: Points
  /// The clause it encodes.
  package var provenance: Provenance
}
