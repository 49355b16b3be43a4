import Foundation

/// An employer's name as a dictionary key that hashes and compares its UTF-8 bytes. `String` hashing and equality
/// work through Unicode normalisation, which for Chinese text costs more than the rest of filing the row; names
/// written with the same bytes are the same employer.
struct EmployerKey: Hashable {
  let name: String

  init(_ name: String) {
    self.name = name
  }

  static func == (lhs: EmployerKey, rhs: EmployerKey) -> Bool {
    var left = lhs.name
    var right = rhs.name
    return left.withUTF8 { left in
      right.withUTF8 { right in
        left.count == right.count && (left.isEmpty || memcmp(left.baseAddress!, right.baseAddress!, left.count) == 0)
      }
    }
  }

  func hash(into hasher: inout Hasher) {
    var name = name
    hasher.combine(name.withUTF8 { StringPool.hash($0) })
  }
}
