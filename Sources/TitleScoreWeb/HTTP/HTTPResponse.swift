/// A response: status, content type, body. Every response carries the same strict security headers: a
/// Content-Security-Policy that lets the page run only its own script and style and connect only to its own
/// server, `X-Content-Type-Options: nosniff`, no framing and no referrer.
public struct HTTPResponse: Sendable {
  /// The status code.
  public var status: Int
  /// The body's media type.
  public var contentType: String
  /// The body.
  public var body: [UInt8]
  /// Headers beyond the standard ones (`Content-Disposition` for a download, `Allow`).
  public var extraHeaders: [(name: String, value: String)] = []

  /// A response with a body.
  public init(status: Int, contentType: String, body: [UInt8]) {
    self.status = status
    self.contentType = contentType
    self.body = body
  }

  /// A JSON response.
  public static func json(_ text: String, status: Int = 200) -> HTTPResponse {
    HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: Array(text.utf8))
  }

  /// A JSON response whose text is already UTF-8.
  public static func json(utf8 body: [UInt8], status: Int = 200) -> HTTPResponse {
    HTTPResponse(status: status, contentType: "application/json; charset=utf-8", body: body)
  }

  /// The policy every response carries: nothing from elsewhere, no inline script or style but the page's own
  /// files, requests only to this server.
  public static let contentSecurityPolicy =
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    + "form-action 'none'; frame-ancestors 'none'; base-uri 'none'"

  /// The reason phrase of a status.
  public static func reason(_ status: Int) -> String {
    switch status {
    case 200: return "OK"
    case 204: return "No Content"
    case 400: return "Bad Request"
    case 404: return "Not Found"
    case 405: return "Method Not Allowed"
    case 408: return "Request Timeout"
    case 411: return "Length Required"
    case 413: return "Content Too Large"
    case 415: return "Unsupported Media Type"
    case 422: return "Unprocessable Content"
    case 431: return "Request Header Fields Too Large"
    case 500: return "Internal Server Error"
    case 503: return "Service Unavailable"
    case 505: return "HTTP Version Not Supported"
    default: return "Status"
    }
  }

  /// The headers every response carries after its own.
  private static let standardHeaders = Array(
    ("Content-Security-Policy: \(contentSecurityPolicy)\r\n"
      + "X-Content-Type-Options: nosniff\r\nX-Frame-Options: DENY\r\nReferrer-Policy: no-referrer\r\n"
      + "Cache-Control: no-store\r\n").utf8)

  /// The response's bytes; `keepAlive` says whether the connection stays open, `head` leaves the body out.
  public func serialized(keepAlive: Bool, head: Bool = false) -> [UInt8] {
    var text = "HTTP/1.1 \(status) \(HTTPResponse.reason(status))\r\n"
    text += "Content-Type: \(contentType)\r\nContent-Length: \(body.count)\r\n"
    text += "Connection: \(keepAlive ? "keep-alive" : "close")\r\n"
    for header in extraHeaders { text += "\(header.name): \(header.value)\r\n" }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(text.utf8.count + HTTPResponse.standardHeaders.count + 2 + (head ? 0 : body.count))
    bytes += text.utf8
    bytes += HTTPResponse.standardHeaders
    bytes += [13, 10]
    if !head { bytes += body }
    return bytes
  }
}
