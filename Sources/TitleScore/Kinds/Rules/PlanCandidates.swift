/// The hypothetical records the planner may propose for one item, as its rule's kind adds them (see `Planner`).
struct PlanCandidates {
  /// The item the records would be scored by.
  let item: Item
  /// Makes a record of a type, level and rank, dated inside the window.
  let record: (_ type: String, _ level: String?, _ rank: Int?) -> AchievementRecord
  /// What the kinds added, in order.
  private(set) var found: [Planner.Candidate] = []

  /// Prepares the candidates of an item.
  init(item: Item, record: @escaping (String, String?, Int?) -> AchievementRecord) {
    self.item = item
    self.record = record
  }

  /// Adds a record of a type, level and rank that alone gives at most `bound` points (before the item's cap).
  mutating func add(type: String, level: String?, rank: Int?, bound: Points) {
    let capped = item.cap.map { min($0, bound) } ?? bound
    found.append(Planner.Candidate(record: record(type, level, rank), itemID: item.id, bound: capped))
  }
}
