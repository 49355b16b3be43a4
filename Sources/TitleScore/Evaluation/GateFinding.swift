/// Something a gate found short, with a stable code and the values that show it. Findings are worded only when
/// shown, so a batch that needs just "passed or not" builds no text.
public enum GateFinding: Hashable, Sendable {
  /// No annual assessment for a year.
  case assessmentMissing(year: Int)
  /// A grade the sheet's vocabulary does not know.
  case assessmentUnknown(year: Int, grade: String)
  /// A grade below the minimum.
  case assessmentBelow(year: Int, grade: String, minimum: String)
  /// Nothing recorded for a year of continuing education.
  case hoursNotRecorded(year: Int, unit: String)
  /// A year's total below what the year needs.
  case hoursShort(year: Int, have: Points, needed: Points, unit: String)
  /// A kind of course below what the year needs of it.
  case kindHoursShort(year: Int, kind: String, have: Points, needed: Points, unit: String)
  /// Short years not made up by the cumulative allowance.
  case cumulativeShort(total: Points, allowance: Points, unit: String, finalYearIncomplete: Bool)
  /// The total over the years below the cumulative minimum.
  case spanShort(firstYear: Int?, lastYear: Int?, total: Points, minimum: Points, unit: String)
  /// A specialty this review does not cover.
  case specialtyNotReviewed(String)
  /// A specialty excluded from this review.
  case specialtyExcluded(String)
  /// A sector whose staff may not apply.
  case sectorExcluded(String)
  /// A residency that may not apply.
  case residencyExcluded(String)
  /// Too few expert recommendations of a level.
  case recommendationsShort(count: Int, minimum: Int, level: String)
  /// An attached file that is not there.
  case attachmentMissing(path: String)
  /// An ID photo that is not JPG or JPEG.
  case photoFormat
  /// An ID photo outside the size limits (exclusive bounds).
  case photoBytes(bytes: Int, over: Int, under: Int)
  /// An ID photo below the least pixel size.
  case photoPixels(width: Int, height: Int, minWidth: Int, minHeight: Int)
  /// An ID photo whose width/height is outside the bounds.
  case photoAspect(min: Points, max: Points)
  /// An ID photo that is not a readable JPEG image.
  case photoUnreadable
  /// A condition of the gate that is not met, with what was observed.
  case conditionNotMet(label: LocalizedText, observed: String)
  /// The current appointment is not held in the review year (申报当年须在聘).
  case appointmentNotHeld(title: String, year: Int)

  /// A stable code for the kind of finding, for tests and machine-readable output.
  public var code: String {
    switch self {
    case .assessmentMissing: return "assessment-missing"
    case .assessmentUnknown: return "assessment-unknown"
    case .assessmentBelow: return "assessment-below"
    case .hoursNotRecorded: return "hours-not-recorded"
    case .hoursShort: return "hours-short"
    case .kindHoursShort: return "kind-hours-short"
    case .cumulativeShort: return "cumulative-hours-short"
    case .spanShort: return "span-hours-short"
    case .specialtyNotReviewed: return "specialty-not-reviewed"
    case .specialtyExcluded: return "specialty-excluded"
    case .sectorExcluded: return "sector-excluded"
    case .residencyExcluded: return "residency-excluded"
    case .recommendationsShort: return "recommendations-short"
    case .attachmentMissing: return "attachment-missing"
    case .photoFormat: return "photo-format"
    case .photoBytes: return "photo-bytes"
    case .photoPixels: return "photo-pixels"
    case .photoAspect: return "photo-aspect"
    case .photoUnreadable: return "photo-unreadable"
    case .conditionNotMet: return "condition-not-met"
    case .appointmentNotHeld: return "appointment-not-held"
    }
  }

  /// What the finding says, for the catalogue to word.
  public var message: Message {
    func unit(_ unit: String) -> MessageArgument { .word(unit == "credits" ? .wordCredits : .wordHours) }
    switch self {
    case .assessmentMissing(let year): return Message(.findingAssessmentMissing, .integer(year))
    case .assessmentUnknown(let year, let grade):
      return Message(.findingAssessmentUnknown, .integer(year), .text(grade))
    case .assessmentBelow(let year, let grade, let minimum):
      return Message(.findingAssessmentBelow, .integer(year), .text(grade), .text(minimum))
    case .hoursNotRecorded(let year, let unitName):
      return Message(.findingHoursNotRecorded, .integer(year), unit(unitName))
    case .hoursShort(let year, let have, let needed, let unitName):
      return Message(.findingHoursShort, .integer(year), .points(have), .points(needed), unit(unitName))
    case .kindHoursShort(let year, let kind, let have, let needed, let unitName):
      return Message(
        .findingKindHoursShort, .integer(year), .text(kind), .points(have), .points(needed), unit(unitName))
    case .cumulativeShort(let total, let allowance, let unitName, let finalYearIncomplete):
      return Message(
        finalYearIncomplete ? .findingCumulativeHoursShortFinalYear : .findingCumulativeHoursShort, .points(total),
        .points(allowance), unit(unitName))
    case .spanShort(let firstYear, let lastYear, let total, let minimum, let unitName):
      return Message(
        .findingSpanHoursShort, .text(firstYear.map(String.init) ?? ""), .text(lastYear.map(String.init) ?? ""),
        .points(total), .points(minimum), unit(unitName))
    case .specialtyNotReviewed(let specialty): return Message(.findingSpecialtyNotReviewed, .text(specialty))
    case .specialtyExcluded(let specialty): return Message(.findingSpecialtyExcluded, .text(specialty))
    case .sectorExcluded(let sector): return Message(.findingSectorExcluded, .text(sector))
    case .residencyExcluded(let residency): return Message(.findingResidencyExcluded, .text(residency))
    case .recommendationsShort(let count, let minimum, let level):
      return Message(.findingRecommendationsShort, .integer(count), .integer(minimum), .text(level))
    case .attachmentMissing(let path): return Message(.findingAttachmentMissing, .text(path))
    case .photoFormat: return Message(.findingPhotoFormat)
    case .photoBytes(let bytes, let over, let under):
      return Message(.findingPhotoBytes, .integer(bytes), .integer(over), .integer(under))
    case .photoPixels(let width, let height, let minWidth, let minHeight):
      return Message(.findingPhotoPixels, .integer(width), .integer(height), .integer(minWidth), .integer(minHeight))
    case .photoAspect(let min, let max): return Message(.findingPhotoAspect, .points(min), .points(max))
    case .photoUnreadable: return Message(.findingPhotoUnreadable)
    case .conditionNotMet(let label, let observed):
      return observed.isEmpty
        ? Message(.findingConditionNotMet, .localized(label))
        : Message(.findingConditionNotMetObserved, .localized(label), .text(observed))
    case .appointmentNotHeld(let title, let year):
      return Message(.findingAppointmentNotHeld, .text(title), .integer(year))
    }
  }

  /// The finding in words, in one language.
  public func text(_ language: Language) -> String { message.text(language) }
}
