// Runs a program on a pseudo-terminal, as its controlling terminal, so tests can drive the
// interactive shell like a person at a keyboard: send keystrokes (Ctrl-C included), wait for
// text to appear. Every wait has a deadline; closing the terminal ends the program.
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif
import Foundation

/// A child process whose standard streams are the slave side of a pseudo-terminal.
final class PseudoTerminal {
  enum Failure: Error {
    case cannotOpen(String)
  }

  private let master: Int32
  private let process = Process()
  private var received: [UInt8] = []

  /// Everything the program has written so far, with carriage returns removed.
  var transcript: String {
    String(decoding: received.filter { $0 != UInt8(ascii: "\r") }, as: UTF8.self)
  }

  /// Starts `executable` on a new pseudo-terminal with exactly `environment`.
  init(executable: URL, arguments: [String] = [], environment: [String: String]) throws {
    let (master, slavePath) = try Self.openMaster()
    self.master = master
    let descriptor = open(slavePath, O_RDWR | O_NOCTTY)
    guard descriptor >= 0 else {
      close(master)
      throw Failure.cannotOpen(slavePath)
    }
    let slave = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    // The program must have the terminal as its controlling terminal, or Ctrl-C typed on it
    // raises no SIGINT: util-linux's setsid starts it in a new session that takes the
    // terminal on its standard input as controlling terminal.
    let setsid = URL(fileURLWithPath: "/usr/bin/setsid")
    if FileManager.default.isExecutableFile(atPath: setsid.path) {
      process.executableURL = setsid
      process.arguments = ["--ctty", "--wait", executable.path] + arguments
    } else {
      process.executableURL = executable
      process.arguments = arguments
    }
    process.environment = environment
    process.standardInput = slave
    process.standardOutput = slave
    process.standardError = slave
    do {
      try process.run()
    } catch {
      close(master)
      throw error
    }
    try? slave.close()
  }

  deinit {
    if process.isRunning { process.terminate() }
    close(master)
  }

  /// Types `keys` (e.g. `"RETURN 1;\r"`, `"\u{1b}[A"` for the up arrow, `"\u{04}"` for Ctrl-D)
  /// after a short pause, as a person would after reading the prompt. libedit prints its
  /// first prompt just before it turns off the terminal's own echo; keys typed in between
  /// would be echoed twice.
  func send(_ keys: String) {
    Thread.sleep(forTimeInterval: 0.1)
    let bytes = Array(keys.utf8)
    var offset = 0
    while offset < bytes.count {
      let written = bytes[offset...].withUnsafeBytes { buffer in
        write(master, buffer.baseAddress, buffer.count)
      }
      guard written > 0 else { return }
      offset += written
    }
  }

  /// Waits until `text` occurs at least `count` times in the transcript; false on timeout.
  @discardableResult
  func waitFor(_ text: String, count: Int = 1, timeout: Duration = .seconds(10)) -> Bool {
    let deadline = ContinuousClock.now + timeout
    while occurrences(of: text) < count {
      guard ContinuousClock.now < deadline, readAvailable(waitingMilliseconds: 50) else {
        return occurrences(of: text) >= count
      }
    }
    return true
  }

  /// Waits for the program to exit, reading its last output; its status, or nil on timeout
  /// (the program is then killed).
  func waitForExit(timeout: Duration = .seconds(10)) -> Int32? {
    let deadline = ContinuousClock.now + timeout
    while process.isRunning {
      if ContinuousClock.now > deadline {
        process.terminate()
        return nil
      }
      _ = readAvailable(waitingMilliseconds: 20)
    }
    while readAvailable(waitingMilliseconds: 0) {}
    return process.terminationStatus
  }

  private func occurrences(of text: String) -> Int {
    transcript.components(separatedBy: text).count - 1
  }

  /// Reads what is ready within the wait; false once the terminal is closed, true otherwise.
  private func readAvailable(waitingMilliseconds: Int32) -> Bool {
    var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
    let ready = poll(&descriptor, 1, waitingMilliseconds)
    guard ready > 0 else { return ready == 0 }
    var buffer = [UInt8](repeating: 0, count: 4096)
    let count = read(master, &buffer, buffer.count)
    guard count > 0 else { return false }
    received += buffer[0..<count]
    return true
  }

  /// Opens the master side of a new pseudo-terminal; returns it and the slave's path.
  private static func openMaster() throws -> (Int32, String) {
    #if os(Linux)
      // posix_openpt and friends are not visible through Glibc; use the Linux interface.
      let master = open("/dev/ptmx", O_RDWR | O_NOCTTY)
      guard master >= 0 else { throw Failure.cannotOpen("/dev/ptmx") }
      var unlock: CInt = 0
      var number: CInt = 0
      let setLock: UInt = 0x4004_5431  // TIOCSPTLCK
      let getNumber: UInt = 0x8004_5430  // TIOCGPTN
      guard ioctl(master, setLock, &unlock) == 0, ioctl(master, getNumber, &number) == 0 else {
        close(master)
        throw Failure.cannotOpen("/dev/ptmx")
      }
      return (master, "/dev/pts/\(number)")
    #else
      let master = posix_openpt(O_RDWR | O_NOCTTY)
      guard master >= 0 else { throw Failure.cannotOpen("posix_openpt") }
      guard grantpt(master) == 0, unlockpt(master) == 0, let name = ptsname(master) else {
        close(master)
        throw Failure.cannotOpen("posix_openpt")
      }
      return (master, String(cString: name))
    #endif
  }
}
