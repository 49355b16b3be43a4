/// The texts many report rows share (employers, input files, verdicts, gate titles, reasons, flags), encoded once
/// as UTF-8 in one buffer.
///
/// Rows are rendered on several threads at once. Appending a shared `String` to a row copies it, and every copy
/// of a shared string changes its reference count: an atomic write to the same memory from every thread, which
/// makes the threads wait on each other. Reading bytes from this table touches no reference count.
final class ReportTexts: Sendable {
  /// The groups of texts, each a run of entries in the table.
  enum Group: Int, CaseIterable {
    case employer, file, verdict, gateTitle, reason, flag, punctuation
  }

  private let bytes: [UInt8]
  /// Entry n's bytes are `bytes[starts[n]..<starts[n + 1]]`.
  private let starts: [Int]
  /// Where each group's entries begin.
  private let groupStarts: [Int]

  init(results: BatchResults, language: Language) {
    var bytes: [UInt8] = []
    var starts: [Int] = []
    var groupStarts: [Int] = []
    func add(_ texts: [String]) {
      groupStarts.append(starts.count)
      for text in texts {
        starts.append(bytes.count)
        bytes.append(contentsOf: text.utf8)
      }
    }
    for group in Group.allCases {
      switch group {
      case .employer: add(results.employers.texts)
      case .file: add(results.files)
      case .verdict: add(Verdict.Kind.byIndex.map { $0.name(language) })
      case .gateTitle: add(results.sheet.gates.map { $0.title.text(language) })
      case .reason: add(ReasonPacking.codes.map { $0.shortName(language) })
      case .flag: add(results.sheet.flags.map(\.flag))
      case .punctuation: add(Punctuation.allCases.map { Message($0.key).text(language) })
      }
    }
    starts.append(bytes.count)
    self.bytes = bytes
    self.starts = starts
    self.groupStarts = groupStarts
  }

  /// The punctuation cells put between texts, worded for the language (`（`, `、` … in Chinese).
  enum Punctuation: Int, CaseIterable {
    case openParen, listComma, closeParen, semicolon
    /// A posting's verdict for a total that straddles the threshold.
    case undecided

    var key: MessageKey {
      switch self {
      case .undecided: return .reportUndecided
      case .openParen: return .punctOpenParen
      case .listComma: return .punctListComma
      case .closeParen: return .punctCloseParen
      case .semicolon: return .punctSemicolon
      }
    }
  }

  /// Calls `body` with a view of the table that stays valid for the call.
  func withView<Result>(_ body: (View) -> Result) -> Result {
    bytes.withUnsafeBufferPointer { bytes in
      starts.withUnsafeBufferPointer { starts in
        groupStarts.withUnsafeBufferPointer { groups in body(View(bytes: bytes, starts: starts, groups: groups)) }
      }
    }
  }

  /// The table as raw buffers; valid only inside `withView`.
  struct View {
    let bytes: UnsafeBufferPointer<UInt8>
    let starts: UnsafeBufferPointer<Int>
    let groups: UnsafeBufferPointer<Int>

    /// The UTF-8 of an entry of a group.
    @inline(__always)
    func text(_ group: Group, _ index: Int) -> UnsafeBufferPointer<UInt8> {
      let entry = groups[group.rawValue] + index
      return UnsafeBufferPointer(rebasing: bytes[starts[entry]..<starts[entry + 1]])
    }

    /// The UTF-8 of a punctuation mark.
    @inline(__always)
    func text(_ mark: Punctuation) -> UnsafeBufferPointer<UInt8> { text(.punctuation, mark.rawValue) }

    /// Whether two entries of a group have the same text.
    func same(_ group: Group, _ first: Int, _ second: Int) -> Bool {
      text(group, first).elementsEqual(text(group, second))
    }
  }
}
