/// One applicant's line in a batch report: identity, score, verdict and the main reasons points were lost.
public struct BatchRow: Hashable, Sendable {
  /// The rank; applicants with equal ranking keys share it.
  public var rank: Int
  /// The position in rank order, from 0 (unlike the rank, never shared).
  public var position: Int
  /// Applicant id.
  public var id: String
  /// Name.
  public var name: String
  /// Employer name.
  public var employer: String
  /// Identity number with all but the first and last four characters masked.
  public var maskedIDNumber: String
  /// Telephone with the middle digits masked.
  public var maskedPhone: String
  /// Verdict.
  public var verdict: Verdict.Kind
  /// Failed gates, for ineligible applicants.
  public var failedGates: [String]
  /// Total points.
  public var total: PointsInterval
  /// Total minus threshold, for point routes.
  public var margin: PointsInterval?
  /// First-level category subtotals, in sheet order.
  public var subtotals: [PointsInterval]
  /// The claimed self-score, where the portfolio has one.
  public var claimed: Points?
  /// The main deduction reasons, most points lost first (at most three).
  public var reasons: [ReasonCode]
  /// Flags raised (such as `interview-required`).
  public var flags: [String]
  /// The input file.
  public var file: String
  /// The line in the input file (0 for a whole-file portfolio).
  public var line: Int
}

/// Masks identity numbers and telephone numbers for public postings and reports.
///
/// A batch keeps only what the mask shows, as `first|hidden|last` (short enough to live inside the string value
/// itself rather than on the heap), and expands it when a report is written.
enum Masking {
  /// The kept ends of a value and how many characters lie hidden between them.
  static func compact(_ value: String?, keepFirst: Int, keepLast: Int) -> String {
    guard var value, !value.isEmpty else { return "" }
    // Identity and phone numbers are ASCII: slice their bytes (this runs once per applicant in a batch).
    let ascii: String? = value.withUTF8 { utf8 in
      guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
      guard utf8.count > keepFirst + keepLast else { return "|\(utf8.count)|" }
      return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: keepFirst + keepLast + 24) { buffer in
        var length = 0
        for byte in utf8[..<keepFirst] {
          buffer[length] = byte
          length += 1
        }
        buffer[length] = UInt8(ascii: "|")
        length += 1
        let hidden = utf8.count - keepFirst - keepLast
        var divisor = 1
        while hidden / divisor >= 10 { divisor *= 10 }
        while divisor > 0 {
          buffer[length] = UInt8(ascii: "0") + UInt8(hidden / divisor % 10)
          length += 1
          divisor /= 10
        }
        buffer[length] = UInt8(ascii: "|")
        length += 1
        for byte in utf8[(utf8.count - keepLast)...] {
          buffer[length] = byte
          length += 1
        }
        return String(checkedUTF8: UnsafeBufferPointer(rebasing: buffer[..<length]))
      }
    }
    if let ascii { return ascii }
    let characters = Array(value)
    guard characters.count > keepFirst + keepLast else { return "|\(characters.count)|" }
    return String(characters.prefix(keepFirst)) + "|\(characters.count - keepFirst - keepLast)|"
      + String(characters.suffix(keepLast))
  }

  /// The masked text for a compact value: `3304**********1234`.
  static func expand(_ compact: String) -> String {
    var bytes: [UInt8] = []
    appendExpanded(compact, to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends the masked text for a compact value as UTF-8.
  static func appendExpanded<Output: ByteAppending & ~Copyable>(_ compact: String, to bytes: inout Output) {
    var compact = compact
    compact.withUTF8 { utf8 in
      guard let first = utf8.firstIndex(of: UInt8(ascii: "|")), let last = utf8.lastIndex(of: UInt8(ascii: "|")),
        first < last
      else {
        bytes.append(contentsOf: utf8)
        return
      }
      var hidden = 0
      for digit in utf8[(first + 1)..<last] {
        guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9"), hidden < 1_000_000 else {
          bytes.append(contentsOf: utf8)
          return
        }
        hidden = hidden * 10 + Int(digit - UInt8(ascii: "0"))
      }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[..<first]))
      for _ in 0..<hidden { bytes.append(UInt8(ascii: "*")) }
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[(last + 1)...]))
    }
  }

  /// `330402198805121234` → `3304**********1234`.
  static func idNumber(_ value: String?) -> String { expand(compact(value, keepFirst: 4, keepLast: 4)) }

  /// `13812345678` → `138****5678`.
  static func phone(_ value: String?) -> String { expand(compact(value, keepFirst: 3, keepLast: 4)) }
}
