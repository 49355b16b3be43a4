/// A professional title held.
public struct TitleRecord: Hashable, Sendable {
  /// The title, e.g. `assistant-engineer`.
  public var title: String
  /// Date of appointment (聘任).
  public var date: Day
  /// Whether the appointment is still held in the review year (申报当年须在聘); true unless the portfolio says not.
  public var heldInReviewYear: Bool

  /// A title held since its date of appointment.
  public init(title: String, date: Day, heldInReviewYear: Bool = true) {
    self.title = title
    self.date = date
    self.heldInReviewYear = heldInReviewYear
  }
}
