/// An exact number of points, held as a whole number of ten-thousandths.
///
/// Half points, quarter points and rank coefficients such as 0.8 add up to exactly what an office computes by hand;
/// no binary floating point is involved anywhere a score is summed.
public struct Points: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral {
  /// Ten-thousandths of a point per point.
  public static let scale: Int64 = 10_000

  /// The value in ten-thousandths of a point.
  public var units: Int64

  /// Creates points from ten-thousandths of a point.
  public init(units: Int64) {
    self.units = units
  }

  /// Creates a whole number of points.
  public init(_ whole: Int) {
    self.units = Int64(whole) * Points.scale
  }

  /// Creates a whole number of points from a literal.
  public init(integerLiteral value: Int) {
    self.init(value)
  }

  /// Parses a decimal such as `12`, `-0.5` or `0.25`; nil for an exponent or more than four decimals.
  public init?(exactly text: String) {
    var copy = text
    guard let value = copy.withUTF8({ Points(exactlyUTF8: $0) }) else { return nil }
    self = value
  }

  /// Parses a decimal from UTF-8 bytes; the same rules as `init?(exactly:)`.
  init?(exactlyUTF8 bytes: UnsafeBufferPointer<UInt8>) {
    var utf8 = bytes[...]
    var negative = false
    if utf8.first == UInt8(ascii: "-") {
      negative = true
      utf8 = utf8.dropFirst()
    }
    var whole: Int64 = 0
    var fraction: Int64 = 0
    var fractionDigits = 0
    var seenPoint = false
    var seenDigit = false
    for byte in utf8 {
      if byte == UInt8(ascii: ".") {
        if seenPoint { return nil }
        seenPoint = true
        continue
      }
      guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
      seenDigit = true
      let digit = Int64(byte - UInt8(ascii: "0"))
      if seenPoint {
        fractionDigits += 1
        if fractionDigits > 4 {
          if digit != 0 { return nil }
          continue
        }
        fraction = fraction * 10 + digit
      } else {
        guard whole < 100_000_000_000 else { return nil }
        whole = whole * 10 + digit
      }
    }
    guard seenDigit else { return nil }
    for _ in min(fractionDigits, 4)..<4 { fraction *= 10 }
    let units = whole * Points.scale + fraction
    self.units = negative ? -units : units
  }

  /// No points.
  public static let zero = Points(units: 0)

  /// The largest magnitude a sheet or a portfolio may state: far above any table, and small enough that points
  /// times any allowed count cannot overflow.
  public static let largestInput = Points(1_000_000)

  public static func + (lhs: Points, rhs: Points) -> Points { Points(units: lhs.units + rhs.units) }
  public static func - (lhs: Points, rhs: Points) -> Points { Points(units: lhs.units - rhs.units) }
  public static func += (lhs: inout Points, rhs: Points) { lhs.units += rhs.units }
  public static func -= (lhs: inout Points, rhs: Points) { lhs.units -= rhs.units }
  public static prefix func - (value: Points) -> Points { Points(units: -value.units) }
  public static func < (lhs: Points, rhs: Points) -> Bool { lhs.units < rhs.units }

  /// These points times a whole count.
  public static func * (lhs: Points, count: Int) -> Points { Points(units: lhs.units * Int64(count)) }

  /// These points times a coefficient, rounded half away from zero to the nearest ten-thousandth.
  public func scaled(by coefficient: Points) -> Points {
    let product = units * coefficient.units
    let half = Points.scale / 2
    let rounded = product >= 0 ? (product + half) / Points.scale : (product - half) / Points.scale
    return Points(units: rounded)
  }

  /// Whether the value has no fractional part.
  public var isWhole: Bool { units % Points.scale == 0 }

  /// The value as a decimal with no trailing zeros: `12`, `12.5`, `0.25`.
  public var description: String {
    var bytes: [UInt8] = []
    appendDescription(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `description` as UTF-8, without building a `String` (report rows are written this way).
  func appendDescription<Output: ByteAppending & ~Copyable>(to bytes: inout Output) {
    if units < 0 { bytes.append(UInt8(ascii: "-")) }
    let magnitude = units.magnitude
    Points.appendDigits(of: magnitude / UInt64(Points.scale), to: &bytes)
    var fraction = magnitude % UInt64(Points.scale)
    guard fraction != 0 else { return }
    var digits = 4
    while fraction % 10 == 0 {
      fraction /= 10
      digits -= 1
    }
    bytes.append(UInt8(ascii: "."))
    Points.appendDigits(of: fraction, to: &bytes, width: digits)
  }

  /// Appends the decimal digits of a whole number, with leading zeros up to `width` digits. The digits are worked
  /// out from the last, dividing by the constant ten, which compiles to a multiplication: dividing by a power of ten
  /// held in a variable took a hardware division for every digit of every number in a report.
  static func appendDigits<Output: ByteAppending & ~Copyable>(
    of value: UInt64, to bytes: inout Output, width: Int = 1
  ) {
    precondition(width <= 20, "a UInt64 has at most 20 digits")
    withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
      var value = value
      var start = digits.count
      repeat {
        start -= 1
        digits[start] = UInt8(ascii: "0") + UInt8(value % 10)
        value /= 10
      } while value > 0 || digits.count - start < width
      bytes.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start...]))
    }
  }

  /// The value as a decimal with exactly `places` decimals (rounded half away from zero), for aligned columns.
  public func formatted(places: Int) -> String {
    precondition((0...4).contains(places))
    var divisor: Int64 = 1
    for _ in places..<4 { divisor *= 10 }
    let half = divisor / 2
    let rounded = units >= 0 ? (units + half) / divisor : (units - half) / divisor
    let sign = rounded < 0 ? "-" : ""
    var placesScale: Int64 = 1
    for _ in 0..<places { placesScale *= 10 }
    let magnitude = rounded.magnitude
    let whole = magnitude / UInt64(placesScale)
    guard places > 0 else { return "\(sign)\(whole)" }
    var fractionText = String(magnitude % UInt64(placesScale))
    while fractionText.count < places { fractionText = "0" + fractionText }
    return "\(sign)\(whole).\(fractionText)"
  }
}
