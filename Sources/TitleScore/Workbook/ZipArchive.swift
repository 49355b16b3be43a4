/// The files of a ZIP archive (an XLSX workbook is one), read from its central directory: stored or DEFLATE
/// entries, each checked against its CRC-32. ZIP64 archives, encrypted entries and other methods are refused with
/// a reason; an archive that lies about its sizes or offsets is refused, never read past its end.
struct ZipArchive {
  /// Why an archive cannot be read.
  enum Failure: Error, Equatable {
    /// No end-of-central-directory record: not a ZIP archive.
    case notAnArchive
    /// A header, size, offset or stream that does not fit the archive: in the directory (nil) or an entry.
    case corrupt(entry: String?)
    /// An archive larger than 4 GB or with more than 65,535 entries (ZIP64), which no workbook needs.
    case zip64
    /// An encrypted entry (a workbook saved with a password).
    case encrypted(entry: String)
    /// An entry packed by a method other than stored (0) and DEFLATE (8).
    case method(UInt16, entry: String)
    /// An entry whose bytes do not match its checksum.
    case checksum(entry: String)
  }

  /// One file in the archive.
  struct Entry {
    var name: String
    var method: UInt16
    var flags: UInt16
    var crc: UInt32
    var compressedSize: Int
    var size: Int
    var headerOffset: Int
  }

  /// The archive's bytes.
  let bytes: [UInt8]
  /// The entries, by name.
  let entries: [String: Entry]

  /// Reads an archive's directory.
  init(_ bytes: [UInt8]) throws(Failure) {
    self.bytes = bytes
    // The end record is in the last 22 + 65,535 bytes (its comment is at most that long).
    guard bytes.count >= 22 else { throw .notAnArchive }
    var end = -1
    var position = bytes.count - 22
    let lowest = max(0, bytes.count - 22 - 65_535)
    while position >= lowest {
      if ZipArchive.u32(bytes, position) == 0x0605_4B50 {
        end = position
        break
      }
      position -= 1
    }
    guard end >= 0 else { throw .notAnArchive }
    let count = Int(ZipArchive.u16(bytes, end + 10))
    let directorySize = Int(ZipArchive.u32(bytes, end + 12))
    let directoryOffset = Int(ZipArchive.u32(bytes, end + 16))
    if count == 0xFFFF || directorySize == 0xFFFF_FFFF || directoryOffset == 0xFFFF_FFFF {
      throw .zip64
    }
    guard directoryOffset + directorySize <= end else { throw .corrupt(entry: nil) }
    var entries: [String: Entry] = [:]
    var offset = directoryOffset
    for _ in 0..<count {
      guard offset + 46 <= end, ZipArchive.u32(bytes, offset) == 0x0201_4B50 else {
        throw .corrupt(entry: nil)
      }
      let nameLength = Int(ZipArchive.u16(bytes, offset + 28))
      let extraLength = Int(ZipArchive.u16(bytes, offset + 30))
      let commentLength = Int(ZipArchive.u16(bytes, offset + 32))
      guard offset + 46 + nameLength + extraLength + commentLength <= end else { throw .corrupt(entry: nil) }
      let name = String(decoding: bytes[(offset + 46)..<(offset + 46 + nameLength)], as: UTF8.self)
      let entry = Entry(
        name: name, method: ZipArchive.u16(bytes, offset + 10), flags: ZipArchive.u16(bytes, offset + 8),
        crc: ZipArchive.u32(bytes, offset + 16), compressedSize: Int(ZipArchive.u32(bytes, offset + 20)),
        size: Int(ZipArchive.u32(bytes, offset + 24)), headerOffset: Int(ZipArchive.u32(bytes, offset + 42)))
      if entry.size == 0xFFFF_FFFF || entry.compressedSize == 0xFFFF_FFFF || entry.headerOffset == 0xFFFF_FFFF {
        throw .zip64
      }
      entries[name] = entry
      offset += 46 + nameLength + extraLength + commentLength
    }
    self.entries = entries
  }

  /// Whether the archive has a file.
  func contains(_ name: String) -> Bool { entries[name] != nil }

  /// A file's bytes, inflated and checked; nil when the archive has no such file.
  func file(_ name: String) throws(Failure) -> [UInt8]? {
    guard let entry = entries[name] else { return nil }
    if entry.flags & 1 != 0 { throw .encrypted(entry: name) }
    let header = entry.headerOffset
    guard header + 30 <= bytes.count, ZipArchive.u32(bytes, header) == 0x0403_4B50 else {
      throw .corrupt(entry: name)
    }
    let start = header + 30 + Int(ZipArchive.u16(bytes, header + 26)) + Int(ZipArchive.u16(bytes, header + 28))
    guard start + entry.compressedSize <= bytes.count else { throw .corrupt(entry: name) }
    // A workbook part is text that DEFLATE packs at most about 1,032 to 1: more is a bomb, not a spreadsheet.
    guard entry.size <= max(1 << 20, entry.compressedSize * 1_100) else { throw .corrupt(entry: name) }
    let content: [UInt8]
    switch entry.method {
    case 0:
      guard entry.compressedSize == entry.size else { throw .corrupt(entry: name) }
      content = Array(bytes[start..<(start + entry.size)])
    case 8:
      do {
        content = try bytes.withUnsafeBytes { (all: UnsafeRawBufferPointer) throws(Zlib.Failure) -> [UInt8] in
          try Zlib.inflate(
            UnsafeRawBufferPointer(rebasing: all[start..<(start + entry.compressedSize)]), expectedSize: entry.size)
        }
      } catch {
        throw .corrupt(entry: name)
      }
    default: throw .method(entry.method, entry: name)
    }
    guard Zlib.crc32(content) == entry.crc else { throw .checksum(entry: name) }
    return content
  }

  static func u16(_ bytes: [UInt8], _ offset: Int) -> UInt16 {
    guard offset >= 0, offset + 2 <= bytes.count else { return 0 }
    return UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
  }

  static func u32(_ bytes: [UInt8], _ offset: Int) -> UInt32 {
    guard offset >= 0, offset + 4 <= bytes.count else { return 0 }
    return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16
      | UInt32(bytes[offset + 3]) << 24
  }
}
