import Foundation

/// Hands out one shared `String` for each text seen again and again in a batch (record types, levels, grades,
/// employers, majors), so decoding a record builds no new strings for them.
///
/// Texts of up to 15 bytes, which Swift keeps inside the `String` value itself, have a table of their own keyed
/// by their bytes packed into two words: a lookup is a few integer operations, and cheaper than building the
/// string again (about 45 instructions against 120, checking the UTF-8 included).
///
/// The pool is bounded: once it holds `limit` texts it still answers for those and builds the rest afresh.
/// Each worker owns its own pool; nothing is shared between threads.
struct StringPool {
  /// Texts longer than this are built afresh every time: they are rarely repeated.
  static let longestPooled = 96
  /// Texts this long or shorter go to the table of short texts (see above).
  static let longestSmall = String.inlineCapacity

  /// A text of 1 to 15 bytes as three integers that differ for every two different texts: its first eight (or
  /// four) bytes, its last eight (or four), and its length. For the shortest texts the bytes are taken one by one.
  struct ShortKey: Equatable {
    var front: UInt64
    var back: UInt64
    var count: Int

    init(_ raw: UnsafeBufferPointer<UInt8>) {
      let pointer = UnsafeRawPointer(raw.baseAddress!)
      count = raw.count
      // Front and back overlap, or meet, for every length up to 15: together they hold every byte.
      if count >= 8 {
        front = pointer.loadUnaligned(as: UInt64.self)
        back = pointer.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
      } else if count >= 4 {
        front = UInt64(pointer.loadUnaligned(as: UInt32.self))
        back = UInt64(pointer.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
      } else {
        front = UInt64(raw[0]) | UInt64(raw[count / 2]) << 8
        back = UInt64(raw[count - 1])
      }
    }

    var hash: UInt64 {
      let mixed = (front &* 0x9E37_79B9_7F4A_7C15) ^ (back &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(count)
      return mixed ^ (mixed >> 29)
    }
  }

  private var shortSlots: [Int32]
  private var shortKeys: [ShortKey] = []
  private var shortStrings: [String] = []

  /// The longer texts, found by their bytes.
  private var long = TextNumbering()
  private let limit: Int

  /// A pool that keeps at most `limit` texts of each length class; a limit of 0 pools nothing.
  init(limit: Int) {
    self.limit = limit
    var size = 16
    while size < limit * 2 { size *= 2 }
    shortSlots = limit == 0 ? [] : [Int32](repeating: -1, count: size)
  }

  /// The string for raw document bytes, or nil when they are not well-formed UTF-8.
  mutating func string(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    guard !raw.isEmpty else { return "" }
    guard limit > 0, raw.count <= StringPool.longestPooled else { return JSONScanner.string(raw) }
    if raw.count <= StringPool.longestSmall { return shortString(raw) }
    if let number = long.existingNumber(ofUTF8: raw) { return long.texts[Int(number)] }
    guard let string = JSONScanner.string(raw) else { return nil }
    if long.texts.count < limit { _ = long.number(of: string) }
    return string
  }

  /// `string(_:)` for a text of 1 to 15 bytes.
  private mutating func shortString(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    let key = ShortKey(raw)
    let mask = shortSlots.count - 1
    var slot = Int(truncatingIfNeeded: key.hash) & mask
    while true {
      let index = Int(shortSlots[slot])
      if index < 0 { break }
      if shortKeys[index] == key { return shortStrings[index] }
      slot = (slot + 1) & mask
    }
    guard let string = JSONScanner.string(raw) else { return nil }
    if shortStrings.count < limit {
      shortSlots[slot] = Int32(shortStrings.count)
      shortKeys.append(key)
      shortStrings.append(string)
    }
    return string
  }

  /// A fast 64-bit hash of the bytes: eight at a time, and the last up-to-eight in at most two loads.
  static func hash(_ raw: UnsafeBufferPointer<UInt8>) -> UInt64 {
    var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(raw.count)
    guard let base = raw.baseAddress, !raw.isEmpty else { return hash }
    let pointer = UnsafeRawPointer(base)
    let count = raw.count
    var offset = 0
    while offset + 8 <= count {
      hash = (hash ^ pointer.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* 0xFF51_AFD7_ED55_8CCD
      hash ^= hash >> 32
      offset += 8
    }
    let left = count - offset
    var tail: UInt64 = 0
    if left >= 4 {
      // Two four-byte loads that may overlap cover five to seven bytes.
      tail =
        UInt64(pointer.loadUnaligned(fromByteOffset: offset, as: UInt32.self))
        | UInt64(pointer.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)) << 32
    } else if left > 0 {
      tail = UInt64(raw[offset]) | UInt64(raw[offset + left / 2]) << 8 | UInt64(raw[count - 1]) << 16
    }
    hash = (hash ^ tail) &* 0xC4CE_B9FE_1A85_EC53
    return hash ^ (hash >> 29)
  }
}
