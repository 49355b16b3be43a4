import Foundation

/// The shared vocabulary (`scoresheets/vocabulary.json`): for each closed list of values a portfolio uses
/// (education levels, titles, record types and levels, grades, cities, specialties …), its codes and the Chinese
/// terms people write for them.
///
/// Sheets and the engine work with codes (`bachelor`, `competent`); applicants write `本科`, `合格`. Resolving a
/// portfolio (`resolve(_:)`) turns every term into its code and reports a value no list knows as a located error
/// that names the accepted values, where it would otherwise match no row and score nothing unsaid. The words are
/// data: an office changes or adds a term in the file, never in code.
public struct Glossary: Sendable {
  /// The closed lists the engine reads, each named as its key in the file.
  public enum List: String, CaseIterable, Sendable {
    /// `education[].level`.
    case educationLevel
    /// `education[].degree`.
    case degree
    /// `currentTitle.title`, and the titles sheets are for.
    case title
    /// `skill.level`.
    case skillLevel
    /// The grades of `assessments`.
    case assessmentGrade
    /// `records[].type`.
    case recordType
    /// `records[].level`.
    case recordLevel
    /// `records[].status`.
    case recordStatus
    /// `records[].authorship`.
    case authorship
    /// `records[].acquired`.
    case acquisition
    /// `records[].material.problem`.
    case materialProblem
    /// `records[].material.severity`.
    case materialSeverity
    /// `recommendations[].level`.
    case recommendationLevel
    /// The kinds of `continuingEducation` (professional, public).
    case courseKind
    /// `honours[]`.
    case honour
    /// `employer.city`.
    case city
    /// `specialty`.
    case specialty
    /// `employer.sector`.
    case sector
    /// `residency`.
    case residency
  }

  /// One code and the terms written for it.
  public struct Term: Hashable, Sendable {
    /// The code sheets and the engine use.
    public let code: String
    /// The Chinese terms accepted for it; the first is the one shown.
    public let chinese: [String]
    /// The English name shown for it.
    public let english: String

    /// Creates a term.
    public init(code: String, chinese: [String], english: String) {
      self.code = code
      self.chinese = chinese
      self.english = english
    }

    /// The name shown for the code in a language: its first Chinese term, or its English name (the code when
    /// neither is given).
    public func name(_ language: Language) -> String {
      switch language {
      case .zh: return chinese.first ?? (english.isEmpty ? code : english)
      case .en: return english.isEmpty ? code : english
      }
    }
  }

  /// One closed list: its name and its terms, in the file's order.
  public struct Vocabulary: Sendable {
    /// What the list is (学历, education level).
    public let name: LocalizedText
    /// The codes and their terms; where two terms claim one written form, the first keeps it.
    public let terms: [Term]

    /// A list of terms.
    public init(name: LocalizedText, terms: [Term]) {
      self.name = name
      self.terms = terms
    }

    /// The term a value is written as: its code or one of its Chinese terms, ignoring the surrounding spaces,
    /// the case of Latin letters and the width of brackets.
    public func term(for written: String) -> Term? {
      let key = Glossary.key(written)
      return terms.first { term in
        term.code == written || Glossary.key(term.code) == key || term.chinese.contains { Glossary.key($0) == key }
      }
    }

    /// Whether the list has a code.
    public func contains(code: String) -> Bool {
      terms.contains { $0.code == code }
    }
  }

  /// The lists the file gives, by name. A list left out is open: its field takes any value.
  public let vocabularies: [List: Vocabulary]
  /// Every code and Chinese term of every list, as written and as `key(_:)` folds it, to its code: what resolving
  /// looks values up in.
  private let table: TermTable
  /// The lists the glossary closes, one bit for each `List` in declaration order.
  private let closed: UInt32

  /// A glossary of lists.
  public init(vocabularies: [List: Vocabulary]) {
    self.vocabularies = vocabularies
    var closed: UInt32 = 0
    var entries: [(list: UInt8, written: String, code: String)] = []
    for list in List.allCases {
      guard let vocabulary = vocabularies[list] else { continue }
      let ordinal = Glossary.ordinal(of: list)
      closed |= 1 << UInt32(ordinal)
      for term in vocabulary.terms {
        for written in [term.code] + term.chinese {
          entries.append((ordinal, written, term.code))
          entries.append((ordinal, Glossary.key(written), term.code))
        }
      }
    }
    table = TermTable(entries)
    self.closed = closed
  }

  private init(vocabularies: [List: Vocabulary], table: TermTable, closed: UInt32) {
    self.vocabularies = vocabularies
    self.table = table
    self.closed = closed
  }

  /// A list's position in declaration order, without building `allCases` (resolving asks once per field).
  private static func ordinal(of list: List) -> UInt8 {
    switch list {
    case .educationLevel: return 0
    case .degree: return 1
    case .title: return 2
    case .skillLevel: return 3
    case .assessmentGrade: return 4
    case .recordType: return 5
    case .recordLevel: return 6
    case .recordStatus: return 7
    case .authorship: return 8
    case .acquisition: return 9
    case .materialProblem: return 10
    case .materialSeverity: return 11
    case .recommendationLevel: return 12
    case .courseKind: return 13
    case .honour: return 14
    case .city: return 15
    case .specialty: return 16
    case .sector: return 17
    case .residency: return 18
    }
  }

  /// A copy whose lookup table shares no storage with this one, down to the codes' texts, for one batch worker:
  /// threads looking up in one table would count references on the same code strings.
  func independentCopy() -> Glossary {
    Glossary(vocabularies: vocabularies, table: table.independentCopy(), closed: closed)
  }

  /// Whether the glossary closes a list (a value outside it is an error).
  func closes(_ list: List) -> Bool {
    closed & (1 << UInt32(Glossary.ordinal(of: list))) != 0
  }

  /// The code whose code or term has exactly these UTF-8 bytes in a list, or nil (the decoder's fast path).
  func code(exactly raw: UnsafeBufferPointer<UInt8>, in list: List) -> String? {
    table.code(raw, list: Glossary.ordinal(of: list))
  }

  /// The code a value of a closed list is written as, or nil when no term matches.
  func resolvedCode(_ written: String, in list: List) -> String? {
    var text = written
    if let code = text.withUTF8({ code(exactly: $0, in: list) }) { return code }
    var folded = Glossary.key(written)
    return folded.withUTF8 { code(exactly: $0, in: list) }
  }

  /// A glossary with no lists: every field takes any value, as it is written.
  public static let empty = Glossary(vocabularies: [:])

  /// The shared vocabulary the binary carries (`scoresheets/vocabulary.json` as it was built).
  public static var bundled: Glossary { ScoresheetLibrary.bundled.glossary }

  /// The list of a field, if the glossary closes it.
  public subscript(list: List) -> Vocabulary? { vocabularies[list] }

  /// The name shown for a code of a list in a language, or the code itself when the list does not have it.
  public func name(of code: String, in list: List, _ language: Language) -> String {
    vocabularies[list]?.terms.first { $0.code == code }?.name(language) ?? code
  }

  /// This glossary with another's lists put in place of its own (an office's folder replaces a list by giving it).
  public func overridden(by other: Glossary) -> Glossary {
    Glossary(vocabularies: vocabularies.merging(other.vocabularies) { _, theirs in theirs })
  }

  /// A written value as it is compared: without surrounding spaces (ideographic ones included), Latin letters in
  /// lower case, and full-width brackets, commas and slashes as their narrow forms.
  static func key(_ written: String) -> String {
    // Codes, nearly every value, are already folded: lower-case printable ASCII without spaces.
    if written.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && !(0x41...0x5A).contains($0) }) { return written }
    var folded = ""
    for scalar in written.unicodeScalars {
      switch scalar {
      case "（": folded.unicodeScalars.append("(")
      case "）": folded.unicodeScalars.append(")")
      case "，": folded.unicodeScalars.append(",")
      case "／": folded.unicodeScalars.append("/")
      case "A"..."Z": folded.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
      default: folded.unicodeScalars.append(scalar)
      }
    }
    return folded.trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
