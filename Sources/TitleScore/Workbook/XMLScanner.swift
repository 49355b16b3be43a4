/// A small XML reader for the parts of an XLSX workbook: it walks the bytes once and reports start tags with their
/// attributes, end tags and text, by local name (a `x:` or other prefix dropped, as the parts are read by name within
/// their one namespace). It takes what the workbook parts use — elements, attributes in either quote, the five
/// named entities and character references, CDATA, comments, processing instructions — and refuses a document
/// type declaration (no entity expansion, so no entity bomb) and any text that is not well-formed at the level it
/// reads.
struct XMLScanner {
  /// Why a part is not read.
  struct Failure: Error, Equatable {
    /// The byte offset of the problem.
    var offset: Int
  }

  /// The deepest nesting of elements read (workbook parts use about ten levels).
  static let maximumDepth = 256

  /// What the scanner reports, in document order.
  protocol Handler {
    /// A start tag (or an empty-element tag, followed by its `end`).
    mutating func start(_ name: String, _ attributes: [(name: String, value: String)]) throws(Failure)
    /// An end tag.
    mutating func end(_ name: String) throws(Failure)
    /// Character data between tags, entities decoded; whitespace-only text is reported too.
    mutating func text(_ text: String) throws(Failure)
  }

  /// Walks a part, reporting to `handler`.
  static func scan<H: Handler>(_ bytes: [UInt8], into handler: inout H) throws(Failure) {
    try bytes.withUnsafeBufferPointer { (buffer: UnsafeBufferPointer<UInt8>) throws(Failure) in
      var reader = Reader(bytes: buffer)
      try reader.run(&handler)
    }
  }

  /// Decodes the entities of a text or attribute value; nil when one is unknown or malformed.
  static func decoded(_ raw: UnsafeBufferPointer<UInt8>) -> String? {
    guard raw.contains(0x26) else { return String(decoding: raw, as: UTF8.self) }
    var out: [UInt8] = []
    out.reserveCapacity(raw.count)
    var index = 0
    while index < raw.count {
      let byte = raw[index]
      guard byte == 0x26 else {
        out.append(byte)
        index += 1
        continue
      }
      guard let semicolon = raw[index...].firstIndex(of: 0x3B), semicolon - index <= 10 else { return nil }
      let name = String(decoding: raw[(index + 1)..<semicolon], as: UTF8.self)
      switch name {
      case "lt": out.append(0x3C)
      case "gt": out.append(0x3E)
      case "amp": out.append(0x26)
      case "quot": out.append(0x22)
      case "apos": out.append(0x27)
      default:
        let value: UInt32?
        if name.hasPrefix("#x") || name.hasPrefix("#X") {
          value = UInt32(name.dropFirst(2), radix: 16)
        } else if name.hasPrefix("#") {
          value = UInt32(name.dropFirst(), radix: 10)
        } else {
          value = nil
        }
        guard let value, let scalar = Unicode.Scalar(value), value != 0 else { return nil }
        out.append(contentsOf: String(Character(scalar)).utf8)
      }
      index = semicolon + 1
    }
    return String(decoding: out, as: UTF8.self)
  }

  private struct Reader {
    let bytes: UnsafeBufferPointer<UInt8>
    var index = 0
    /// The open elements, to check each end tag closes the one that is open.
    var open: [String] = []
    /// The attributes of the tag being read: one buffer for every tag (the handler reads them during `start`).
    var attributes: [(name: String, value: String)] = []

    init(bytes: UnsafeBufferPointer<UInt8>) {
      self.bytes = bytes
      // A byte-order mark before the declaration.
      if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF { index = 3 }
    }

    func failure() -> Failure { Failure(offset: index) }

    /// The offset of `pattern` at or after `from`, or nil.
    func find(_ pattern: [UInt8], from: Int) -> Int? {
      var position = from
      while position + pattern.count <= bytes.count {
        if bytes[position] == pattern[0] {
          var matches = true
          for offset in 1..<pattern.count where bytes[position + offset] != pattern[offset] {
            matches = false
            break
          }
          if matches { return position }
        }
        position += 1
      }
      return nil
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
      !(byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x2F || byte == 0x3E || byte == 0x3D
        || byte == 0x3C || byte == 0x22 || byte == 0x27)
    }

    static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

    /// A name at the index, its prefix dropped.
    mutating func name() throws(Failure) -> String {
      let start = index
      var colon = -1
      while index < bytes.count, Reader.isNameByte(bytes[index]) {
        if bytes[index] == 0x3A { colon = index }
        index += 1
      }
      guard index > start else { throw failure() }
      return String(
        decoding: UnsafeBufferPointer(rebasing: bytes[(colon >= 0 ? colon + 1 : start)..<index]), as: UTF8.self)
    }

    mutating func skipSpace() {
      while index < bytes.count, Reader.isSpace(bytes[index]) { index += 1 }
    }

    mutating func run<H: Handler>(_ handler: inout H) throws(Failure) {
      var sawRoot = false
      while index < bytes.count {
        guard bytes[index] == 0x3C else {
          let start = index
          while index < bytes.count, bytes[index] != 0x3C { index += 1 }
          let raw = UnsafeBufferPointer(rebasing: bytes[start..<index])
          if open.isEmpty {
            // Outside the root only whitespace may stand.
            guard raw.allSatisfy(Reader.isSpace) else { throw Failure(offset: start) }
            continue
          }
          guard let text = XMLScanner.decoded(raw) else { throw Failure(offset: start) }
          try handler.text(text)
          continue
        }
        guard index + 1 < bytes.count else { throw failure() }
        switch bytes[index + 1] {
        case 0x3F:  // <? … ?>
          guard let close = find([0x3F, 0x3E], from: index + 2) else { throw failure() }
          index = close + 2
        case 0x21:  // <!-- … -->, <![CDATA[ … ]]>, <!DOCTYPE
          if find([0x2D, 0x2D], from: index + 2) == index + 2 {
            guard let close = find([0x2D, 0x2D, 0x3E], from: index + 4) else { throw failure() }
            index = close + 3
          } else if find(Array("[CDATA[".utf8), from: index + 2) == index + 2, !open.isEmpty {
            let start = index + 9
            guard let close = find([0x5D, 0x5D, 0x3E], from: start) else { throw failure() }
            try handler.text(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<close]), as: UTF8.self))
            index = close + 3
          } else {
            throw failure()
          }
        case 0x2F:  // </name>
          index += 2
          let name = try name()
          skipSpace()
          guard index < bytes.count, bytes[index] == 0x3E, open.last == name else { throw failure() }
          index += 1
          open.removeLast()
          try handler.end(name)
        default:
          guard open.isEmpty ? !sawRoot : true else { throw failure() }
          // No workbook part nests elements more than a few deep: a deeper one is not a workbook.
          guard open.count < XMLScanner.maximumDepth else { throw failure() }
          index += 1
          let name = try name()
          attributes.removeAll(keepingCapacity: true)
          while true {
            skipSpace()
            guard index < bytes.count else { throw failure() }
            if bytes[index] == 0x3E {
              index += 1
              open.append(name)
              sawRoot = true
              try handler.start(name, attributes)
              break
            }
            if bytes[index] == 0x2F {
              guard index + 1 < bytes.count, bytes[index + 1] == 0x3E else { throw failure() }
              index += 2
              sawRoot = true
              try handler.start(name, attributes)
              try handler.end(name)
              break
            }
            let attribute = try self.name()
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x3D else { throw failure() }
            index += 1
            skipSpace()
            guard index < bytes.count, bytes[index] == 0x22 || bytes[index] == 0x27 else { throw failure() }
            let quote = bytes[index]
            let start = index + 1
            guard let close = bytes[start...].firstIndex(of: quote) else { throw failure() }
            guard let value = XMLScanner.decoded(UnsafeBufferPointer(rebasing: bytes[start..<close])) else {
              throw Failure(offset: start)
            }
            attributes.append((attribute, value))
            index = close + 1
          }
        }
      }
      guard open.isEmpty, sawRoot else { throw failure() }
    }
  }
}
