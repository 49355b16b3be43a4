/// A closed range of points: exact when a score has no assessor ranges, wider where the reviewer still chooses.
public struct PointsInterval: Hashable, Sendable, CustomStringConvertible {
  /// The least the score can be.
  public var min: Points
  /// The most the score can be.
  public var max: Points

  /// Creates an interval; `min` must not exceed `max`.
  public init(min: Points, max: Points) {
    self.min = min
    self.max = max
  }

  /// An interval holding one exact value.
  public init(exactly value: Points) {
    self.min = value
    self.max = value
  }

  /// No points.
  public static let zero = PointsInterval(exactly: .zero)

  /// Whether the interval holds a single value.
  public var isExact: Bool { min == max }

  public static func + (lhs: PointsInterval, rhs: PointsInterval) -> PointsInterval {
    PointsInterval(min: lhs.min + rhs.min, max: lhs.max + rhs.max)
  }

  public static func += (lhs: inout PointsInterval, rhs: PointsInterval) { lhs = lhs + rhs }

  /// Each bound minus the other interval's matching bound: what a cap cut off, or how far a total moved.
  public func boundwise(minus other: PointsInterval) -> PointsInterval {
    PointsInterval(min: min - other.min, max: max - other.max)
  }

  /// The interval shifted down by a value: a margin over a threshold, a difference from a claim.
  public static func - (lhs: PointsInterval, rhs: Points) -> PointsInterval {
    PointsInterval(min: lhs.min - rhs, max: lhs.max - rhs)
  }

  /// The interval times a whole count.
  public static func * (lhs: PointsInterval, count: Int) -> PointsInterval {
    PointsInterval(min: lhs.min * count, max: lhs.max * count)
  }

  /// The interval cut to a cap at both ends.
  public func capped(at cap: Points) -> PointsInterval {
    PointsInterval(min: Swift.min(min, cap), max: Swift.min(max, cap))
  }

  /// `12` for an exact value, `10–14` for a range.
  public var description: String {
    var bytes: [UInt8] = []
    appendDescription(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The interval as a change or margin: `+4`, `-2.5`, `-3…+1`.
  public var signedDescription: String {
    var bytes: [UInt8] = []
    appendSignedDescription(to: &bytes)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// Appends `description` as UTF-8.
  func appendDescription<Output: ByteAppending & ~Copyable>(to bytes: inout Output) {
    min.appendDescription(to: &bytes)
    guard !isExact else { return }
    bytes.append(literal: "–")
    max.appendDescription(to: &bytes)
  }

  /// Appends `signedDescription` as UTF-8.
  func appendSignedDescription<Output: ByteAppending & ~Copyable>(to bytes: inout Output) {
    if min > .zero { bytes.append(UInt8(ascii: "+")) }
    min.appendDescription(to: &bytes)
    guard !isExact else { return }
    bytes.append(literal: "…")
    if max > .zero { bytes.append(UInt8(ascii: "+")) }
    max.appendDescription(to: &bytes)
  }
}
