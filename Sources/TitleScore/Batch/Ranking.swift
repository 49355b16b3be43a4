import Foundation

/// Ranks a batch: by verdict (pass, below threshold, criteria not met, ineligible), then total, then the sheet's
/// tie-breakers, then applicant id. Applicants equal on everything but id share a rank (1, 2, 2, 4).
enum Ranking {
  /// A row's ranking keys packed into three words that sort ascending in rank order, so the sort compares
  /// integers held side by side instead of reaching into the rows for every comparison.
  private struct Key {
    /// Verdict order, then the total's minimum (higher first).
    var first: UInt64
    /// The total's maximum, then the first tie-breaker.
    var second: UInt64
    /// The second and third tie-breakers.
    var third: UInt64
    var index: Int32
  }

  /// How many tie-breakers the packed key holds; any further ones are compared from the rows' numbers.
  private static let packedTieBreakers = 3

  /// Ranks the results. With `parts` above 1 the keys are sorted in that many parts at once, then merged; every
  /// key differs (the row index decides last), so the order is the same however many parts there are.
  static func rank(_ results: inout BatchResults, parts: Int = 1) {
    let count = results.scoredCount
    let breakers = results.sheet.tieBreakers.count
    let snapshot = results
    /// Orders a signed value so that larger values come first among unsigned words.
    @Sendable func descending(_ value: Int32) -> UInt64 { UInt64(~(UInt32(bitPattern: value) ^ 0x8000_0000)) }
    @Sendable func breaker(_ index: Int, _ which: Int) -> UInt64 {
      which < breakers ? descending(snapshot.tieBreakValue(index, which)) : 0
    }
    let parts = max(1, min(parts, count))
    let bounds = (0...parts).map { count * $0 / parts }
    // Each part's keys are packed, and its ids checked for order, on a thread of its own.
    var idsInReadingOrder = true
    var keys = [Key](unsafeUninitializedCapacity: count) { buffer, initialized in
      let stretches = Stretches(buffer)
      let outOfOrder = PartFlags(count: parts)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        let stretch = bounds[part]..<bounds[part + 1]
        for index in stretch {
          let base = index * snapshot.stride
          let verdict = UInt64(Verdict.Kind.byIndex[Int(snapshot.rows[index].verdict)].order)
          (stretches.buffer.baseAddress! + index).initialize(
            to: Key(
              first: verdict << 32 | descending(snapshot.numbers[base]),
              second: descending(snapshot.numbers[base + 1]) << 32 | breaker(index, 0),
              third: breaker(index, 1) << 32 | breaker(index, 2), index: Int32(index)))
        }
        for index in max(1, stretch.lowerBound)..<max(1, stretch.upperBound)
        where snapshot.rows[index].id < snapshot.rows[index - 1].id {
          outOfOrder.raise(part)
          break
        }
      }
      initialized = count
      idsInReadingOrder = !outOfOrder.anyRaised
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
    // With ids that never decrease in reading order (ids handed out in order, as offices' lists and the generator
    // have them), ordering ties by id is ordering them by row index, and the sort never reads an id.
    let precedes: @Sendable (Key, Key) -> Bool
    if idsInReadingOrder {
      precedes = { a, b in
        let order = compareKeys(a, b)
        return order != 0 ? order < 0 : a.index < b.index
      }
    } else {
      precedes = { a, b in
        let order = compareKeys(a, b)
        if order != 0 { return order < 0 }
        let idA = snapshot.rows[Int(a.index)].id
        let idB = snapshot.rows[Int(b.index)].id
        if idA != idB { return idA < idB }
        return a.index < b.index
      }
    }
    sort(&keys, bounds: bounds, by: precedes)
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

  /// Sorts the keys: each of `parts` stretches in place on a thread of its own, then neighbouring sorted stretches
  /// merged in place, two by two. A merge copies only its left stretch aside, so sorting never holds more than one
  /// and a half copies of the keys (a million applicants have 32 MB of keys).
  private static func sort(
    _ keys: inout [Key], bounds: [Int], by precedes: @escaping @Sendable (Key, Key) -> Bool
  ) {
    let parts = bounds.count - 1
    guard parts > 1 else {
      keys.sort(by: precedes)
      return
    }
    keys.withUnsafeMutableBufferPointer { buffer in
      let stretches = Stretches(buffer)
      DispatchQueue.concurrentPerform(iterations: parts) { part in
        stretches.sort(bounds[part]..<bounds[part + 1], by: precedes)
      }
      var runs = (0..<parts).map { bounds[$0]..<bounds[$0 + 1] }
      while runs.count > 1 {
        var merged: [Range<Int>] = []
        for pair in stride(from: 0, to: runs.count, by: 2) {
          guard pair + 1 < runs.count else {
            merged.append(runs[pair])
            continue
          }
          mergeNeighbours(runs[pair], runs[pair + 1], in: buffer, by: precedes)
          merged.append(runs[pair].lowerBound..<runs[pair + 1].upperBound)
        }
        runs = merged
      }
    }
  }

  /// Merges two neighbouring sorted stretches of a buffer into one, in place.
  private static func mergeNeighbours(
    _ left: Range<Int>, _ right: Range<Int>, in buffer: UnsafeMutableBufferPointer<Key>,
    by precedes: (Key, Key) -> Bool
  ) {
    let aside = Array(buffer[left])
    var (l, r, out) = (0, right.lowerBound, left.lowerBound)
    while l < aside.count && r < right.upperBound {
      if precedes(buffer[r], aside[l]) {
        buffer[out] = buffer[r]
        r += 1
      } else {
        buffer[out] = aside[l]
        l += 1
      }
      out += 1
    }
    // What is left of the right stretch is already in place.
    while l < aside.count {
      buffer[out] = aside[l]
      l += 1
      out += 1
    }
  }

  /// One flag per part of a ranking, each raised only by the thread working on its part.
  private final class PartFlags: @unchecked Sendable {
    private let flags: UnsafeMutableBufferPointer<Bool>

    init(count: Int) {
      flags = .allocate(capacity: count)
      flags.initialize(repeating: false)
    }

    deinit {
      flags.deallocate()
    }

    func raise(_ part: Int) { flags[part] = true }

    /// Read once every part's thread is done.
    var anyRaised: Bool { flags.contains(true) }
  }

  /// The keys' buffer, for threads that each fill or sort a stretch of it no other thread touches.
  private struct Stretches: @unchecked Sendable {
    let buffer: UnsafeMutableBufferPointer<Key>

    init(_ buffer: UnsafeMutableBufferPointer<Key>) {
      self.buffer = buffer
    }

    func sort(_ range: Range<Int>, by precedes: (Key, Key) -> Bool) {
      var stretch = UnsafeMutableBufferPointer(rebasing: buffer[range])
      stretch.sort(by: precedes)
    }
  }
}
