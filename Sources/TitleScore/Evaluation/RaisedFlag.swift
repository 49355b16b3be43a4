/// A flag raised on a result, such as `interview-required`, with the trigger that raised it.
public struct RaisedFlag: Hashable, Sendable {
  /// The flag.
  public var flag: String
  /// The trigger's id.
  public var triggerID: String
}
