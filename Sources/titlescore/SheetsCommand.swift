import TitleScore

/// `titlescore sheets`: the bundled sheets with id, title, route, threshold and review year.
enum SheetsCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    let language = try Console.language(arguments)
    let library = try Console.library(arguments)
    for diagnostic in library.diagnostics { Console.error(diagnostic) }
    Console.out(SheetListRenderer(library: library, language: language).render())
    return library.diagnostics.contains { $0.severity == .error } ? 1 : 0
  }
}
