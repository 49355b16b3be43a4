/// `titlescore sheets`: the sheets of a library, each as its id with route, threshold and year, and its title on
/// the line below, then the route guides; within 100 columns, with cities and specialties named by the glossary.
package struct SheetListRenderer {
  package let library: ScoresheetLibrary
  package let language: Language

  package init(library: ScoresheetLibrary, language: Language) {
    self.library = library
    self.language = language
  }

  /// The listing.
  package func render() -> String {
    var rows: [[String]] = []
    for sheet in library.sheets {
      rows.append([
        sheet.id, sheet.route.name.text(language), sheet.threshold?.description ?? "—", String(sheet.reviewYear),
      ])
      rows.append(["  " + DisplayWidth.truncated(sheet.title.text(language), to: 64), "", "", ""])
    }
    let headers = [
      Message(.sheetsHeaderIdAndTitle).text(language), Message(.sheetsHeaderRoute).text(language),
      Message(.sheetsHeaderThreshold).text(language), Message(.sheetsHeaderYear).text(language),
    ]
    // The title rows leave the other columns empty: no padding is left at their ends.
    var text =
      TableText.render(headers: headers, rows: rows).split(separator: "\n", omittingEmptySubsequences: false).map {
        String($0.reversed().drop { $0 == " " }.reversed())
      }.joined(separator: "\n")
    guard !library.guides.isEmpty else { return text }
    text += Message(.sheetsRouteGuides).text(language)
    let glossary = library.glossary
    for guide in library.guides {
      for entry in guide.entries {
        let specialties = entry.specialties.map { glossary.name(of: $0, in: .specialty, language) }
        let sheet = entry.sheetID ?? Message(.sheetsNoBundledSheet).text(language)
        let line = Message(
          .sheetsGuideEntry, .text(glossary.name(of: guide.city, in: .city, language)),
          .list(specialties.map { .text($0) }), .localized(entry.applicants), .message(entry.route.name),
          .text(sheet)
        ).text(language)
        text += "  " + DisplayWidth.wrapped(line, to: 98, indent: "    ") + "\n"
      }
    }
    return text
  }
}
