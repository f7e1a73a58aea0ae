// A value behind a pthread mutex: Quiver's one lock type for state shared between threads.
// It has the shape of the standard library's `Synchronization.Mutex` (`withLock`, a noncopyable
// value) but locks through pthreads, which ThreadSanitizer intercepts: on Linux, `Mutex` locks
// with atomics and futex calls inside the uninstrumented standard library, so ThreadSanitizer
// sees no ordering between two critical sections and reports every access inside them as a race.
// With this type the sanitizer checks what matters, that shared state is touched only under its
// lock.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// A value that threads read and change only while holding its lock.
package struct Locked<Value: ~Copyable>: ~Copyable {
  private let mutex: UnsafeMutablePointer<pthread_mutex_t>
  private let value: UnsafeMutablePointer<Value>

  /// A lock guarding `initialValue`.
  package init(_ initialValue: consuming sending Value) {
    mutex = .allocate(capacity: 1)
    pthread_mutex_init(mutex, nil)
    value = .allocate(capacity: 1)
    value.initialize(to: initialValue)
  }

  deinit {
    value.deinitialize(count: 1)
    value.deallocate()
    pthread_mutex_destroy(mutex)
    mutex.deallocate()
  }

  /// Runs `body` with the value while holding the lock (not reentrant: `body` must not take this
  /// lock again).
  package borrowing func withLock<Result: ~Copyable, E: Error>(
    _ body: (inout sending Value) throws(E) -> sending Result
  ) throws(E) -> sending Result {
    pthread_mutex_lock(mutex)
    defer { pthread_mutex_unlock(mutex) }
    return try body(&value.pointee)
  }
}

extension Locked: @unchecked Sendable where Value: ~Copyable {}
