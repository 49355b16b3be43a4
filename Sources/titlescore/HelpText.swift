import Foundation
import TitleScore

/// The help texts, from the command table and the catalogue: the overview (`titlescore --help`) and one command's
/// (`titlescore help CMD`, `CMD --help`).
enum HelpText {
  /// The version `--version` prints.
  static let version = "0.9.0"

  static func overview(_ language: Language) -> String {
    func word(_ key: MessageKey) -> String { Message(key).text(language) }
    var text = word(.helpTitle) + "\n\n" + word(.helpUsage) + "\n  titlescore COMMAND [OPTIONS]\n\n"
    text += word(.helpCommands) + "\n"
    let width = CommandSpec.all.map(\.name.count).max() ?? 0
    for command in CommandSpec.all {
      text +=
        "  " + command.name.padding(toLength: width + 2, withPad: " ", startingAt: 0) + word(command.summary)
        + "\n"
    }
    text += "\n" + word(.helpCommonOptions) + "\n" + options(CommandSpec.common, language)
    text += "\n" + word(.helpExitCodes) + "\n" + word(.helpExitCodeList) + "\n"
    text += "\n" + word(.helpMore) + "\n"
    return text
  }

  static func command(_ command: CommandSpec, _ language: Language) -> String {
    func word(_ key: MessageKey) -> String { Message(key).text(language) }
    var text = "titlescore \(command.name)" + (command.synopsis.isEmpty ? "" : " \(command.synopsis)") + "\n\n"
    text += word(command.summary) + "\n\n" + word(.helpOptions) + "\n" + options(command.allOptions, language)
    text += "\n" + word(.helpExample) + "\n  " + command.example + "\n"
    text += "\n" + word(.helpExitCodes) + "\n" + word(.helpExitCodeList) + "\n"
    return text
  }

  private static func options(_ options: [OptionSpec], _ language: Language) -> String {
    let shown = options.map { option in option.name + (option.value.map { " " + $0 } ?? "") }
    let width = shown.map(\.count).max() ?? 0
    return zip(shown, options).map { shown, option in
      "  " + shown.padding(toLength: width + 2, withPad: " ", startingAt: 0) + Message(option.help).text(language)
        + "\n"
    }.joined()
  }
}

/// `titlescore completions bash|zsh|fish`: a completion script for the shell, from the command table.
enum CompletionsCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    guard arguments.positional.count == 1, let shell = arguments.positional.first else {
      throw UsageError(Message(.cliCompletionsShell))
    }
    let names = CommandSpec.all.map(\.name) + ["help"]
    switch shell {
    case "bash":
      var script = "# bash completion for titlescore\n_titlescore() {\n  local cur=${COMP_WORDS[COMP_CWORD]}\n"
      script += "  if [ \"$COMP_CWORD\" -eq 1 ]; then\n"
      script += "    COMPREPLY=($(compgen -W \"\(names.joined(separator: " ")) --help --version\" -- \"$cur\"))\n"
      script += "    return\n  fi\n  case ${COMP_WORDS[1]} in\n"
      for command in CommandSpec.all {
        let options = command.allOptions.map(\.name).joined(separator: " ")
        script += "    \(command.name)) COMPREPLY=($(compgen -W \"\(options)\" -f -- \"$cur\")) ;;\n"
      }
      script += "  esac\n}\ncomplete -F _titlescore titlescore\n"
      Console.out(script)
    case "zsh":
      var script = "#compdef titlescore\n_titlescore() {\n  if (( CURRENT == 2 )); then\n"
      script += "    compadd -- \(names.joined(separator: " ")) --help --version\n    return\n  fi\n"
      script += "  case $words[2] in\n"
      for command in CommandSpec.all {
        let options = command.allOptions.map(\.name).joined(separator: " ")
        script += "    \(command.name)) compadd -- \(options); _files ;;\n"
      }
      script += "  esac\n}\ncompdef _titlescore titlescore\n"
      Console.out(script)
    case "fish":
      var script = "# fish completion for titlescore\n"
      for command in CommandSpec.all {
        let summary = Message(command.summary).text(Console.messageLanguage).replacingOccurrences(of: "'", with: "")
        script += "complete -c titlescore -n '__fish_use_subcommand' -a \(command.name) -d '\(summary)'\n"
        for option in command.allOptions {
          let help = Message(option.help).text(Console.messageLanguage).replacingOccurrences(of: "'", with: "")
          script +=
            "complete -c titlescore -n '__fish_seen_subcommand_from \(command.name)' -l \(option.name.dropFirst(2))"
            + (option.value == nil ? "" : " -r") + " -d '\(help)'\n"
        }
      }
      Console.out(script)
    default:
      throw UsageError(Message(.cliCompletionsShell))
    }
    return 0
  }
}
