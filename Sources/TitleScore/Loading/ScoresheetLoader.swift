import Foundation

/// Loads scoresheets: parse, decode, validate, and run the worked examples, collecting every problem.
public enum ScoresheetLoader {
  /// A loaded sheet (nil when it has errors) and every problem found, located in the file.
  public struct Outcome: Sendable {
    /// The sheet, when it has no errors.
    public var sheet: Scoresheet?
    /// Errors and warnings, in the order found.
    public var diagnostics: [Diagnostic]
  }

  /// Loads a sheet from a file.
  public static func load(file: String, runExamples: Bool = true) -> Outcome {
    guard let data = FileManager.default.contents(atPath: file) else {
      return Outcome(
        sheet: nil,
        diagnostics: [Diagnostic(.unreadableFile, at: .root, Message(.diagnosticUnreadableFile), file: file)])
    }
    return load(bytes: [UInt8](data), file: file, runExamples: runExamples)
  }

  /// Loads a sheet from JSON text; `file` names it in diagnostics.
  public static func load(bytes: [UInt8], file: String, runExamples: Bool = true) -> Outcome {
    let tree: JSONValue
    do {
      tree = try JSONValue.parse(bytes)
    } catch {
      return Outcome(
        sheet: nil,
        diagnostics: [
          Diagnostic(error.code, at: .root, error.message, file: file)
        ])
    }
    return load(tree: tree, parsedFrom: bytes, file: file, runExamples: runExamples)
  }

  /// Loads a sheet from the tree parsed from `bytes`, keeping the text with the sheet (a batch reads each worker a
  /// copy of its own from it, see `Scoresheet.independentCopy()`).
  static func load(tree: JSONValue, parsedFrom bytes: [UInt8], file: String, runExamples: Bool) -> Outcome {
    var outcome = load(tree: tree, file: file, runExamples: runExamples)
    outcome.sheet?.source = SheetSource(bytes: bytes, file: file)
    return outcome
  }

  /// Loads a sheet from a parsed tree.
  package static func load(tree: JSONValue, file: String, runExamples: Bool = true) -> Outcome {
    let decoder = ScoresheetDecoder()
    let decoded = decoder.decode(tree)
    var diagnostics = decoder.reader.diagnostics
    // Meaning is checked once the shape is right, so one mistake is not reported twice.
    guard let sheet = decoded, !diagnostics.contains(where: { $0.severity == .error }) else {
      return Outcome(sheet: nil, diagnostics: diagnostics.map { $0.located(file: file) })
    }
    var validator = ScoresheetValidator(sheet: sheet)
    diagnostics += validator.validate()
    if runExamples && !diagnostics.contains(where: { $0.severity == .error }) {
      diagnostics += ExampleRunner.run(sheet, baseDirectory: FilePath.directory(of: file))
    }
    let located = diagnostics.map { $0.located(file: file) }
    return Outcome(sheet: located.contains { $0.severity == .error } ? nil : sheet, diagnostics: located)
  }
}

/// Runs a sheet's worked examples and reports each one whose result differs from what it expects.
enum ExampleRunner {
  /// Runs every example; files an example's portfolio names are looked for under `baseDirectory`.
  static func run(_ sheet: Scoresheet, baseDirectory: String) -> [Diagnostic] {
    let evaluator = Evaluator(sheet: sheet)
    let checksMaterials = sheet.checksMaterials
    var diagnostics: [Diagnostic] = []
    for (index, example) in sheet.examples.enumerated() {
      let path = JSONPath.root.appending("examples").appending(index)
      var writer = JSONWriter()
      writer.value(example.portfolio)
      let portfolio: Portfolio
      do {
        // Written in the sheet's own codes, which an office's sheet may add before the shared vocabulary has them.
        portfolio = try Portfolio.decode(json: writer.bytes, glossary: .empty)
      } catch {
        var located = error
        located.path = path.appending("portfolio").appending(error.path)
        diagnostics.append(located)
        continue
      }
      let materials =
        checksMaterials ? MaterialInspection.inspect(portfolio, baseDirectory: baseDirectory) : nil
      let result = evaluator.evaluate(portfolio, materials: materials)
      var problems: [MessageArgument] = []
      func problem(_ key: MessageKey, _ arguments: MessageArgument...) {
        problems.append(.message(Message(key, arguments: arguments)))
      }
      if result.verdict.kind != example.expectedVerdict {
        problem(.exampleVerdict, .text(result.verdict.kind.rawValue), .text(example.expectedVerdict.rawValue))
      }
      if let total = example.expectedTotal, !(result.total.isExact && result.total.min == total) {
        problem(.exampleTotal, .interval(result.total), .points(total))
      }
      let raised = Set(result.flags.map(\.flag))
      for flag in example.expectedFlags where !raised.contains(flag) { problem(.exampleFlagNotRaised, .text(flag)) }
      let codes = Set(result.deductions.map(\.code.rawValue))
      for code in example.expectedDeductions where !codes.contains(code) { problem(.exampleNoDeduction, .text(code)) }
      let fired = Set(result.flags.map(\.triggerID))
      for trigger in example.expectedTriggers where !fired.contains(trigger) {
        problem(.exampleTriggerNotFired, .text(trigger))
      }
      for trigger in example.expectedAbsentTriggers where fired.contains(trigger) {
        problem(.exampleTriggerFired, .text(trigger))
      }
      for gate in example.expectedFailedGates where !result.verdict.failedGates.contains(gate) {
        problem(.exampleGateNotFailed, .text(gate))
      }
      // A value outside the vocabulary would score nothing unsaid; an example shows one only on purpose.
      for deduction in result.deductions
      where deduction.code == .valueOutsideVocabulary
        && !example.expectedDeductions.contains(ReasonCode.valueOutsideVocabulary.rawValue)
      {
        diagnostics.append(
          Diagnostic(
            .valueOutsideVocabulary, at: path.appending("portfolio"),
            Message(
              .diagnosticExampleValueOutsideVocabulary, .text(example.name),
              .list(deduction.details.map(MessageArgument.text)))
          ))
      }
      if !problems.isEmpty {
        diagnostics.append(
          Diagnostic(
            .exampleFailed, at: path,
            Message(.diagnosticExampleFailed, .text(example.name), .text(example.clause), .list(problems))))
      }
    }
    return diagnostics
  }
}
