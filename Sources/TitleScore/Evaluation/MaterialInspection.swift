import Foundation

/// What the files named in a portfolio turned out to be: which exist, and the ID photo's format and size.
///
/// Made by `MaterialInspection.inspect`, the one step of scoring that reads files; evaluation itself only reads
/// this value, so it stays pure.
public struct MaterialInspection: Hashable, Sendable {
  /// The ID photo as found on disk.
  public struct Photo: Hashable, Sendable {
    /// The path named in the portfolio.
    public var path: String
    /// The file extension, lower case.
    public var fileExtension: String
    /// The file size in bytes.
    public var bytes: Int
    /// Pixel width and height read from the JPEG header; nil when the file is not a readable JPEG.
    public var pixels: (width: Int, height: Int)?

    public static func == (lhs: Photo, rhs: Photo) -> Bool {
      lhs.path == rhs.path && lhs.fileExtension == rhs.fileExtension && lhs.bytes == rhs.bytes
        && lhs.pixels?.width == rhs.pixels?.width && lhs.pixels?.height == rhs.pixels?.height
    }

    public func hash(into hasher: inout Hasher) {
      hasher.combine(path)
      hasher.combine(bytes)
    }
  }

  /// Indices of attachments whose file does not exist.
  public var missingAttachments: [Int]
  /// The ID photo, if the portfolio names one and it exists.
  public var photo: Photo?

  /// Creates an inspection result.
  public init(missingAttachments: [Int], photo: Photo?) {
    self.missingAttachments = missingAttachments
    self.photo = photo
  }

  /// Looks at the files a portfolio names, relative to `baseDirectory`.
  public static func inspect(_ portfolio: Portfolio, baseDirectory: String) -> MaterialInspection {
    inspect(portfolio) { path in
      let fullPath = FilePath.resolve(path, in: baseDirectory)
      guard FileManager.default.fileExists(atPath: fullPath) else { return nil }
      return { (try? Data(contentsOf: URL(fileURLWithPath: fullPath))).map { [UInt8]($0) } ?? [] }
    }
  }

  /// Looks at the files handed in with a portfolio (a page's upload), by the path the portfolio names each: a
  /// path not among them is a missing file, as a file missing from the folder is.
  public static func inspect(_ portfolio: Portfolio, files: [String: [UInt8]]) -> MaterialInspection {
    inspect(portfolio) { path in files[path].map { bytes in { bytes } } }
  }

  /// The inspection, with `file` telling whether a named file exists and, if so, how to read its bytes.
  private static func inspect(
    _ portfolio: Portfolio, file: (String) -> (() -> [UInt8])?
  ) -> MaterialInspection {
    var missing: [Int] = []
    var photo: Photo?
    for (index, attachment) in portfolio.attachments.enumerated() {
      guard let read = file(attachment.path) else {
        missing.append(index)
        continue
      }
      if attachment.kind == "id-photo", photo == nil {
        let bytes = read()
        photo = Photo(
          path: attachment.path,
          fileExtension: attachment.path.split(separator: "/").last.flatMap { name in
            name.contains(".") ? name.split(separator: ".").last.map { $0.lowercased() } : nil
          } ?? "",
          bytes: bytes.count, pixels: JPEGHeader.pixelSize(of: bytes))
      }
    }
    return MaterialInspection(missingAttachments: missing, photo: photo)
  }
}
