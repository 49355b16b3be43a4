/// The page application's files, carried in the binary (`Page/`, embedded at build time): `/` is `index.html`,
/// and only these paths are served — nothing else on the disk can be read through the server.
enum PageAssets {
  struct Asset {
    var contentType: String
    var bytes: [UInt8]
  }

  private static let byPath: [String: Asset] = {
    var assets: [String: Asset] = [:]
    for (path, text) in PageFiles.files {
      let type: String
      switch path.split(separator: ".").last {
      case "html": type = "text/html; charset=utf-8"
      case "js": type = "text/javascript; charset=utf-8"
      case "css": type = "text/css; charset=utf-8"
      default: type = "image/svg+xml"
      }
      // The embedder adds a line break after each file's text.
      assets["/" + path] = Asset(contentType: type, bytes: Array(text.utf8))
    }
    assets["/"] = assets["/index.html"]
    return assets
  }()

  /// The asset at a request path, if the page has one there.
  static func asset(at path: String) -> Asset? { byPath[path] }
}
