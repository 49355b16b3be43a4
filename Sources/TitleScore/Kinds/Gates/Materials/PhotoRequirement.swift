/// The ID photo rule: format, file size and pixel size limits.
public struct PhotoRequirement: Hashable, Sendable {
  /// Allowed file extensions, lower case.
  public var extensions: [String]
  /// The file must be larger than this many bytes.
  public var minBytesExclusive: Int
  /// The file must be smaller than this many bytes.
  public var maxBytesExclusive: Int
  /// The image must be at least this many pixels wide.
  public var minWidth: Int
  /// The image must be at least this many pixels high.
  public var minHeight: Int
  /// Width ÷ height at least this.
  public var minAspect: Points
  /// Width ÷ height at most this.
  public var maxAspect: Points

  /// Creates the rule.
  public init(
    extensions: [String], minBytesExclusive: Int, maxBytesExclusive: Int, minWidth: Int, minHeight: Int,
    minAspect: Points, maxAspect: Points
  ) {
    self.extensions = extensions
    self.minBytesExclusive = minBytesExclusive
    self.maxBytesExclusive = maxBytesExclusive
    self.minWidth = minWidth
    self.minHeight = minHeight
    self.minAspect = minAspect
    self.maxAspect = maxAspect
  }
}
