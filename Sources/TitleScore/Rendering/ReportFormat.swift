import Dispatch
import Foundation

/// The formats a batch report can be written in.
public enum ReportFormat: String, Sendable, CaseIterable {
  /// An aligned table for a terminal.
  case table
  /// CSV that Excel opens with Chinese text intact.
  case csv
  /// One JSON document.
  case json
  /// One JSON object per applicant per line.
  case jsonl
  /// A Markdown table.
  case md
  /// One self-contained printable HTML page.
  case html
  /// An Excel workbook: the list with numbers as numbers, and the summary, deduction reasons and rejected records.
  case xlsx
}
