// A child process started with posix_spawn whose standard output and error are pipes the parent
// polls; stdin is /dev/null. Used to run workers so that an engine crash or hang only costs the
// case it happened on.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How a child process ended.
enum ChildExit: Sendable, Hashable, CustomStringConvertible {
  case exited(Int32)
  case signaled(Int32)

  /// Decodes a `waitpid` status word.
  init(waitStatus status: Int32) {
    let signal = status & 0x7f
    self = signal == 0 ? .exited((status >> 8) & 0xff) : .signaled(signal)
  }

  var description: String {
    switch self {
    case .exited(let code): return "exit status \(code)"
    case .signaled(let signal):
      let names: [Int32: String] = [
        SIGILL: "SIGILL", SIGTRAP: "SIGTRAP", SIGABRT: "SIGABRT", SIGBUS: "SIGBUS", SIGFPE: "SIGFPE",
        SIGKILL: "SIGKILL", SIGSEGV: "SIGSEGV", SIGTERM: "SIGTERM", SIGPIPE: "SIGPIPE",
      ]
      return "signal \(signal)" + (names[signal].map { " (\($0))" } ?? "")
    }
  }
}

/// Why a child could not be started.
struct SpawnError: Error, CustomStringConvertible {
  var message: String
  var description: String { message }
}

/// A running child with pipes on its standard output and standard error.
final class ChildProcess {
  let pid: pid_t
  /// Read ends of the child's stdout and stderr pipes; -1 once closed.
  var outputFD: Int32
  var errorFD: Int32

  private init(pid: pid_t, outputFD: Int32, errorFD: Int32) {
    self.pid = pid
    self.outputFD = outputFD
    self.errorFD = errorFD
  }

  /// Starts `arguments[0]` (a path) with `arguments` and `environment` (`NAME=value` entries).
  static func spawn(_ arguments: [String], environment: [String]) throws(SpawnError) -> ChildProcess {
    guard let program = arguments.first else { throw SpawnError(message: "no program to run") }
    var out: [Int32] = [-1, -1]
    var err: [Int32] = [-1, -1]
    guard pipe(&out) == 0 else { throw SpawnError(message: "pipe failed: errno \(errno)") }
    guard pipe(&err) == 0 else {
      close(out[0]); close(out[1])
      throw SpawnError(message: "pipe failed: errno \(errno)")
    }
    for fd in out + err { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    #if canImport(Darwin)
      var actions: posix_spawn_file_actions_t? = nil
    #else
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
    posix_spawn_file_actions_adddup2(&actions, out[1], 1)
    posix_spawn_file_actions_adddup2(&actions, err[1], 2)
    let argv = arguments.map { strdup($0) } + [nil]
    let envp = environment.map { strdup($0) } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var pid: pid_t = 0
    let rc = posix_spawn(&pid, program, &actions, nil, argv, envp)
    close(out[1])
    close(err[1])
    guard rc == 0 else {
      close(out[0]); close(err[0])
      throw SpawnError(message: "cannot start \(program): error \(rc)")
    }
    return ChildProcess(pid: pid, outputFD: out[0], errorFD: err[0])
  }

  /// Reads what is available on `fd` (after poll said so); nil at end of file or on error.
  static func readChunk(_ fd: Int32) -> [UInt8]? {
    var buffer = [UInt8](repeating: 0, count: 65536)
    let n = buffer.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
    guard n > 0 else { return nil }
    return Array(buffer[0..<n])
  }

  /// Closes the stdout pipe.
  func closeOutput() {
    if outputFD >= 0 { close(outputFD) }
    outputFD = -1
  }

  /// Closes the stderr pipe.
  func closeError() {
    if errorFD >= 0 { close(errorFD) }
    errorFD = -1
  }

  /// How the child ended, or nil while it still runs.
  func pollExit() -> ChildExit? {
    var status: Int32 = 0
    let r = waitpid(pid, &status, WNOHANG)
    return r == pid ? ChildExit(waitStatus: status) : nil
  }

  /// Kills the child, waits for it and closes its pipes.
  func terminate() {
    _ = kill(pid, SIGKILL)
    var status: Int32 = 0
    _ = waitpid(pid, &status, 0)
    closeOutput()
    closeError()
  }
}
