/// A set of positions in a sheet's list (failed gates, raised flag triggers), as a batch row files it: the first 64
/// as bits in the row itself, any beyond in a list that only a sheet with more than 64 gates or flags ever makes.
struct PositionSet: Hashable, Sendable {
  /// Positions 0 to 63, one bit each.
  private var bits: UInt64 = 0
  /// Positions from 64 on, in order; nil while there are none.
  private var beyond: [Int]?

  /// An empty set.
  init() {}

  /// Adds a position (positions are added in increasing order).
  mutating func insert(_ position: Int) {
    if position < 64 {
      bits |= 1 << UInt64(position)
    } else if beyond == nil {
      beyond = [position]
    } else if beyond!.last != position {
      beyond!.append(position)
    }
  }

  /// Whether the set is empty.
  var isEmpty: Bool { bits == 0 && beyond == nil }

  /// Whether a position is in the set.
  func contains(_ position: Int) -> Bool {
    position < 64 ? bits & (1 << UInt64(position)) != 0 : beyond?.contains(position) == true
  }

  /// The positions, in increasing order.
  var positions: [Int] {
    var result: [Int] = []
    var rest = bits
    while rest != 0 {
      result.append(rest.trailingZeroBitCount)
      rest &= rest - 1
    }
    return result + (beyond ?? [])
  }
}
