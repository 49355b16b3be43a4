import TitleScore

/// The scalar members an API request reads.
extension JSONValue {
  /// The string, if this is one.
  var stringValue: String? {
    if case .string(let text) = self { return text }
    return nil
  }

  /// The boolean, if this is one.
  var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The number as written, if this is one.
  private var numberText: String? {
    if case .number(let number) = self { return number.text }
    return nil
  }

  /// The whole number, if this is one.
  var integerValue: Int? { numberText.flatMap { Int($0) } }

  /// The number as a double (a pass rate, never points), if this is one.
  var doubleValue: Double? { numberText.flatMap { Double($0) } }
}
