/// What the portfolio generator writes for a sheet, as the kinds of its rules and gates add it (see `PortfolioGenerator`).
struct GeneratorSamples {
  /// Record kinds the sheet scores, each type once, in the order first added.
  private(set) var recordKinds: [PortfolioGenerator.RecordKind] = []
  /// Items the reviewer decides within a range, with their allowed values.
  private(set) var assessedItems: [(id: String, values: [Points])] = []
  /// The years the sheet checks continuing education for, if a gate does.
  var continuingEducationYears: [Int]?
  /// The years the sheet checks annual assessments for, if a gate does.
  var assessmentYears: [Int]?

  /// Adds records of some types, with the levels and the highest rank to write (a type added before keeps its
  /// first levels).
  mutating func addRecords(types: [String], levels: [String], maxRank: Int) {
    for type in types where !recordKinds.contains(where: { $0.type == type }) {
      recordKinds.append(
        PortfolioGenerator.RecordKind(
          type: type, levels: levels.isEmpty ? ["general"] : levels, maxRank: max(1, maxRank)))
    }
  }

  /// Adds an item the reviewer decides, with the values it allows.
  mutating func addAssessed(itemID: String, values: [Points]) {
    assessedItems.append((itemID, values))
  }
}
