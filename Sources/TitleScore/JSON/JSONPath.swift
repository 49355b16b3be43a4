/// A location inside a JSON document, such as `records[2].date`.
public struct JSONPath: Hashable, Sendable, CustomStringConvertible {
  /// One step of a path: an object key or an array index.
  public enum Component: Hashable, Sendable {
    /// A member of an object.
    case key(String)
    /// An element of an array.
    case index(Int)
  }

  /// The steps from the document root.
  public var components: [Component]

  /// The document root.
  public static let root = JSONPath(components: [])

  /// Creates a path from its steps.
  public init(components: [Component]) {
    self.components = components
  }

  /// This path extended by an object key.
  public func appending(_ key: String) -> JSONPath {
    JSONPath(components: components + [.key(key)])
  }

  /// This path extended by an array index.
  public func appending(_ index: Int) -> JSONPath {
    JSONPath(components: components + [.index(index)])
  }

  /// This path with another path's steps after it.
  public func appending(_ other: JSONPath) -> JSONPath {
    JSONPath(components: components + other.components)
  }

  /// The path written the way an editor's JSON tooling shows it: `$` for the root, `a.b[2]` otherwise.
  public var description: String {
    if components.isEmpty { return "$" }
    var text = ""
    for component in components {
      switch component {
      case .key(let key):
        if !text.isEmpty { text += "." }
        text += key
      case .index(let index):
        text += "[\(index)]"
      }
    }
    return text
  }
}
