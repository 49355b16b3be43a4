import TitleScore

extension JSONWriter {
  /// A sheet's members as the API names it everywhere (`/api/sheets`, `/api/form`): id, title, route and its
  /// name, threshold, review year, issuer and document.
  mutating func sheetMembers(_ sheet: Scoresheet, _ language: Language) {
    member("id", sheet.id)
    member("title", sheet.title.text(language))
    member("route", sheet.route.rawValue)
    member("routeName", sheet.route.name.text(language))
    key("threshold")
    if let threshold = sheet.threshold { points(threshold) } else { null() }
    member("reviewYear", integer: sheet.reviewYear)
    member("issuer", sheet.issuer.text(language))
    member("document", sheet.document)
  }
}
