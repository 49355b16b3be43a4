import Foundation
import TitleScore

/// The command line split into positional arguments and `--option value` pairs.
struct Arguments {
  var positional: [String] = []
  var options: [String: [String]] = [:]
  var flags: Set<String> = []

  /// Splits a command's arguments; an option the command does not take is a usage error that suggests the nearest
  /// one it does.
  init(_ arguments: [String], command: CommandSpec) throws {
    let flagNames = command.flagNames
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument.hasPrefix("--") && argument.count > 2 {
        if let equals = argument.firstIndex(of: "=") {
          options[String(argument[..<equals]), default: []].append(String(argument[argument.index(after: equals)...]))
        } else if flagNames.contains(argument) {
          flags.insert(argument)
        } else {
          guard index + 1 < arguments.count else {
            throw UsageError(Message(.cliOptionNeedsValue, .text("\(argument)")))
          }
          options[argument, default: []].append(arguments[index + 1])
          index += 1
        }
      } else {
        positional.append(argument)
      }
      index += 1
    }
    let known = Set(command.allOptions.map(\.name))
    for name in Array(options.keys) + Array(flags) where !known.contains(name) {
      throw UsageError(Arguments.unknownOption(name, of: command))
    }
  }

  /// That an option is unknown, with the nearest the command takes.
  static func unknownOption(_ name: String, of command: CommandSpec) -> Message {
    guard let suggestion = nearest(to: name, among: command.allOptions.map(\.name)) else {
      return Message(.cliUnknownOption, .text(name))
    }
    return Message(.cliUnknownOptionSuggest, .text(name), .text(suggestion))
  }

  func value(_ name: String) -> String? { options[name]?.last }
  func values(_ name: String) -> [String] { options[name] ?? [] }

  func integer(_ name: String, default fallback: Int) throws -> Int {
    guard let text = value(name) else { return fallback }
    guard let number = Int(text), number > 0 else {
      throw UsageError(Message(.cliOptionPositiveInteger, .text("\(name)"), .text("\(text)")))
    }
    return number
  }

}

/// A mistake in how a command was called; exits with status 2.
struct UsageError: Error {
  let message: Message
  init(_ message: Message) { self.message = message }
}

/// A run that failed as a whole; exits with status 1 after printing its message.
struct CommandFailure: Error {
  let message: Message
  init(_ message: Message) { self.message = message }
  /// A failure that is a located diagnostic (a file that cannot be read, a portfolio that does not decode).
  init(_ diagnostic: Diagnostic) { message = diagnostic.located }
}
