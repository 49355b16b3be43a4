extension Condition {
  /// Reports what only makes sense against the sheet, by the condition's kind (see `ConditionKind.validate`).
  func validate(_ check: inout KindCheck, at path: JSONPath) {
    test.handler.validate(&check, at: path)
  }
}
