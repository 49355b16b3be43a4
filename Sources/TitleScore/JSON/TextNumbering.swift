import Foundation

/// Distinct texts numbered in order of first appearance, found by their UTF-8 bytes.
///
/// A batch numbers every scored applicant's employer, and a `StringPool` keeps its longer texts here. `String`
/// hashing and equality work through Unicode normalisation, and a dictionary hashes with a seeded hasher: for short
/// Chinese names that cost more than the rest of filing the row. Texts written with the same bytes are the same text.
struct TextNumbering {
  /// The texts, by number.
  private(set) var texts: [String] = []
  /// Each text's hash, by number.
  private var hashes: [UInt64] = []
  /// The texts' UTF-8 bytes one after another, and where each text's start: lookups compare bytes here, without
  /// touching the strings.
  private var bytes: [UInt8] = []
  private var starts: [Int] = [0]
  /// Open addressing over the numbers (-1 for an empty slot), kept at most half full.
  private var slots = [Int32](repeating: -1, count: 16)

  /// Numbers texts in order, each once.
  init(_ texts: [String] = []) {
    for text in texts { _ = number(of: text) }
  }

  /// The number of a text, given the next number when it is new.
  mutating func number(of text: String) -> Int32 {
    var utf8 = text
    return utf8.withUTF8 { utf8 in
      let (found, slot, hash) = find(utf8)
      if let found { return found }
      let number = Int32(texts.count)
      texts.append(text)
      hashes.append(hash)
      bytes.append(contentsOf: utf8)
      starts.append(bytes.count)
      slots[slot] = number
      if texts.count * 2 > slots.count { grow() }
      return number
    }
  }

  /// The number of a text, if it has one.
  func existingNumber(of text: String) -> Int32? {
    var utf8 = text
    return utf8.withUTF8 { existingNumber(ofUTF8: $0) }
  }

  /// The number of the text with these UTF-8 bytes, if it has one.
  func existingNumber(ofUTF8 utf8: UnsafeBufferPointer<UInt8>) -> Int32? {
    find(utf8).number
  }

  /// The text's number, or the empty slot where it would go; and its hash.
  private func find(_ utf8: UnsafeBufferPointer<UInt8>) -> (number: Int32?, slot: Int, hash: UInt64) {
    let hash = StringPool.hash(utf8)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 {
      let number = Int(slots[slot])
      if hashes[number] == hash && starts[number + 1] - starts[number] == utf8.count {
        let same = bytes.withUnsafeBufferPointer { stored in
          utf8.isEmpty || memcmp(stored.baseAddress! + starts[number], utf8.baseAddress!, utf8.count) == 0
        }
        if same { return (Int32(number), slot, hash) }
      }
      slot = (slot + 1) & mask
    }
    return (nil, slot, hash)
  }

  /// Doubles the slots and places every number again.
  private mutating func grow() {
    slots = [Int32](repeating: -1, count: slots.count * 2)
    let mask = slots.count - 1
    for number in texts.indices {
      var slot = Int(truncatingIfNeeded: hashes[number]) & mask
      while slots[slot] >= 0 { slot = (slot + 1) & mask }
      slots[slot] = Int32(number)
    }
  }
}
