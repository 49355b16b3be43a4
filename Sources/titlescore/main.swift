import Foundation
import TitleScore

// A reader that closes standard output early (`| head`) makes writes fail with EPIPE, which the commands answer by
// ending quietly with `Console.closedPipeStatus`, instead of the signal killing the process mid-write.
signal(SIGPIPE, SIG_IGN)

var argv = Array(CommandLine.arguments.dropFirst())
Console.messageLanguage = Console.messageLanguage(in: argv)
let language = Console.messageLanguage

// Help, the version, and `help CMD`, on standard output.
switch argv.first {
case nil:
  Console.error(HelpText.overview(language))
  exit(2)
case "--help", "-h", "help":
  if argv.count > 1, argv[0] == "help", !argv[1].hasPrefix("-") {
    guard let command = CommandSpec.named(argv[1]) else {
      Console.error(Console.unknownCommand(argv[1]))
      exit(2)
    }
    Console.out(HelpText.command(command, language))
  } else {
    Console.out(HelpText.overview(language))
  }
  exit(0)
case "--version", "version":
  Console.out("titlescore \(HelpText.version)\n")
  exit(0)
default:
  break
}
let name = argv.removeFirst()
guard let command = CommandSpec.named(name) else {
  Console.error(Console.unknownCommand(name))
  exit(2)
}
if argv.contains("--help") || argv.contains("-h") {
  Console.out(HelpText.command(command, language))
  exit(0)
}
do {
  exit(try command.run(try Arguments(argv, command: command)))
} catch let error as UsageError {
  Console.error(
    Message(.cliUsageError, .text(name), .message(error.message), .text("titlescore help \(name)")))
  exit(2)
} catch let error as CommandFailure {
  Console.error(error.message)
  exit(1)
} catch {
  Console.error(Message(.cliCommandError, .text(name), .message(Console.message(of: error))))
  exit(1)
}
