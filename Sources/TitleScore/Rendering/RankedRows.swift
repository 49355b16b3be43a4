/// A run of report rows in rank order, copied out of the results before they are rendered.
///
/// The results are in reading order and a ranked report visits them in rank order, so rendering straight from them
/// makes nearly every cell a cache miss, each waiting on the work before it. Gathering a block's rows first (a
/// tight loop whose loads do not wait on one another) and rendering from the copy keeps rendering in cache.
struct RankedRows {
  /// Numbers per row, as in `BatchResults.numbers`.
  let stride: Int
  private(set) var ranks: [Int32] = []
  /// How many rows are held.
  var count: Int { ranks.count }
  /// Each row but for its numbers.
  private(set) var filed: [FiledRow] = []
  private(set) var numbers: [Int32] = []

  /// Gathers the rows at some rank positions, in the order given.
  init(_ results: BatchResults, positions: some Collection<Int>) {
    stride = results.stride
    let count = positions.count
    ranks.reserveCapacity(count)
    filed.reserveCapacity(count)
    numbers.reserveCapacity(count * stride)
    // The numbers through a pointer: a slice of the column would count a reference to its storage, which every
    // rendering thread shares, on every row.
    results.numbers.withUnsafeBufferPointer { allNumbers in
      for position in positions {
        let index = Int(results.order[position])
        ranks.append(Int32(results.rank(index)))
        filed.append(results.rows[index])
        numbers.append(contentsOf: UnsafeBufferPointer(rebasing: allNumbers[(index * stride)..<((index + 1) * stride)]))
      }
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
