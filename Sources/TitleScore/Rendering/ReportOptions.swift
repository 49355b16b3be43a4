import Dispatch
import Foundation

/// What a batch report shows: the committee's full list, or the public posting (公示).
public struct ReportOptions: Sendable {
  /// The language of headers and names.
  public var language: Language
  /// The public posting: rank, name, employer, score, verdict, with identity numbers and phones masked.
  public var publicPosting: Bool
  /// How many threads render rows; the output is the same for any number.
  public var jobs: Int

  /// Creates options.
  public init(language: Language, publicPosting: Bool = false, jobs: Int = 1) {
    self.language = language
    self.publicPosting = publicPosting
    self.jobs = max(1, jobs)
  }
}
