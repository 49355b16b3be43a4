import Foundation
import TitleScore

/// The command line split into positional arguments and `--option value` pairs.
struct Arguments {
  var positional: [String] = []
  var options: [String: [String]] = [:]
  var flags: Set<String> = []

  /// Options that take no value.
  static let flagNames: Set<String> = ["--all", "--public", "--help", "--quiet", "--keep"]

  init(_ arguments: [String]) throws {
    var index = 0
    while index < arguments.count {
      let argument = arguments[index]
      if argument.hasPrefix("--") && argument.count > 2 {
        if let equals = argument.firstIndex(of: "=") {
          options[String(argument[..<equals]), default: []].append(String(argument[argument.index(after: equals)...]))
        } else if Arguments.flagNames.contains(argument) {
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

  /// Fails on any option the command does not take.
  func allow(_ names: Set<String>) throws {
    for name in options.keys where !names.contains(name) {
      throw UsageError(Message(.cliUnknownOption, .text("\(name)")))
    }
    for name in flags where !names.contains(name) { throw UsageError(Message(.cliUnknownOption, .text("\(name)"))) }
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
