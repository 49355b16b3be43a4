extension Scoresheet {
  /// How many of the sheet's values are modelled rather than read from an official text: every category, item,
  /// gate, shared cap, flag and material grading whose provenance says `modelled`, and the sheet itself.
  /// Results and reports state it, with `document`, the text an office must confirm them against.
  package var modelledValueCount: Int {
    var provenances = [provenance]
    provenances += categoriesInOrder.map(\.provenance)
    provenances += itemsInOrder.map(\.item.provenance)
    provenances += gates.map(\.provenance)
    provenances += sharedCaps.map(\.provenance)
    provenances += flags.map(\.provenance)
    if let material = validity.material { provenances.append(material.provenance) }
    return provenances.filter { $0.status == .modelled }.count
  }
}
