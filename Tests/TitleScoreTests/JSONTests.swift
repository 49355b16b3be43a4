import Testing

@testable import TitleScore

@Suite struct JSONTests {
  @Test func parsesEscapesAndSurrogatePairs() throws {
    let value = try JSONValue.parse(Array(#"{"a": "x\"\\\n\u00e9\ud83d\ude00中"}"#.utf8))
    #expect(value["a"] == .string("x\"\\\né😀中"))
  }

  @Test func findsQuotesEscapesAndControlCharactersAtAnyOffset() throws {
    // Strings are scanned eight bytes at a time: put the byte that ends plain text at every offset in a word.
    for length in 0..<20 {
      let plain = String(repeating: "a", count: length)
      #expect(try JSONValue.parse(Array("{\"\(plain)\": \"\(plain)中\"}".utf8))[plain] == .string(plain + "中"))
      let escaped = try JSONValue.parse(Array("[\"\(plain)\\\"\(plain)\"]".utf8))
      #expect(escaped == .array([.string(plain + "\"" + plain)]))
      #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array("[\"\(plain)\u{1}\(plain)\"]".utf8)) }
      #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array("[\"\(plain)".utf8)) }
    }
  }

  @Test func keepsNumberTextExact() throws {
    let value = try JSONValue.parse(Array(#"[0.1, -2.50, 3e2]"#.utf8))
    #expect(
      value
        == .array([
          .number(JSONNumber(text: "0.1")), .number(JSONNumber(text: "-2.50")), .number(JSONNumber(text: "3e2")),
        ]))
  }

  @Test func locatesSyntaxErrors() {
    #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array("{\n  \"a\": [1, 2,\n}".utf8)) }
    do {
      _ = try JSONValue.parse(Array("{\n  \"a\": tru\n}".utf8))
    } catch {
      #expect(error.line == 2)
      #expect(error.column == 8)
    }
  }

  @Test func rejectsTrailingTextAndLeadingZeros() {
    #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array("{} x".utf8)) }
    #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array("01".utf8)) }
    #expect(throws: JSONSyntaxError.self) { try JSONValue.parse(Array("\"a\u{01}\"".utf8)) }
  }

  @Test func writerEscapesControlCharactersAndRoundTrips() throws {
    #expect(JSONWriter.quoted("a\"b\\c\n\u{01}") == #""a\"b\\c\n\u0001""#)
    let original = try JSONValue.parse(Array(#"{"k": [1, "两", {"x": null, "y": true}]}"#.utf8))
    var writer = JSONWriter(pretty: true)
    writer.value(original)
    #expect(try JSONValue.parse(Array(writer.output.utf8)) == original)
  }
}
