import Foundation

/// The distinct employer names of a batch, numbered in order of first appearance and found by their UTF-8 bytes.
///
/// Every scored applicant's employer is looked up here. `String` hashing and equality work through Unicode
/// normalisation, and a dictionary hashes with a seeded hasher: for the Chinese names of the examples that cost more
/// than the rest of filing the row. Names written with the same bytes are the same employer.
struct EmployerNames {
  /// The names, by number.
  private(set) var names: [String] = []
  /// Each name's hash, by number.
  private var hashes: [UInt64] = []
  /// Open addressing over the numbers (-1 for an empty slot), kept at most half full.
  private var slots = [Int32](repeating: -1, count: 16)

  /// The number of a name, given the next number when it is new.
  mutating func number(of name: String) -> Int32 {
    var text = name
    return text.withUTF8 { bytes in
      let hash = StringPool.hash(bytes)
      let mask = slots.count - 1
      var slot = Int(truncatingIfNeeded: hash) & mask
      while slots[slot] >= 0 {
        let number = Int(slots[slot])
        if hashes[number] == hash && EmployerNames.same(&names[number], bytes) { return Int32(number) }
        slot = (slot + 1) & mask
      }
      let number = Int32(names.count)
      names.append(name)
      hashes.append(hash)
      slots[slot] = number
      if names.count * 2 > slots.count { grow() }
      return number
    }
  }

  private static func same(_ name: inout String, _ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    name.withUTF8 { stored in
      guard stored.count == bytes.count else { return false }
      return bytes.isEmpty || memcmp(stored.baseAddress!, bytes.baseAddress!, bytes.count) == 0
    }
  }

  /// Doubles the slots and places every number again.
  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for number in names.indices {
      var slot = Int(truncatingIfNeeded: hashes[number]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(number)
    }
  }
}
