import Foundation

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

  /// Ranks the results. With `parts` above 1 the keys are sorted in that many parts at once, then merged; every
  /// key differs (the row index decides last), so the order is the same however many parts there are.
  static func rank(_ results: inout BatchResults, parts: Int = 1) {
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
    @Sendable func compareKeys(_ a: Key, _ b: Key) -> Int {
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
    let precedes: @Sendable (Key, Key) -> Bool = { a, b in
      let order = compareKeys(a, b)
      if order != 0 { return order < 0 }
      let idA = snapshot.ids[Int(a.index)]
      let idB = snapshot.ids[Int(b.index)]
      if idA != idB { return idA < idB }
      return a.index < b.index
    }
    keys = sorted(keys, parts: max(1, min(parts, count)), by: precedes)
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

  /// The keys sorted: each of `parts` stretches on a thread of its own, then the sorted stretches merged two by
  /// two.
  private static func sorted(_ keys: [Key], parts: Int, by precedes: @escaping @Sendable (Key, Key) -> Bool)
    -> [Key]
  {
    guard parts > 1 else { return keys.sorted(by: precedes) }
    let bounds = (0...parts).map { keys.count * $0 / parts }
    let stretches = SortedStretches(parts)
    DispatchQueue.concurrentPerform(iterations: parts) { part in
      stretches.set(part, keys[bounds[part]..<bounds[part + 1]].sorted(by: precedes))
    }
    var runs = stretches.all
    while runs.count > 1 {
      var merged: [[Key]] = []
      for pair in stride(from: 0, to: runs.count, by: 2) {
        merged.append(pair + 1 < runs.count ? merge(runs[pair], runs[pair + 1], by: precedes) : runs[pair])
      }
      runs = merged
    }
    return runs[0]
  }

  /// Two sorted runs as one.
  private static func merge(_ left: [Key], _ right: [Key], by precedes: (Key, Key) -> Bool) -> [Key] {
    var result: [Key] = []
    result.reserveCapacity(left.count + right.count)
    var (l, r) = (0, 0)
    while l < left.count && r < right.count {
      if precedes(right[r], left[l]) {
        result.append(right[r])
        r += 1
      } else {
        result.append(left[l])
        l += 1
      }
    }
    result += left[l...]
    result += right[r...]
    return result
  }

  /// The sorted stretches, one slot per part, filled by the threads sorting them.
  private final class SortedStretches: @unchecked Sendable {
    private var slots: [[Key]]
    private let lock = NSLock()

    init(_ parts: Int) {
      slots = Array(repeating: [], count: parts)
    }

    func set(_ part: Int, _ keys: [Key]) {
      lock.lock()
      slots[part] = keys
      lock.unlock()
    }

    var all: [[Key]] {
      lock.lock()
      defer { lock.unlock() }
      return slots
    }
  }
}
