/// The ID photo rule: format, file size and pixel size limits.
package struct PhotoRequirement: Hashable, Sendable {
  /// Allowed file extensions, lower case.
  package var extensions: [String]
  /// The file must be larger than this many bytes.
  package var minBytesExclusive: Int
  /// The file must be smaller than this many bytes.
  package var maxBytesExclusive: Int
  /// The image must be at least this many pixels wide.
  package var minWidth: Int
  /// The image must be at least this many pixels high.
  package var minHeight: Int
  /// Width ÷ height at least this.
  package var minAspect: Points
  /// Width ÷ height at most this.
  package var maxAspect: Points

  /// Creates the rule.
  package init(
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
