// Unbuffered writes to standard output for worker records, so that each record reaches the
// parent as soon as its case finishes, whatever buffering the engine's own output uses.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Direct writes to file descriptor 1.
enum StandardOutput {
  /// Writes all of `text`, retrying after partial writes and interrupts.
  static func write(_ text: String) {
    let bytes = Array(text.utf8)
    var offset = 0
    while offset < bytes.count {
      let n = bytes[offset...].withUnsafeBytes { buffer in
        unistd_write(1, buffer.baseAddress, buffer.count)
      }
      if n > 0 {
        offset += n
      } else if n < 0 && errno == EINTR {
        continue
      } else {
        return
      }
    }
  }
}

/// The POSIX `write`, named apart from `StandardOutput.write`.
private func unistd_write(_ fd: Int32, _ buffer: UnsafeRawPointer?, _ count: Int) -> Int {
  write(fd, buffer, count)
}
