import Foundation

/// The codes and terms of one closed list, found by the UTF-8 bytes the decoder reads, before any `String` is
/// built: a batch resolves some thirty values per applicant, nearly all of them codes, and a lookup here is a hash
/// of a few words and one byte comparison (a `Dictionary` keyed by `String` costs a string, a SipHash and an
/// equality test for each).
///
/// Written forms are stored as given and as `Glossary.key(_:)` folds them; a value found in neither is looked up
/// again, folded, by `Glossary.resolvedCode(_:in:)`.
struct TermTable: Sendable {
  /// Positions into the entries by hash; -1 for an empty slot. Twice as many slots as entries, at least 16.
  private var slots: [Int32]
  private var hashes: [UInt64] = []
  /// Each entry's bytes, one after the other in `bytes`.
  private var starts: [Int] = []
  private var lengths: [Int] = []
  private var bytes: [UInt8] = []
  /// The code each entry stands for.
  private var codes: [String] = []

  /// A table of written forms and their codes; where two entries have the same bytes, the first keeps them.
  init(_ entries: [(written: String, code: String)]) {
    var size = 16
    while size < entries.count * 2 { size *= 2 }
    slots = [Int32](repeating: -1, count: size)
    for (written, code) in entries { insert(Array(written.utf8), code) }
  }

  private mutating func insert(_ key: [UInt8], _ code: String) {
    let hash = key.withUnsafeBufferPointer { StringPool.hash($0) }
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while slots[slot] >= 0 {
      let index = Int(slots[slot])
      if hashes[index] == hash && lengths[index] == key.count
        && Array(bytes[starts[index]..<starts[index] + key.count]) == key
      {
        return
      }
      slot = (slot + 1) & mask
    }
    slots[slot] = Int32(codes.count)
    hashes.append(hash)
    starts.append(bytes.count)
    lengths.append(key.count)
    bytes += key
    codes.append(code)
  }

  /// The code whose code or term has exactly these bytes, or nil.
  func code(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    let hash = StringPool.hash(raw)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: hash) & mask
    while true {
      let index = Int(slots[slot])
      if index < 0 { return nil }
      if hashes[index] == hash && lengths[index] == raw.count {
        // Safety: `starts[index]` and `raw.count` (equal to the entry's length) stay inside `bytes`, and `raw`
        // is a live buffer of `raw.count` bytes; an empty `raw` compares nothing.
        let same = bytes.withUnsafeBufferPointer { stored in
          raw.isEmpty || memcmp(stored.baseAddress! + starts[index], raw.baseAddress!, raw.count) == 0
        }
        if same { return codes[index] }
      }
      slot = (slot + 1) & mask
    }
  }
}
