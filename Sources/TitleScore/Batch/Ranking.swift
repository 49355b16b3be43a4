/// Ranks a batch: by verdict (pass, below threshold, criteria not met, ineligible), then total, then the sheet's
/// tie-breakers, then applicant id. Applicants equal on everything but id share a rank (1, 2, 2, 4).
enum Ranking {
  /// A row's ranking keys packed into three words that sort ascending in rank order, so the sort compares
  /// integers held side by side instead of reaching into the columns for every comparison.
  private struct Key {
    /// Verdict order, then the total's minimum (higher first).
    var first: UInt64
    /// The total's maximum, then the first tie-breaker.
    var second: UInt64
    /// The second and third tie-breakers.
    var third: UInt64
    var index: Int32
  }

  /// How many tie-breakers the packed key holds; any further ones are compared from the columns.
  private static let packedTieBreakers = 3

  static func rank(_ results: inout BatchResults) {
    let count = results.scoredCount
    let breakers = results.sheet.tieBreakers.count
    let snapshot = results
    /// Orders a signed value so that larger values come first among unsigned words.
    func descending(_ value: Int32) -> UInt64 { UInt64(~(UInt32(bitPattern: value) ^ 0x8000_0000)) }
    func breaker(_ index: Int, _ which: Int) -> UInt64 {
      which < breakers ? descending(snapshot.tieBreakValue(index, which)) : 0
    }
    var keys: [Key] = []
    keys.reserveCapacity(count)
    for index in 0..<count {
      let base = index * snapshot.stride
      let verdict = UInt64(Verdict.Kind.byIndex[Int(snapshot.verdicts[index])].order)
      keys.append(
        Key(
          first: verdict << 32 | descending(snapshot.numbers[base]),
          second: descending(snapshot.numbers[base + 1]) << 32 | breaker(index, 0),
          third: breaker(index, 1) << 32 | breaker(index, 2), index: Int32(index)))
    }
    /// Compares everything but the id: -1, 0 or 1.
    func compareKeys(_ a: Key, _ b: Key) -> Int {
      if a.first != b.first { return a.first < b.first ? -1 : 1 }
      if a.second != b.second { return a.second < b.second ? -1 : 1 }
      if a.third != b.third { return a.third < b.third ? -1 : 1 }
      for which in packedTieBreakers..<max(packedTieBreakers, breakers) {
        let valueA = snapshot.tieBreakValue(Int(a.index), which)
        let valueB = snapshot.tieBreakValue(Int(b.index), which)
        if valueA != valueB { return valueA > valueB ? -1 : 1 }
      }
      return 0
    }
    keys.sort { a, b in
      let order = compareKeys(a, b)
      if order != 0 { return order < 0 }
      let idA = snapshot.ids[Int(a.index)]
      let idB = snapshot.ids[Int(b.index)]
      if idA != idB { return idA < idB }
      return a.index < b.index
    }
    var order = [Int32](repeating: 0, count: count)
    var ranks = [Int32](repeating: 0, count: count)
    for position in 0..<count {
      let index = Int(keys[position].index)
      order[position] = Int32(index)
      if position > 0, compareKeys(keys[position - 1], keys[position]) == 0 {
        ranks[index] = ranks[Int(keys[position - 1].index)]
      } else {
        ranks[index] = Int32(position + 1)
      }
    }
    results.order = order
    results.ranks = ranks
  }
}
