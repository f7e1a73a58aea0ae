// The advisory lock that keeps a second writer out of a database directory: `flock` on the
// directory's `lock` file, which also records the holder's process id for the error message.
// The kernel drops the lock when the holding process ends, however it ends.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a database directory, held until this object is released. `flock` locks
/// belong to the open file description, so two opens in one process exclude each other too.
final class DirectoryLock: Sendable {
  private let file: DiskFile

  /// Takes the lock at once or throws `DatabaseLocked` naming the holder's pid.
  init(directory: String) throws(QuiverError) {
    let path = directory + "/lock"
    file = try DiskFile(path, flags: O_RDWR | O_CREAT)
    while flock(file.fd, LOCK_EX | LOCK_NB) != 0 {
      if errno == EINTR { continue }
      if errno == EWOULDBLOCK {
        let holder = String(decoding: (try? file.readAll()) ?? [], as: UTF8.self).trimmingWhitespace
        throw QuiverError(
          .io, "DatabaseLocked",
          "database directory `\(directory)` is already open for writing by process \(holder.isEmpty ? "(unknown)" : holder); open it read-only or close the other database first",
          phase: .runtime)
      }
      throw DiskFile.failure("flock", path)
    }
    try file.truncate(to: 0)
    try file.write(Array("\(getpid())\n".utf8), at: 0)
  }
}

extension String {
  fileprivate var trimmingWhitespace: String {
    String(self.filter { !$0.isWhitespace })
  }
}
