import TitleScore

/// One option a command takes, for parsing, help, suggestions and completions.
struct OptionSpec: Sendable {
  /// `--sheet`.
  let name: String
  /// What the value is (`ID|FILE`); nil for an option that takes none.
  let value: String?
  /// What it does, worded by the catalogue; the default, if any, is part of it.
  let help: MessageKey

  static func flag(_ name: String, _ help: MessageKey) -> OptionSpec { OptionSpec(name: name, value: nil, help: help) }
}

/// One command: its synopsis, what it does, its options and an example, and the function that runs it. Help,
/// `help CMD`, `CMD --help`, suggestions for a mistyped name, and the shell completions all read this table.
struct CommandSpec: Sendable {
  let name: String
  /// The arguments after the name, as a synopsis (`PORTFOLIO --sheet ID|FILE`).
  let synopsis: String
  /// What the command does.
  let summary: MessageKey
  let options: [OptionSpec]
  /// A command line that works from the repository folder.
  let example: String
  let run: @Sendable (Arguments) throws -> Int32

  /// Options every command takes.
  static let common: [OptionSpec] = [
    OptionSpec(name: "--lang", value: "zh|en", help: .helpOptionLang),
    OptionSpec(name: "--sheets", value: "DIR", help: .helpOptionSheets),
    .flag("--help", .helpOptionHelp),
  ]

  /// Every option of the command, its own and the common ones.
  var allOptions: [OptionSpec] { options + CommandSpec.common }

  /// The options that take no value.
  var flagNames: Set<String> { Set(allOptions.filter { $0.value == nil }.map(\.name) + ["-h"]) }

  static let all: [CommandSpec] = [
    CommandSpec(
      name: "sheets", synopsis: "", summary: .helpSheets, options: [], example: "titlescore sheets",
      run: SheetsCommand.run),
    CommandSpec(
      name: "check", synopsis: "FILE|DIR… [--sheet ID|FILE]", summary: .helpCheck,
      options: [OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionCheckSheet)],
      example: "titlescore check examples/jiaxing-energy-engineer.json --sheet jiaxing-2022-energy-engineer-self-score",
      run: CheckCommand.run),
    CommandSpec(
      name: "score", synopsis: "PORTFOLIO|- --sheet ID|FILE", summary: .helpScore,
      options: [
        OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionSheet),
        OptionSpec(name: "--format", value: "text|json", help: .helpOptionFormatText),
        OptionSpec(name: "--add", value: "RECORD.json", help: .helpOptionAdd),
        .flag("--trace", .helpOptionTrace),
        .flag("--fail-below", .helpOptionFailBelow),
      ],
      example: "titlescore score examples/jiaxing-energy-engineer.json --sheet jiaxing-2022-energy-engineer-self-score",
      run: ScoreCommand.run),
    CommandSpec(
      name: "batch", synopsis: "INPUT… --sheet ID|FILE", summary: .helpBatch,
      options: [
        OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionSheet),
        OptionSpec(name: "--out", value: "FILE|-", help: .helpOptionOut),
        OptionSpec(name: "--format", value: "table|csv|json|jsonl|md|html|xlsx", help: .helpOptionFormatReport),
        OptionSpec(name: "--jobs", value: "N", help: .helpOptionJobs),
        .flag("--public", .helpOptionPublic),
        OptionSpec(name: "--public-include", value: "passing|undecided|all", help: .helpOptionPublicInclude),
        OptionSpec(name: "--posting-from", value: "DATE", help: .helpOptionPostingFrom),
        OptionSpec(name: "--posting-days", value: "N", help: .helpOptionPostingDays),
        OptionSpec(name: "--holidays", value: "FILE", help: .helpOptionHolidays),
        OptionSpec(name: "--contact", value: "TEXT", help: .helpOptionContact),
        .flag("--wide", .helpOptionWide),
        .flag("--quiet", .helpOptionQuiet),
        OptionSpec(name: "--stats", value: "FILE", help: .helpOptionStats),
        OptionSpec(name: "--summary", value: "FILE", help: .helpOptionSummary),
        OptionSpec(name: "--html-rows", value: "N", help: .helpOptionHtmlRows),
        .flag("--detail", .helpOptionDetail),
      ],
      example:
        "titlescore batch examples/applicants.jsonl --sheet jiaxing-2022-energy-engineer-self-score --out report.html",
      run: BatchCommand.run),
    CommandSpec(
      name: "compare", synopsis: "INPUT… --sheet A --sheet B", summary: .helpCompare,
      options: [
        OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionSheetTwice),
        OptionSpec(name: "--format", value: "text|json", help: .helpOptionFormatText),
        OptionSpec(name: "--jobs", value: "N", help: .helpOptionJobs),
        OptionSpec(name: "--out", value: "FILE|-", help: .helpOptionOut),
      ],
      example:
        "titlescore compare examples/applicants.jsonl --sheet jiaxing-2022-energy-engineer-self-score --sheet my-sheet.json",
      run: CompareCommand.run),
    CommandSpec(
      name: "routes", synopsis: "PORTFOLIO|-", summary: .helpRoutes,
      options: [.flag("--all", .helpOptionAll)],
      example: "titlescore routes examples/linping-normal.json", run: RoutesCommand.run),
    CommandSpec(
      name: "plan", synopsis: "PORTFOLIO|- --sheet ID|FILE", summary: .helpPlan,
      options: [
        OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionSheet),
        OptionSpec(name: "--max", value: "N", help: .helpOptionMax),
      ],
      example:
        "titlescore plan examples/jiaxing-energy-engineer-below-threshold.json --sheet jiaxing-2022-energy-engineer-self-score",
      run: PlanCommand.run),
    CommandSpec(
      name: "outcomes", synopsis: "PORTFOLIO|- --sheet ID|FILE", summary: .helpOutcomes,
      options: [OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionSheet)],
      example:
        "titlescore outcomes examples/jiaxing-energy-engineer.json --sheet jiaxing-2022-energy-engineer-self-score",
      run: OutcomesCommand.run),
    CommandSpec(
      name: "standing", synopsis: "PORTFOLIO|- --cohort BATCH.json --sheet ID|FILE", summary: .helpStanding,
      options: [
        OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionSheet),
        OptionSpec(name: "--cohort", value: "BATCH.json", help: .helpOptionCohort),
        OptionSpec(name: "--quota", value: "N", help: .helpOptionQuota),
        OptionSpec(name: "--pass-rate", value: "P", help: .helpOptionPassRate),
      ],
      example:
        "titlescore standing examples/jiaxing-energy-engineer.json --cohort report.json --sheet jiaxing-2022-energy-engineer-self-score --quota 10",
      run: StandingCommand.run),
    CommandSpec(
      name: "generate", synopsis: "--count N", summary: .helpGenerate,
      options: [
        OptionSpec(name: "--count", value: "N", help: .helpOptionCount),
        OptionSpec(name: "--seed", value: "S", help: .helpOptionSeed),
        OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionGenerateSheet),
        OptionSpec(name: "--invalid-rate", value: "R", help: .helpOptionInvalidRate),
        OptionSpec(name: "--format", value: "jsonl|csv|xlsx", help: .helpOptionGenerateFormat),
        OptionSpec(name: "--out", value: "FILE|-", help: .helpOptionOut),
      ],
      example: "titlescore generate --count 1000 --out cohort.jsonl", run: GenerateCommand.run),
    CommandSpec(
      name: "serve", synopsis: "", summary: .helpServe,
      options: [
        OptionSpec(name: "--host", value: "ADDRESS", help: .helpOptionHost),
        OptionSpec(name: "--port", value: "N", help: .helpOptionPort),
        OptionSpec(name: "--max-body-mb", value: "N", help: .helpOptionMaxBody),
      ],
      example: "titlescore serve --port 8080", run: ServeCommand.run),
    CommandSpec(
      name: "template", synopsis: "--sheet ID|FILE", summary: .helpTemplate,
      options: [
        OptionSpec(name: "--sheet", value: "ID|FILE", help: .helpOptionSheet),
        OptionSpec(name: "--format", value: "xlsx|csv", help: .helpOptionTemplateFormat),
        OptionSpec(name: "--out", value: "FILE|DIR", help: .helpOptionTemplateOut),
      ],
      example: "titlescore template --sheet jiaxing-2022-energy-engineer-self-score --out applicants.xlsx",
      run: TemplateCommand.run),
    CommandSpec(
      name: "bench", synopsis: "", summary: .helpBench,
      options: [
        OptionSpec(name: "--count", value: "N", help: .helpOptionBenchCount),
        OptionSpec(name: "--runs", value: "N", help: .helpOptionRuns),
        OptionSpec(name: "--dir", value: "DIR", help: .helpOptionDir),
        OptionSpec(name: "--sheet", value: "ID", help: .helpOptionGenerateSheet),
        OptionSpec(name: "--floor", value: "PATH", help: .helpOptionFloor),
        .flag("--keep", .helpOptionKeep),
        .flag("--serve", .helpOptionServe),
        OptionSpec(name: "--clients", value: "N", help: .helpOptionClients),
        OptionSpec(name: "--seconds", value: "N", help: .helpOptionSeconds),
        OptionSpec(name: "--upload-count", value: "N", help: .helpOptionUploadCount),
      ],
      example: "titlescore bench --count 100000", run: BenchCommand.run),
    CommandSpec(
      name: "completions", synopsis: "bash|zsh|fish", summary: .helpCompletions, options: [],
      example: "titlescore completions bash > /etc/bash_completion.d/titlescore", run: CompletionsCommand.run),
  ]

  /// The command with a name.
  static func named(_ name: String) -> CommandSpec? { all.first { $0.name == name } }
}

/// The nearest of some names to a mistyped one, when it is near enough to be a slip (an edit distance of at most a
/// third of its length, and at least 2).
func nearest(to name: String, among names: [String]) -> String? {
  func distance(_ a: [Character], _ b: [Character]) -> Int {
    var previous = Array(0...b.count)
    for (i, x) in a.enumerated() {
      var current = [i + 1]
      for (j, y) in b.enumerated() {
        current.append(min(previous[j + 1] + 1, current[j] + 1, previous[j] + (x == y ? 0 : 1)))
      }
      previous = current
    }
    return previous[b.count]
  }
  let typed = Array(name)
  let ranked = names.map { (name: $0, distance: distance(typed, Array($0))) }.min { $0.distance < $1.distance }
  guard let ranked, ranked.distance <= max(2, typed.count / 3) else { return nil }
  return ranked.name
}
