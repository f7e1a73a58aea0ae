// Helpers shared by the server tests: scratch directories.
import Foundation

/// Fresh temporary directories for tests that write files.
enum FileManagerTemp {
  static func directory() -> String {
    let path = NSTemporaryDirectory() + "quiver-server-tests-" + UUID().uuidString
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }
}
