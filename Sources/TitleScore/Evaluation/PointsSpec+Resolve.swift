extension EvaluationContext {
  /// The points a spec gives once: fixed points, the reviewer's decided value when it is allowed, or the range.
  ///
  /// A decided value outside the range is ignored with an `assessed-out-of-range` deduction.
  /// `decided` is read only for a range.
  mutating func resolve(
    _ spec: PointsSpec, decided: @autoclosure () -> Points?, item: String, record: Int? = nil
  ) -> PointsInterval {
    guard case .range = spec, let decided = decided() else { return spec.interval }
    if spec.allows(decided) { return PointsInterval(exactly: decided) }
    deductions.append(
      Deduction(
        .assessedOutOfRange, item: item, record: record,
        details: trace(["decided=\(decided)", "allowed=\(spec.interval)"])))
    return spec.interval
  }
}
