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
  /// Whom a public posting lists.
  public var postingScope: PostingScope = .passing
  /// The most rows an HTML report lists (the summary and the other formats keep every row): a browser opens a few
  /// thousand rows at once, not hundreds of thousands.
  public var htmlRows: Int = 5_000
  /// The posting's period and contact, stated at its head; nil when the office gave none.
  public var postingNotice: PostingNotice?
  /// The day the report is made, printed in its header; nil leaves it out (and keeps the report the same from day
  /// to day).
  public var runDate: Day?
  /// Each listed applicant's explained result, by rank position, for the HTML report's detail sections (`--detail`);
  /// empty for none (`BatchDetails.explanations` finds them).
  public var details: [Int: Explanation] = [:]

  /// Whom a public posting lists.
  public enum PostingScope: String, Sendable, CaseIterable {
    /// The applicants who pass: those the office recommends (the default).
    case passing
    /// Those who pass and those whose total straddles the threshold (待定, reviewers still decide).
    case undecided
    /// Every scored applicant.
    case all
  }

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
