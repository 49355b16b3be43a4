internal import CZlib

/// Raw DEFLATE streams and CRC-32, as ZIP archives (and so XLSX workbooks) hold them, by the system zlib.
///
/// The one boundary to zlib's C interface. Safety: every call gets a pointer to a buffer that lives for the whole
/// call (`withUnsafe…` closures), with the count of bytes zlib may read or write there; zlib reads and writes only
/// within the counts it is given (`avail_in`, `avail_out`), and the stream is ended on every path out.
enum Zlib {
  /// Why a stream could not be inflated.
  enum Failure: Error, Equatable {
    /// The stream is not valid DEFLATE, or ends before its last block.
    case corrupt
    /// The stream inflates to more bytes than the archive says (or than `limit`).
    case tooLarge
  }

  /// The CRC-32 of bytes (the ZIP checksum).
  static func crc32(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
    guard let base = bytes.baseAddress else { return 0 }
    var crc: UInt = 0
    var offset = 0
    // zlib takes a 32-bit length: long buffers go in parts.
    while offset < bytes.count {
      let part = min(bytes.count - offset, 1 << 30)
      crc = CZlib.crc32(crc, base.advanced(by: offset).assumingMemoryBound(to: Bytef.self), uInt(part))
      offset += part
    }
    return UInt32(truncatingIfNeeded: crc)
  }

  /// The CRC-32 of bytes.
  static func crc32(_ bytes: [UInt8]) -> UInt32 { bytes.withUnsafeBytes { crc32($0) } }

  /// Inflates a raw DEFLATE stream (no zlib or gzip header) that should give `expectedSize` bytes; more than that is
  /// `tooLarge`, so an archive cannot make the reader allocate what it did not declare.
  static func inflate(_ compressed: UnsafeRawBufferPointer, expectedSize: Int) throws(Failure) -> [UInt8] {
    guard expectedSize >= 0, compressed.count < Int(UInt32.max) else { throw .tooLarge }
    var stream = z_stream()
    guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw .corrupt
    }
    defer { inflateEnd(&stream) }
    // One byte more than expected: a stream that fills it is longer than declared.
    var output = [UInt8](repeating: 0, count: expectedSize + 1)
    let status: Int32 = output.withUnsafeMutableBytes { out in
      stream.next_in = UnsafeMutablePointer(mutating: compressed.baseAddress?.assumingMemoryBound(to: Bytef.self))
      stream.avail_in = uInt(compressed.count)
      stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
      stream.avail_out = uInt(out.count)
      return CZlib.inflate(&stream, Z_FINISH)
    }
    guard status == Z_STREAM_END else { throw stream.avail_out == 0 ? .tooLarge : .corrupt }
    guard Int(stream.total_out) == expectedSize else {
      throw Int(stream.total_out) > expectedSize ? .tooLarge : .corrupt
    }
    output.removeLast()
    return output
  }

  /// Deflates bytes into a raw DEFLATE stream (no header), at zlib's default level.
  static func deflate(_ bytes: [UInt8]) -> [UInt8] {
    var stream = z_stream()
    guard
      deflateInit2_(
        &stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
        Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { preconditionFailure("zlib refused its own default parameters") }
    defer { deflateEnd(&stream) }
    var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(bytes.count))) + 16)
    let status: Int32 = bytes.withUnsafeBytes { input in
      output.withUnsafeMutableBytes { out in
        stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.avail_in = uInt(input.count)
        stream.next_out = out.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.avail_out = uInt(out.count)
        return CZlib.deflate(&stream, Z_FINISH)
      }
    }
    // `deflateBound` is enough room for the whole stream in one call.
    precondition(status == Z_STREAM_END, "zlib's deflate did not finish within deflateBound")
    output.removeLast(output.count - Int(stream.total_out))
    return output
  }
}
