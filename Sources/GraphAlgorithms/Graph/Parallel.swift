// Splitting an index range over the machine's cores for the algorithms whose outer loop is
// independent per node or per source (PageRank sweeps, Brandes sources, closeness BFS runs).
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// Runs work over contiguous slices of a range on all cores.
package enum Parallel {
  /// Number of slices to cut work into: the active processor count.
  package static var width: Int { max(1, ProcessInfoLite.activeProcessorCount) }

  /// Calls `body(slice, range)` for `slices` contiguous ranges that cover `0..<count`, in parallel
  /// when `count` is at least `minimum`; otherwise in one call on the current thread. Returns the
  /// results in slice order.
  package static func map<T>(
    _ count: Int, minimum: Int = 1024, _ body: (Int, Range<Int>) -> T
  ) -> [T] {
    let slices = count >= minimum ? min(width, max(1, count)) : 1
    if slices == 1 { return [body(0, 0..<count)] }
    let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: slices)
    results.initialize(repeating: nil)
    defer { results.deallocate() }
    withoutActuallyEscaping(body) { work in
      nonisolated(unsafe) let work = work
      nonisolated(unsafe) let out = results
      DispatchQueue.concurrentPerform(iterations: slices) { s in
        let lo = count * s / slices
        let hi = count * (s + 1) / slices
        out[s] = work(s, lo..<hi)
      }
    }
    return results.compactMap { $0 }
  }
}

/// The processor count without importing Foundation into the algorithms target.
enum ProcessInfoLite {
  static var activeProcessorCount: Int {
    #if os(Linux)
      let n = Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))
      return n > 0 ? n : 1
    #else
      return 2
    #endif
  }
}
