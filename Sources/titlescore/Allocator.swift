#if canImport(Glibc)
  import Glibc
#endif

/// Allocator settings for the commands that score many applicants.
enum Allocator {
  /// Keeps memory a batch frees for reuse instead of handing it back to the system at once.
  ///
  /// glibc hands the free top of each thread's heap back with `madvise` as soon as it passes 128 KB. A batch frees
  /// and allocates a chunk's lists over and over, so a 1,000,000-record run made some three thousand such calls
  /// (0.2–0.4 s of system time in `strace`) and then faulted the same pages back in. Peak memory stays as it was:
  /// freed memory is reused rather than added to.
  static func keepFreedMemoryForReuse() {
    #if canImport(Glibc)
      // `mallopt` is declared in <malloc.h>, which the Glibc module leaves out; it is looked up by name instead.
      typealias MalloptFunction = @convention(c) (Int32, Int32) -> Int32
      let trimThreshold: Int32 = -1  // M_TRIM_THRESHOLD
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "mallopt") else { return }
      _ = unsafeBitCast(symbol, to: MalloptFunction.self)(trimThreshold, 128 << 20)
    #endif
  }
}
