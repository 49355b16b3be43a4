/// What a kind's validation sees of its sheet, and where it reports: the sheet (vocabulary, shared caps) and the
/// path of the rule or gate.
struct KindCheck {
  /// The sheet the rule is in.
  let sheet: Scoresheet
  /// Where the rule is in the sheet.
  let path: JSONPath
  /// What the checks found, in order.
  private(set) var diagnostics: [Diagnostic] = []

  /// Prepares the check of a rule at a path.
  init(sheet: Scoresheet, path: JSONPath) {
    self.sheet = sheet
    self.path = path
  }

  /// Reports a problem at a path in the rule.
  mutating func report(_ code: DiagnosticCode, _ at: JSONPath, _ message: Message) {
    diagnostics.append(Diagnostic(code, at: at, message))
  }
}
