// Keeping the input under test where a crash or a hang can still save it: the bytes are copied
// into a fixed buffer before each execution, and a signal handler (SIGILL, SIGTRAP, SIGSEGV,
// SIGBUS, SIGABRT, SIGFPE) or the watchdog thread writes them to `crash-<target>` with write(2)
// only, which is safe inside a handler, then exits with status 70.
import Foundation
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The input buffer and the file descriptor the crash handler writes it to.
enum CrashCapture {
  static let capacity = 1 << 20
  nonisolated(unsafe) private static let buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
  private static let length = Atomic<Int>(0)
  private static let descriptor = Atomic<Int32>(-1)
  /// Nanoseconds (monotonic) when the current execution started; 0 between executions.
  private static let started = Atomic<UInt64>(0)

  /// Opens the file a crash of `target` is saved to and installs the handlers and the watchdog,
  /// which treats an execution longer than `hangSeconds` as a hang.
  static func install(target: String, hangSeconds: Double) {
    let fd = open("crash-\(target)", O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    descriptor.store(fd, ordering: .relaxed)
    for signal in [SIGILL, SIGTRAP, SIGSEGV, SIGBUS, SIGABRT, SIGFPE] {
      Glibc.signal(signal) { _ in
        CrashCapture.save()
        _exit(70)
      }
    }
    let limit = UInt64(hangSeconds * 1e9)
    let watchdog = Thread {
      while true {
        sleep(1)
        let start = started.load(ordering: .relaxed)
        if start != 0 && now() - start > limit {
          save()
          let message = Array("quiver-fuzz: an execution ran past \(Int(hangSeconds)) s (a hang); the input is in the crash file\n".utf8)
          _ = message.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
          _exit(71)
        }
      }
    }
    watchdog.start()
  }

  /// Notes `input` as the one under test and starts the hang clock.
  static func begin(_ input: [UInt8]) {
    let n = min(input.count, capacity)
    input.withUnsafeBufferPointer { source in
      if let base = source.baseAddress { buffer.update(from: base, count: n) }
    }
    length.store(n, ordering: .relaxed)
    started.store(now(), ordering: .relaxed)
  }

  /// Stops the hang clock.
  static func end() { started.store(0, ordering: .relaxed) }

  /// Writes the input under test to the crash file (async-signal-safe).
  static func save() {
    let fd = descriptor.load(ordering: .relaxed)
    guard fd >= 0 else { return }
    _ = write(fd, buffer, length.load(ordering: .relaxed))
    _ = fsync(fd)
  }

  /// Monotonic nanoseconds.
  static func now() -> UInt64 {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
  }
}
