/// One scored line of a scoresheet (a fourth-level indicator in the tables).
public struct Item: Hashable, Sendable {
  /// Stable id, unique in the sheet; claims and assessor values refer to it.
  public var id: String
  /// The item's name.
  public var title: LocalizedText
  /// The clause or annex row it encodes.
  public var provenance: Provenance
  /// The most the item can give, if capped.
  public var cap: Points?
  /// How it scores.
  public var rule: Rule
}

/// A group of items with an optional cap (first- to third-level indicators).
public struct Category: Hashable, Sendable {
  /// Stable id, unique in the sheet.
  public var id: String
  /// The category's name, e.g. 业绩与能力.
  public var title: LocalizedText
  /// The most the category can give, if capped.
  public var cap: Points?
  /// The clause or annex row it encodes.
  public var provenance: Provenance
  /// Items directly in the category.
  public var items: [Item]
  /// Sub-categories.
  public var categories: [Category]
}

/// A cap over rows in several tables ("四级指标为其他的得分累计最高6分").
public struct SharedCap: Hashable, Sendable {
  /// Stable id rows refer to.
  public var id: String
  /// The cap's name.
  public var title: LocalizedText
  /// The most those rows give together.
  public var cap: Points
  /// The clause it encodes.
  public var provenance: Provenance
}
