/// Ranks a batch: by verdict (pass, below threshold, criteria not met, ineligible), then total, then the sheet's
/// tie-breakers, then applicant id. Applicants equal on everything but id share a rank (1, 2, 2, 4).
enum Ranking {
  static func rank(_ results: inout BatchResults) {
    let count = results.scoredCount
    let breakers = results.sheet.tieBreakers.count
    var order = (0..<count).map { Int32($0) }
    let snapshot = results
    func compareKeys(_ a: Int, _ b: Int) -> Int {
      let verdictA = Verdict.Kind.byIndex[Int(snapshot.verdicts[a])].order
      let verdictB = Verdict.Kind.byIndex[Int(snapshot.verdicts[b])].order
      if verdictA != verdictB { return verdictA < verdictB ? -1 : 1 }
      let stride = snapshot.stride
      for offset in 0..<2 {
        let totalA = snapshot.numbers[a * stride + offset]
        let totalB = snapshot.numbers[b * stride + offset]
        if totalA != totalB { return totalA > totalB ? -1 : 1 }
      }
      for which in 0..<breakers {
        let valueA = snapshot.tieBreakValue(a, which)
        let valueB = snapshot.tieBreakValue(b, which)
        if valueA != valueB { return valueA > valueB ? -1 : 1 }
      }
      return 0
    }
    order.sort { lhs, rhs in
      let a = Int(lhs)
      let b = Int(rhs)
      let keys = compareKeys(a, b)
      if keys != 0 { return keys < 0 }
      let idA = snapshot.ids[a]
      let idB = snapshot.ids[b]
      if idA != idB { return idA < idB }
      return a < b
    }
    var ranks = [Int32](repeating: 0, count: count)
    for position in 0..<count {
      let index = Int(order[position])
      if position > 0, compareKeys(Int(order[position - 1]), index) == 0 {
        ranks[index] = ranks[Int(order[position - 1])]
      } else {
        ranks[index] = Int32(position + 1)
      }
    }
    results.order = order
    results.ranks = ranks
  }
}
