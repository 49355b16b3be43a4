/// The sheet's gates a batch row failed and the flag triggers it raised, by position in the sheet's lists: the
/// first 64 of each as bits in the row itself, any beyond in one list that only a sheet with more than 64 gates or
/// flags ever makes (a gate at position p is kept as p, a flag as −1 − p, so one list, and one reference in the
/// row, serves both).
struct RowPositions: Hashable, Sendable {
  private var gateBits: UInt64 = 0
  private var flagBits: UInt64 = 0
  /// Positions from 64 on, gates as themselves and flags as −1 − p, in the order added; nil while there are none.
  private var beyond: [Int]?

  /// None yet.
  init() {}

  /// Adds a failed gate's position.
  mutating func insertGate(_ position: Int) {
    if position < 64 { gateBits |= 1 << UInt64(position) } else { addBeyond(position) }
  }

  /// Adds a raised flag trigger's position.
  mutating func insertFlag(_ position: Int) {
    if position < 64 { flagBits |= 1 << UInt64(position) } else { addBeyond(-1 - position) }
  }

  private mutating func addBeyond(_ entry: Int) {
    if beyond == nil { beyond = [] }
    if beyond!.contains(entry) { return }
    beyond!.append(entry)
  }

  /// Whether no gate failed.
  var noGateFailed: Bool { gateBits == 0 && !(beyond?.contains { $0 >= 0 } ?? false) }

  /// Whether no flag was raised.
  var noFlagRaised: Bool { flagBits == 0 && !(beyond?.contains { $0 < 0 } ?? false) }

  /// The failed gates' positions, in increasing order.
  var gates: [Int] { Self.positions(of: gateBits) + (beyond ?? []).filter { $0 >= 0 }.sorted() }

  /// The raised flag triggers' positions, in increasing order.
  var flags: [Int] { Self.positions(of: flagBits) + (beyond ?? []).filter { $0 < 0 }.map { -1 - $0 }.sorted() }

  private static func positions(of bits: UInt64) -> [Int] {
    var result: [Int] = []
    var rest = bits
    while rest != 0 {
      result.append(rest.trailingZeroBitCount)
      rest &= rest - 1
    }
    return result
  }
}
