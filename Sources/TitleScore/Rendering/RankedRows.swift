/// A run of report rows in rank order, copied out of the result columns before they are rendered.
///
/// The columns are in reading order and a ranked report visits them in rank order, so rendering straight from the
/// columns makes nearly every cell a cache miss, each waiting on the work before it. Gathering a block's rows first
/// (a tight loop whose loads do not wait on one another) and rendering from the copy keeps rendering in cache.
struct RankedRows {
  /// The rank positions held, in order.
  let positions: Range<Int>
  /// Numbers per row, as in `BatchResults.numbers`.
  let stride: Int
  private(set) var ranks: [Int32] = []
  private(set) var ids: [String] = []
  private(set) var names: [String] = []
  private(set) var employerIndex: [Int32] = []
  private(set) var idNumbers: [String] = []
  private(set) var phones: [String] = []
  private(set) var verdicts: [UInt8] = []
  private(set) var failedGateBits: [UInt64] = []
  private(set) var flagBits: [UInt64] = []
  private(set) var reasonCodes: [UInt32] = []
  private(set) var fileIndex: [Int32] = []
  private(set) var lines: [Int32] = []
  private(set) var numbers: [Int32] = []

  /// Gathers the rows at a range of rank positions.
  init(_ results: BatchResults, positions: Range<Int>) {
    self.positions = positions
    stride = results.stride
    let count = positions.count
    ranks.reserveCapacity(count)
    ids.reserveCapacity(count)
    names.reserveCapacity(count)
    employerIndex.reserveCapacity(count)
    idNumbers.reserveCapacity(count)
    phones.reserveCapacity(count)
    verdicts.reserveCapacity(count)
    failedGateBits.reserveCapacity(count)
    flagBits.reserveCapacity(count)
    reasonCodes.reserveCapacity(count)
    fileIndex.reserveCapacity(count)
    lines.reserveCapacity(count)
    numbers.reserveCapacity(count * stride)
    for position in positions {
      let index = Int(results.order[position])
      ranks.append(Int32(results.rank(index)))
      ids.append(results.ids[index])
      names.append(results.names[index])
      employerIndex.append(results.employerIndex[index])
      idNumbers.append(results.idNumbers[index])
      phones.append(results.phones[index])
      verdicts.append(results.verdicts[index])
      failedGateBits.append(results.failedGateBits[index])
      flagBits.append(results.flagBits[index])
      reasonCodes.append(results.reasonCodes[index])
      fileIndex.append(results.fileIndex[index])
      lines.append(results.lines[index])
      numbers.append(contentsOf: results.numbers[(index * stride)..<((index + 1) * stride)])
    }
  }

  /// A row's total (rows count from 0 within the run).
  func total(_ row: Int) -> PointsInterval { RowNumbers.total(numbers, row: row, stride: stride) }

  /// A row's subtotal of a first-level category, by the category's position.
  func subtotal(_ row: Int, category: Int) -> PointsInterval {
    RowNumbers.subtotal(numbers, row: row, stride: stride, category: category)
  }

  /// A row's claimed total, if the portfolio claims one.
  func claimed(_ row: Int) -> Points? { RowNumbers.claimed(numbers, row: row, stride: stride) }
}
