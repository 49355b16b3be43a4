/// A parsed JSON document as a tree, used for scoresheets, which are small and are checked as a whole.
package indirect enum JSONValue: Hashable, Sendable {
  /// `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// A number, kept as written.
  case number(JSONNumber)
  /// A string.
  case string(String)
  /// An array.
  case array([JSONValue])
  /// An object's members in document order; a key repeated in the document is a decoding error.
  case object([(key: String, value: JSONValue)])

  /// Parses one JSON text.
  package static func parse(_ bytes: [UInt8]) throws(JSONSyntaxError) -> JSONValue {
    do {
      return try bytes.withUnsafeBufferPointer { buffer in
        var scanner = JSONScanner(buffer)
        let value = try scanner.readTree()
        try scanner.expectEnd()
        return value
      }
    } catch let error as JSONSyntaxError {
      throw error
    } catch {
      preconditionFailure("only syntax errors are thrown")
    }
  }

  /// The member for a key, if this is an object that has it.
  package subscript(key: String) -> JSONValue? {
    guard case .object(let members) = self else { return nil }
    return members.first { $0.key == key }?.value
  }

  /// A short name of the value's kind for messages.
  package var kindWord: MessageKey {
    switch self {
    case .null: return .wordJsonNull
    case .bool: return .wordJsonBoolean
    case .number: return .wordJsonNumber
    case .string: return .wordJsonString
    case .array: return .wordJsonArray
    case .object: return .wordJsonObject
    }
  }

  package static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
    switch (lhs, rhs) {
    case (.null, .null): return true
    case (.bool(let a), .bool(let b)): return a == b
    case (.number(let a), .number(let b)): return a == b
    case (.string(let a), .string(let b)): return a == b
    case (.array(let a), .array(let b)): return a == b
    case (.object(let a), .object(let b)):
      return a.count == b.count && zip(a, b).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    default: return false
    }
  }

  package func hash(into hasher: inout Hasher) {
    switch self {
    case .null: hasher.combine(0)
    case .bool(let value): hasher.combine(value)
    case .number(let value): hasher.combine(value)
    case .string(let value): hasher.combine(value)
    case .array(let values): hasher.combine(values)
    case .object(let members):
      for member in members {
        hasher.combine(member.key)
        hasher.combine(member.value)
      }
    }
  }
}

extension JSONScanner {
  /// Reads one value as a tree; `depth` is the number of arrays and objects around it, at most
  /// `JSONScanner.maximumDepth`, so the recursion is bounded.
  mutating func readTree(depth: Int = 0) throws(JSONSyntaxError) -> JSONValue {
    switch try peekKind() {
    case .object:
      if depth >= JSONScanner.maximumDepth { try failTooDeep() }
      try beginObject()
      var members: [(key: String, value: JSONValue)] = []
      var first = true
      while let key = try nextKey(&first) {
        members.append((key, try readTree(depth: depth + 1)))
      }
      return .object(members)
    case .array:
      if depth >= JSONScanner.maximumDepth { try failTooDeep() }
      try beginArray()
      var elements: [JSONValue] = []
      var first = true
      while try nextElement(&first) { elements.append(try readTree(depth: depth + 1)) }
      return .array(elements)
    case .string: return .string(try readString())
    case .number: return .number(try readNumberText())
    case .bool: return .bool(try readBool())
    case .null:
      _ = readNullIfPresent()
      return .null
    }
  }
}
