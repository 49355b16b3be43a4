import TitleScore

/// `titlescore sheets`: the bundled sheets with id, title, route, threshold and review year.
enum SheetsCommand {
  static func run(_ arguments: Arguments) throws -> Int32 {
    let language = try Console.language(arguments)
    let library = try Console.library(arguments)
    for diagnostic in library.diagnostics { Console.error(diagnostic) }
    var rows: [[String]] = []
    for sheet in library.sheets {
      rows.append([
        sheet.id, sheet.title.text(language), sheet.route.name.text(language), sheet.threshold?.description ?? "—",
        String(sheet.reviewYear),
      ])
    }
    let headers = [
      Message(.sheetsHeaderId).text(language), Message(.sheetsHeaderTitle).text(language),
      Message(.sheetsHeaderRoute).text(language), Message(.sheetsHeaderThreshold).text(language),
      Message(.sheetsHeaderYear).text(language),
    ]
    Console.out(TableText.render(headers: headers, rows: rows))
    if !library.guides.isEmpty {
      Console.out(Message(.sheetsRouteGuides).text(language))
      for guide in library.guides {
        for entry in guide.entries {
          let sheet = entry.sheetID ?? (Message(.sheetsNoBundledSheet).text(language))
          Console.out(
            "  \(guide.city) \(entry.specialties.joined(separator: "/")): \(entry.applicants.text(language)) → \(entry.route.name.text(language)) \(sheet)\n"
          )
        }
      }
    }
    return library.diagnostics.contains { $0.severity == .error } ? 1 : 0
  }
}
