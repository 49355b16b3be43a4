/// The applicant's own figure beside a condition's requirement, worded by the catalogue: "3 年，需 4 年，差 1 年",
/// "0 项，需 1 项，差 1 项". Conditions build theirs with these helpers (see `ConditionKind.figure`).
enum ConditionFigure {
  /// An amount (years, a sum) against the least needed; `have` nil when the portfolio does not give it.
  static func amount(_ have: Points?, needed: Points, unit: MessageKey?) -> Message {
    let unitWord: MessageArgument = unit.map { .word($0) } ?? .text("")
    guard let have else { return Message(.conditionFigureMissing, .points(needed), unitWord) }
    if have >= needed { return Message(.conditionFigureMet, .points(have), .points(needed), unitWord) }
    return Message(.conditionFigureShort, .points(have), .points(needed), unitWord, .points(needed - have))
  }

  /// A count (records, experts) against the least needed.
  static func count(_ have: Int, needed: Int, unit: MessageKey) -> Message {
    amount(Points(have), needed: Points(needed), unit: unit)
  }
}
