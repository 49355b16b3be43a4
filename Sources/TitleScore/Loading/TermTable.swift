import Foundation

/// The codes and terms of every closed list, found by the UTF-8 bytes the decoder reads, before any `String` is
/// built: a batch resolves some thirty values per applicant, nearly all of them codes, and a lookup here costs
/// about what the string pool's did for those fields (a `Dictionary` keyed by `String` costs a string, a SipHash
/// and an equality test for each: 26% of a batch's time).
///
/// As in `StringPool`, a text of up to 15 bytes is keyed by its bytes packed into integers (`StringPool.ShortKey`),
/// compared without reading memory; longer ones by a hash and a byte comparison. Written forms are stored as given
/// and as `Glossary.key(_:)` folds them; a value found in neither is looked up again, folded, by
/// `Glossary.resolvedCode(_:in:)`.
///
/// A class, and immutable once built, so that the decoder reaches its arrays without copying a struct of them
/// for every lookup; each batch worker has its own (see `Glossary.independentCopy()`).
final class TermTable: Sendable {
  /// Positions into the entries by hash; -1 for an empty slot. At least twice as many slots as entries.
  private let slots: [Int32]
  /// Each entry's short key (its list in the high bits of the length), or for a long text its hash and length.
  private let keys: [StringPool.ShortKey]
  /// The bytes of the long entries, by entry; empty for a short one.
  private let longBytes: [[UInt8]]
  /// The code each entry stands for.
  private let codes: [String]

  /// A table of written forms, each in a list (its position in `Glossary.List.allCases`), and their codes; where
  /// two entries of a list have the same bytes, the first keeps them.
  init(_ entries: [(list: UInt8, written: String, code: String)]) {
    var size = 16
    while size < entries.count * 2 { size *= 2 }
    var slots = [Int32](repeating: -1, count: size)
    var keys: [StringPool.ShortKey] = []
    var longBytes: [[UInt8]] = []
    var codes: [String] = []
    for (list, written, code) in entries {
      let bytes = Array(written.utf8)
      guard !bytes.isEmpty else { continue }
      let key = bytes.withUnsafeBufferPointer { TermTable.key($0, list: list) }
      var slot = Int(truncatingIfNeeded: key.hash) & (size - 1)
      var known = false
      while slots[slot] >= 0 {
        let index = Int(slots[slot])
        if keys[index] == key && longBytes[index] == (bytes.count > StringPool.longestSmall ? bytes : []) {
          known = true
          break
        }
        slot = (slot + 1) & (size - 1)
      }
      if known { continue }
      slots[slot] = Int32(codes.count)
      keys.append(key)
      longBytes.append(bytes.count > StringPool.longestSmall ? bytes : [])
      codes.append(code)
    }
    self.slots = slots
    self.keys = keys
    self.longBytes = longBytes
    self.codes = codes
  }

  /// Whether stored bytes equal a text of the same length (the keys matched, lengths included).
  private static func same(_ stored: [UInt8], _ raw: UnsafeBufferPointer<UInt8>) -> Bool {
    // Safety: both buffers hold `raw.count` bytes (equal keys have equal lengths) and `raw` is not empty.
    stored.withUnsafeBufferPointer { memcmp($0.baseAddress!, raw.baseAddress!, raw.count) == 0 }
  }

  /// The same table with storage of its own, down to the codes' texts, for one batch worker: threads returning
  /// the same code strings would count references on one shared object.
  func independentCopy() -> TermTable {
    TermTable(
      slots: slots, keys: keys, longBytes: longBytes.map { Array($0) },
      codes: codes.map { String(decoding: Array($0.utf8), as: UTF8.self) })
  }

  private init(slots: [Int32], keys: [StringPool.ShortKey], longBytes: [[UInt8]], codes: [String]) {
    // Fresh arrays: `Array(_:)` of an array shares its buffer, `map` does not.
    self.slots = slots.map { $0 }
    self.keys = keys.map { $0 }
    self.longBytes = longBytes
    self.codes = codes
  }

  /// The key of a text in a list: its packed bytes for a short text, its hash for a long one, with the list and
  /// the length in `count`.
  private static func key(_ raw: UnsafeBufferPointer<UInt8>, list: UInt8) -> StringPool.ShortKey {
    if raw.count <= StringPool.longestSmall {
      var key = StringPool.ShortKey(raw)
      key.count |= Int(list) << 32
      return key
    }
    var key = StringPool.ShortKey(UnsafeBufferPointer(rebasing: raw[..<StringPool.longestSmall]))
    key.back = StringPool.hash(raw)
    key.count = raw.count | Int(list) << 32
    return key
  }

  /// The code whose code or term, in the list, has exactly these bytes; nil for none (or an empty text).
  func code(_ raw: UnsafeBufferPointer<UInt8>, list: UInt8) -> String? {
    guard !raw.isEmpty else { return nil }
    let key = TermTable.key(raw, list: list)
    let mask = slots.count - 1
    var slot = Int(truncatingIfNeeded: key.hash) & mask
    while true {
      let index = Int(slots[slot])
      if index < 0 { return nil }
      if keys[index] == key && (raw.count <= StringPool.longestSmall || TermTable.same(longBytes[index], raw)) {
        return codes[index]
      }
      slot = (slot + 1) & mask
    }
  }
}
