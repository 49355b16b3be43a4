/// An employer.
public struct Employer: Hashable, Sendable {
  /// The unit's name.
  public var name: String
  /// `enterprise`, `public-institution`, `civil-service` or `civil-service-managed`.
  public var sector: String
  /// The city or district, e.g. `jiaxing`.
  public var city: String

  /// An employer; the sector defaults to `enterprise`.
  public init(name: String, sector: String = "enterprise", city: String = "") {
    self.name = name
    self.sector = sector
    self.city = city
  }
}
