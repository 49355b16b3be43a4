/// The members of a JSON object as byte ranges of its text, without building a tree: a request carries a
/// portfolio among a few small members, and the portfolio decoder reads its bytes where they are.
package enum JSONMembers {
  /// Each top-level member's key and the byte range of its value, in document order; the text must be one object
  /// (a syntax error, or a text that is another kind of value, is thrown as a syntax error).
  package static func of(_ bytes: [UInt8]) throws(JSONSyntaxError) -> [(key: String, range: Range<Int>)] {
    try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(JSONSyntaxError) in
      var scanner = JSONScanner(buffer)
      var members: [(key: String, range: Range<Int>)] = []
      try scanner.beginObject()
      var first = true
      while let key = try scanner.nextKey(&first) {
        scanner.skipWhitespace()
        let start = scanner.index
        try scanner.skipValue()
        members.append((key, start..<scanner.index))
      }
      try scanner.expectEnd()
      return members
    }
  }
}
