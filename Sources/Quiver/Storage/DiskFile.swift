// Thin checked wrappers over the POSIX file calls a durable database needs: whole writes,
// reads, fsync of files and directories, truncation and atomic replacement. Every failure
// becomes a QuiverError of category IOError that names the file and the failing call.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// An open file descriptor with the operations of the log and snapshot writers.
final class DiskFile: Sendable {
  let path: String
  let fd: Int32

  /// Opens `path` with `flags` (O_CREAT files get mode 0644).
  init(_ path: String, flags: Int32) throws(QuiverError) {
    self.path = path
    fd = open(path, flags | O_CLOEXEC, 0o644)
    if fd < 0 { throw Self.failure("open", path) }
  }

  deinit { close(fd) }

  /// An IOError for the failed call `call` on `path`, with the system's reason.
  static func failure(_ call: String, _ path: String) -> QuiverError {
    let reason = String(cString: strerror(errno))
    return QuiverError(.io, .fileError, "\(call) `\(path)` failed: \(reason)", phase: .runtime)
  }

  /// Writes all of `bytes` at `offset`.
  func write(_ bytes: [UInt8], at offset: Int) throws(QuiverError) {
    var done = 0
    while done < bytes.count {
      let n = bytes.withUnsafeBytes { buffer -> Int in
        guard let base = buffer.baseAddress else { return 0 }
        return pwrite(fd, base + done, buffer.count - done, off_t(offset + done))
      }
      if n < 0 {
        if errno == EINTR { continue }
        throw Self.failure("write", path)
      }
      done += n
    }
  }

  /// The whole contents of the file.
  func readAll() throws(QuiverError) -> [UInt8] {
    var info = stat()
    if fstat(fd, &info) != 0 { throw Self.failure("stat", path) }
    let size = Int(info.st_size)
    // Read straight into the array's storage, which is not zeroed first.
    var failed = false
    let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
      var done = 0
      while done < size, let base = buffer.baseAddress {
        let n = pread(fd, base + done, size - done, off_t(done))
        if n < 0 {
          if errno == EINTR { continue }
          failed = true
          break
        }
        if n == 0 { break }
        done += n
      }
      initialized = done
    }
    if failed { throw Self.failure("read", path) }
    return bytes
  }

  func sync() throws(QuiverError) {
    if fsync(fd) != 0 { throw Self.failure("fsync", path) }
  }

  func truncate(to size: Int) throws(QuiverError) {
    if ftruncate(fd, off_t(size)) != 0 { throw Self.failure("truncate", path) }
  }
}

/// Directory-level file operations.
enum DiskDirectory {
  /// Makes `path` a directory if it is not one yet.
  static func create(_ path: String) throws(QuiverError) {
    if mkdir(path, 0o755) != 0 && errno != EEXIST { throw DiskFile.failure("mkdir", path) }
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
      throw QuiverError(.io, .notADirectory, "`\(path)` is not a directory", phase: .runtime)
    }
  }

  static func exists(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0
  }

  /// Flushes the directory entry changes (creations, renames) of `path` to disk.
  static func sync(_ path: String) throws(QuiverError) {
    let dir = try DiskFile(path, flags: O_RDONLY | O_DIRECTORY)
    try dir.sync()
  }

  /// Atomically replaces `target` with a file holding what `write` writes: a temporary file is
  /// written and fsynced, renamed over `target`, and the directory is fsynced.
  static func replace(_ target: String, in directory: String, write: (DiskFile) throws -> Void) throws {
    try writeTemporary(for: target, write: write)
    try install(temporaryFor: target)
    try sync(directory)
  }

  /// Writes `target.tmp` with what `write` writes and fsyncs it: the first step of `replace`.
  static func writeTemporary(for target: String, write: (DiskFile) throws -> Void) throws {
    let file = try DiskFile(target + ".tmp", flags: O_WRONLY | O_CREAT | O_TRUNC)
    try write(file)
    try file.sync()
  }

  /// Renames `target.tmp` over `target`, atomically: the second step of `replace`, after which
  /// only the directory's fsync is left. When it throws, `target` is unchanged.
  static func install(temporaryFor target: String) throws(QuiverError) {
    if rename(target + ".tmp", target) != 0 { throw DiskFile.failure("rename", target + ".tmp") }
  }

  static func remove(_ path: String) { unlink(path) }
}
