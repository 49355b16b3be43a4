import TitleScore

/// A sheet's form, as the page draws it (`GET /api/form?sheet=ID`): the applicant's fields in the spreadsheet
/// layout's order, grouped, each with its label, the portfolio path it fills, its kind and, for a closed list, the
/// choices (the sheet's own levels where it restricts them); the years of continuing education and assessments the
/// sheet's worked example gives, with their kinds and grades; the items reviewers score; the achievement fields; and
/// the sheet's worked example as the starting portfolio.
struct FormDescription {
  let sheet: Scoresheet
  let glossary: Glossary
  let language: Language

  /// Which part of the form a fixed column goes in.
  private func group(_ column: SpreadsheetLayout.Column) -> String {
    switch column.path.first {
    case .key("education"): return "education"
    case .key("recommendations"): return "recommendations"
    case .key("currentTitle"), .key("skill"): return "title"
    case .key("workStart"), .key("relatedWorkStart"), .key("enterpriseYears"), .key("registeredQualification"),
      .key("retrainingMonths"), .key("publicityDate"), .key("honours"), .key("claimed"):
      return "work"
    default: return "applicant"
    }
  }

  private func kind(_ column: SpreadsheetLayout.Column) -> String {
    switch column.kind {
    case .text: return column.list == nil ? "text" : "choice"
    case .date: return "date"
    case .flag: return "flag"
    case .number: return "number"
    case .list: return "multiple"
    }
  }

  private func choices(_ list: Glossary.List, into writer: inout JSONWriter) {
    writer.key("choices")
    writer.beginArray()
    for code in SpreadsheetWorkbook.codes(list, for: sheet, glossary: glossary) {
      writer.beginObject()
      writer.member("code", code)
      writer.member("name", glossary.name(of: code, in: list, language))
      writer.endObject()
    }
    writer.endArray()
  }

  private func field(_ column: SpreadsheetLayout.Column, into writer: inout JSONWriter) {
    writer.beginObject()
    writer.member("label", Message(column.header).text(language) + column.suffix)
    writer.member("path", JSONPath(components: column.path).description)
    writer.member("kind", kind(column))
    writer.member("group", group(column))
    if let list = column.list { choices(list, into: &writer) }
    writer.endObject()
  }

  func json() -> String {
    let example = SpreadsheetWorkbook.examplePortfolios(sheet).first
    var writer = JSONWriter()
    writer.beginObject()
    writer.key("sheet")
    writer.beginObject()
    writer.sheetMembers(sheet, language)
    writer.key("modelledNotice")
    if let notice = Explanation.modelledNotice(sheet, language: language) {
      writer.string(notice)
    } else {
      writer.null()
    }
    writer.endObject()
    // The names the page shows for the codes a score answers with.
    writer.key("verdicts")
    writer.beginObject()
    for kind in Verdict.Kind.allCases { writer.member(kind.rawValue, kind.name(language)) }
    writer.endObject()
    writer.key("reasons")
    writer.beginObject()
    for reason in ReasonCode.allCases { writer.member(reason.rawValue, reason.shortName(language)) }
    writer.endObject()
    writer.key("gates")
    writer.beginObject()
    for gate in sheet.gates { writer.member(gate.id, gate.title.text(language)) }
    writer.endObject()
    writer.key("fields")
    writer.beginArray()
    for column in SpreadsheetLayout.applicantColumns { field(column, into: &writer) }
    writer.endArray()
    // Continuing education and assessments by year: the years the sheet's worked example gives (the ones its gates
    // read), else the five before the review year.
    var years = Set(example?.continuingEducation.entries.map(\.year) ?? [])
    years.formUnion(example?.assessments.entries.map(\.year) ?? [])
    if years.isEmpty { years = Set((sheet.reviewYear - 5)..<sheet.reviewYear) }
    writer.key("years")
    writer.beginArray()
    for year in years.sorted() { writer.integer(year) }
    writer.endArray()
    writer.key("courseKinds")
    writer.beginArray()
    for term in glossary[.courseKind]?.terms ?? [] {
      writer.beginObject()
      writer.member("code", term.code)
      writer.member("name", term.name(language))
      writer.endObject()
    }
    writer.endArray()
    writer.key("assessment")
    writer.beginObject()
    writer.member("label", Message(.columnAssessment).text(language))
    choices(.assessmentGrade, into: &writer)
    writer.endObject()
    writer.member("courseLabel", Message(.columnContinuingEducation).text(language))
    writer.key("assessed")
    writer.beginArray()
    let titles = Dictionary(sheet.itemsInOrder.map { ($0.item.id, $0.item.title) }, uniquingKeysWith: { a, _ in a })
    // The items reviewers score (an `assessed` rule), and any other item a worked example gives reviewers' points.
    var assessed = sheet.itemsInOrder.map(\.item).filter { $0.rule.kindName == "assessed" }.map(\.id)
    for example in sheet.examples {
      if case .object(let members)? = example.portfolio["assessed"] {
        for member in members where !assessed.contains(member.key) { assessed.append(member.key) }
      }
    }
    for item in assessed {
      writer.beginObject()
      writer.member("item", item)
      writer.member("label", titles[item]?.text(language) ?? item)
      writer.endObject()
    }
    writer.endArray()
    // Every item, for the applicant's own claim item by item (自评分).
    writer.key("items")
    writer.beginArray()
    for (item, _) in sheet.itemsInOrder {
      writer.beginObject()
      writer.member("id", item.id)
      writer.member("label", item.title.text(language))
      writer.endObject()
    }
    writer.endArray()
    writer.key("recordFields")
    writer.beginArray()
    for column in SpreadsheetLayout.recordColumns { field(column, into: &writer) }
    writer.endArray()
    // Whether the sheet checks the files a portfolio names, and the kinds of file its worked examples attach (the
    // ID photo first): the page then has a table of attachments and hands the files in with each request.
    writer.member("materials", bool: sheet.checksMaterials)
    var kinds = ["id-photo"]
    for example in sheet.examples {
      if case .array(let attachments)? = example.portfolio["attachments"] {
        for attachment in attachments {
          if let kind = attachment["kind"]?.stringValue, !kinds.contains(kind) { kinds.append(kind) }
        }
      }
    }
    writer.member("attachmentKinds", strings: sheet.checksMaterials ? kinds : [])
    writer.key("example")
    if let chosen = sheet.examples.first(where: { $0.expectedVerdict == .pass }) ?? sheet.examples.first {
      writer.value(chosen.portfolio)
    } else {
      writer.null()
    }
    writer.endObject()
    return writer.output
  }
}
