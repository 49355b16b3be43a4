/// Writes a ZIP archive: each file DEFLATE-packed with its CRC-32, a local header before it, the central
/// directory and its end record after. Every entry carries the same fixed time (1980-01-01 00:00), so the same
/// files give the same bytes.
struct ZipWriter {
  private var output: [UInt8] = []
  private var directory: [UInt8] = []
  private var count = 0

  /// An empty archive.
  init() {}

  /// Adds a file.
  mutating func add(_ name: String, _ content: [UInt8]) {
    let packed = Zlib.deflate(content)
    let crc = Zlib.crc32(content)
    let offset = output.count
    let nameBytes = Array(name.utf8)
    // Bit 11: the name is UTF-8.
    let flags: UInt16 = 0x0800
    // DOS time 00:00:00 and date 1980-01-01 (year 0, month 1, day 1).
    let time: UInt16 = 0
    let date: UInt16 = (1 << 5) | 1
    precondition(output.count < Int(UInt32.max) && packed.count < Int(UInt32.max), "a workbook over 4 GB")
    func common(_ bytes: inout [UInt8]) {
      ZipWriter.put16(&bytes, 20)  // version needed: 2.0 (DEFLATE)
      ZipWriter.put16(&bytes, flags)
      ZipWriter.put16(&bytes, 8)  // DEFLATE
      ZipWriter.put16(&bytes, time)
      ZipWriter.put16(&bytes, date)
      ZipWriter.put32(&bytes, crc)
      ZipWriter.put32(&bytes, UInt32(packed.count))
      ZipWriter.put32(&bytes, UInt32(content.count))
      ZipWriter.put16(&bytes, UInt16(nameBytes.count))
      ZipWriter.put16(&bytes, 0)  // extra field length
    }
    ZipWriter.put32(&output, 0x0403_4B50)
    common(&output)
    output += nameBytes
    output += packed
    ZipWriter.put32(&directory, 0x0201_4B50)
    ZipWriter.put16(&directory, 20)  // made by: MS-DOS, 2.0
    common(&directory)
    ZipWriter.put16(&directory, 0)  // comment length
    ZipWriter.put16(&directory, 0)  // disk number
    ZipWriter.put16(&directory, 0)  // internal attributes
    ZipWriter.put32(&directory, 0)  // external attributes
    ZipWriter.put32(&directory, UInt32(offset))
    directory += nameBytes
    count += 1
  }

  /// The archive's bytes.
  func finished() -> [UInt8] {
    var bytes = output
    let directoryOffset = bytes.count
    bytes += directory
    ZipWriter.put32(&bytes, 0x0605_4B50)
    ZipWriter.put16(&bytes, 0)  // this disk
    ZipWriter.put16(&bytes, 0)  // disk of the directory
    ZipWriter.put16(&bytes, UInt16(count))
    ZipWriter.put16(&bytes, UInt16(count))
    ZipWriter.put32(&bytes, UInt32(directory.count))
    ZipWriter.put32(&bytes, UInt32(directoryOffset))
    ZipWriter.put16(&bytes, 0)  // comment length
    return bytes
  }

  private static func put16(_ bytes: inout [UInt8], _ value: UInt16) {
    bytes.append(UInt8(value & 0xFF))
    bytes.append(UInt8(value >> 8))
  }

  private static func put32(_ bytes: inout [UInt8], _ value: UInt32) {
    for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8((value >> UInt32(shift)) & 0xFF)) }
  }
}
