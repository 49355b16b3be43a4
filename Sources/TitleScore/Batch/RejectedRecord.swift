import Foundation

/// A record that could not be read or scored, with where it was and why.
public struct RejectedRecord: Hashable, Sendable {
  /// The input file.
  public var file: String
  /// The 1-based line, or 0 for a whole-file portfolio.
  public var line: Int
  /// The applicant id, when it could be read.
  public var applicantID: String?
  /// The reason, with its code and JSON path.
  public var diagnostic: Diagnostic
}
