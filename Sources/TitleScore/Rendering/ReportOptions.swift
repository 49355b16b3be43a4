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
  /// Whether the terminal table shows every column (subtotals, claims, flags, source) however wide; by default it
  /// keeps to 100 columns (rank, id, name, employer, total, verdict, main deductions), long texts cut with `…`.
  public var wide: Bool = false

  /// Options for a report.
  public init(language: Language, publicPosting: Bool = false, jobs: Int = 1, wide: Bool = false) {
    self.wide = wide
    self.language = language
    self.publicPosting = publicPosting
    self.jobs = max(1, jobs)
  }
}
