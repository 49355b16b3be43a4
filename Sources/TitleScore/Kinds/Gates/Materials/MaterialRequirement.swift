/// Material checks from the notices: the ID photo and the attachments named in the portfolio.
package struct MaterialRequirement: Hashable, Sendable {
  /// The ID photo rule, if any.
  package var idPhoto: PhotoRequirement?
  /// Whether every attachment named in the portfolio must exist.
  package var attachmentsMustExist: Bool

  /// Creates the requirement.
  package init(idPhoto: PhotoRequirement?, attachmentsMustExist: Bool) {
    self.idPhoto = idPhoto
    self.attachmentsMustExist = attachmentsMustExist
  }
}

extension MaterialRequirement {
  /// Problems with the materials; empty when they pass or were not inspected. A portfolio without an ID photo is
  /// not a problem: the platform then uses the identity-card photo (临平 附件2 二.1).
  func problems(in portfolio: Portfolio, inspection: MaterialInspection?) -> [GateFinding] {
    guard let inspection else { return [] }
    var findings: [GateFinding] = []
    if attachmentsMustExist {
      for index in inspection.missingAttachments {
        let path = portfolio.attachments[index].path
        findings.append(.attachmentMissing(path: path))
      }
    }
    if let rule = idPhoto, let photo = inspection.photo {
      if !rule.extensions.contains(photo.fileExtension) {
        findings.append(.photoFormat)
      }
      if photo.bytes <= rule.minBytesExclusive || photo.bytes >= rule.maxBytesExclusive {
        findings.append(.photoBytes(bytes: photo.bytes, over: rule.minBytesExclusive, under: rule.maxBytesExclusive))
      }
      if let pixels = photo.pixels {
        if pixels.width < rule.minWidth || pixels.height < rule.minHeight {
          findings.append(
            .photoPixels(width: pixels.width, height: pixels.height, minWidth: rule.minWidth, minHeight: rule.minHeight)
          )
        }
        // Compare width/height with the bounds exactly: width × scale against bound × height.
        let ratio = Int64(pixels.width) * Points.scale
        if ratio < rule.minAspect.units * Int64(pixels.height) || ratio > rule.maxAspect.units * Int64(pixels.height) {
          findings.append(.photoAspect(min: rule.minAspect, max: rule.maxAspect))
        }
      } else {
        findings.append(.photoUnreadable)
      }
    }
    return findings
  }
}
