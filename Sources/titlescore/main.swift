import Foundation
import TitleScore

let usage = """
  titlescore — scoring engine for Zhejiang professional-title reviews

  Commands:
    sheets                                   list the bundled scoresheets
    check FILE|DIR…                          validate sheets and portfolios, run sheets' worked examples
    score PORTFOLIO --sheet ID|FILE [--format text|json] [--lang zh|en] [--add RECORD.json]…
    batch INPUT… --sheet ID|FILE [--out FILE] [--format table|csv|json|jsonl|md|html] [--jobs N] [--lang zh|en] [--public]
          [--quiet] [--stats FILE]
    compare INPUT… --sheet A --sheet B [--format text|json] [--jobs N]
    generate --count N [--seed S] [--sheet ID] [--invalid-rate R] [--out FILE]
    bench [--count N] [--dir DIR] [--floor PATH] [--keep]
    routes PORTFOLIO [--all] [--lang zh|en]
    plan PORTFOLIO --sheet ID|FILE [--max N] [--lang zh|en]
    outcomes PORTFOLIO --sheet ID|FILE
    standing PORTFOLIO --cohort BATCH.json --sheet ID|FILE [--quota N | --pass-rate P]

  Options everywhere: --sheets DIR (sheets added to the ones the binary carries; a sheet with a bundled id
  replaces it; also $TITLESCORE_SHEETS)

  """

let commands: [String: (Arguments) throws -> Int32] = [
  "sheets": SheetsCommand.run,
  "check": CheckCommand.run,
  "score": ScoreCommand.run,
  "batch": BatchCommand.run,
  "generate": GenerateCommand.run,
  "compare": CompareCommand.run,
  "bench": BenchCommand.run,
  "routes": RoutesCommand.run,
  "plan": PlanCommand.run,
  "outcomes": OutcomesCommand.run,
  "standing": StandingCommand.run,
]

// A reader that closes standard output early (`| head`) makes writes fail with EPIPE, which the commands answer by
// ending quietly with `Console.closedPipeStatus`, instead of the signal killing the process mid-write.
signal(SIGPIPE, SIG_IGN)

var argv = Array(CommandLine.arguments.dropFirst())
guard let name = argv.first, let command = commands[name] else {
  Console.error(usage)
  exit(argv.first == nil || argv.first == "--help" ? 0 : 2)
}
argv.removeFirst()
Console.messageLanguage = Console.messageLanguage(in: argv)
do {
  exit(try command(try Arguments(argv)))
} catch let error as UsageError {
  Console.error(Message(.cliUsageError, .text(name), .message(error.message), .text(usage)))
  exit(2)
} catch let error as CommandFailure {
  Console.error(error.message)
  exit(1)
} catch {
  Console.error(Message(.cliCommandError, .text(name), .message(Console.message(of: error))))
  exit(1)
}
