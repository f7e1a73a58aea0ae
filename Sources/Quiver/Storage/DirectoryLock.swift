// The advisory lock that keeps a second writer out of a database directory: `flock` on the
// directory's `lock` file, which also records the holder's process id for the error message.
// The kernel drops the lock when the holding process ends, however it ends.
import GraphCore

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An exclusive lock on a database directory, held until this object is released. `flock` locks
/// belong to the open file description, so two opens in one process exclude each other too.
final class DirectoryLock: Sendable {
  private let file: DiskFile
  private let identity: String

  /// Lock files (by device and inode) that this process holds.
  private static let held = Locked<Set<String>>([])

  /// Takes the lock at once or throws `DatabaseLocked` naming the holder's pid.
  init(directory: String) throws(QuiverError) {
    let path = directory + "/lock"
    file = try DiskFile(path, flags: O_RDWR | O_CREAT)
    var info = stat()
    if fstat(file.fd, &info) != 0 { throw DiskFile.failure("stat", path) }
    let key = "\(info.st_dev):\(info.st_ino)"
    identity = key
    let ours = Self.held.withLock { $0.contains(key) }
    var waited = 0
    while ours || flock(file.fd, LOCK_EX | LOCK_NB) != 0 {
      if !ours && errno == EINTR { continue }
      guard ours || errno == EWOULDBLOCK else { throw DiskFile.failure("flock", path) }
      let holder = String(decoding: (try? file.readAll()) ?? [], as: UTF8.self).filter { !$0.isWhitespace }
      // A database this process closed a moment ago can stay locked while a child process
      // being started still shares its file descriptor; that clears within milliseconds.
      if !ours && holder == "\(getpid())" && waited < 1000 {
        usleep(1000)
        waited += 1
        continue
      }
      throw QuiverError(
        .io, .databaseLocked,
        "database directory `\(directory)` is already open for writing by process \(holder.isEmpty ? "(unknown)" : holder); open it read-only or close the other database first",
        phase: .runtime)
    }
    Self.held.withLock { _ = $0.insert(key) }
    try file.truncate(to: 0)
    try file.write(Array("\(getpid())\n".utf8), at: 0)
  }

  deinit {
    let identity = identity
    Self.held.withLock { _ = $0.remove(identity) }
  }
}
