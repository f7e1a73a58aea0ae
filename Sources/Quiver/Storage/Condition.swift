// A mutex with a condition variable, for commits that wait until a group fsync has made their
// log record durable and for writers waiting (with a deadline) for the writer slot. Built on
// pthreads so that the Quiver module needs no Foundation.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A pthread mutex and condition variable; `wait` must be called with the lock held.
final class Condition: @unchecked Sendable {
  private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
  private let cond = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

  init() {
    pthread_mutex_init(mutex, nil)
    #if canImport(Glibc)
      // Timed waits measure on the monotonic clock, so that setting the wall clock does not
      // stretch or cut them.
      var attributes = pthread_condattr_t()
      pthread_condattr_init(&attributes)
      pthread_condattr_setclock(&attributes, CLOCK_MONOTONIC)
      pthread_cond_init(cond, &attributes)
      pthread_condattr_destroy(&attributes)
    #else
      pthread_cond_init(cond, nil)
    #endif
  }

  deinit {
    pthread_cond_destroy(cond)
    pthread_mutex_destroy(mutex)
    cond.deallocate()
    mutex.deallocate()
  }

  func lock() { pthread_mutex_lock(mutex) }
  func unlock() { pthread_mutex_unlock(mutex) }
  func wait() { pthread_cond_wait(cond, mutex) }
  func broadcast() { pthread_cond_broadcast(cond) }

  /// Waits until woken or until `timeout` has passed (returns at once for a timeout of zero or
  /// less); like `wait`, with the lock held, and callers check their condition again after.
  func wait(for timeout: Duration) {
    let (seconds, attoseconds) = timeout.components
    guard seconds > 0 || (seconds == 0 && attoseconds > 0) else { return }
    let nanoseconds = Int(attoseconds / 1_000_000_000)
    #if canImport(Glibc)
      var now = timespec()
      clock_gettime(CLOCK_MONOTONIC, &now)
      let total = Int(now.tv_nsec) + nanoseconds
      var deadline = timespec(tv_sec: now.tv_sec + Int(seconds) + total / 1_000_000_000, tv_nsec: total % 1_000_000_000)
      pthread_cond_timedwait(cond, mutex, &deadline)
    #else
      var relative = timespec(tv_sec: Int(seconds), tv_nsec: nanoseconds)
      pthread_cond_timedwait_relative_np(cond, mutex, &relative)
    #endif
  }

  /// Runs `body` with the lock held.
  func locked<T>(_ body: () throws -> T) rethrows -> T {
    lock()
    defer { unlock() }
    return try body()
  }
}
