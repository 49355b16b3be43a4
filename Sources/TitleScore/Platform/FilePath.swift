/// Small path helpers that do not go through `NSString` (whose path methods trap on some inputs on Linux).
enum FilePath {
  /// The folder part of a path: `a/b/c.json` → `a/b`, `c.json` → `.`.
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    let folder = String(path[..<slash])
    return folder.isEmpty ? "/" : folder
  }

  /// A path joined to a folder, unless it is absolute.
  static func resolve(_ path: String, in directory: String) -> String {
    if path.hasPrefix("/") { return path }
    return directory == "." ? path : directory + "/" + path
  }
}
