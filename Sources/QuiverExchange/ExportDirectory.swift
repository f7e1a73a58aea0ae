// Confinement of files that Cypher procedures write: every path is relative to one export
// directory, and a path that would leave it (absolute, with `..`, or through a symbolic link
// pointing outside) is refused before anything is written.
import Foundation
import Quiver

/// The directory export procedures write into.
package struct ExportDirectory: Sendable {
  /// The directory as given.
  package let path: String

  package init(path: String) { self.path = path }

  /// The file `relative` names inside the directory, creating the directory and any missing
  /// intermediate directories.
  /// - Throws: `QuiverError` `PathOutsideExportDirectory` for an empty or absolute path, a `..`
  ///   component, or a path whose existing part resolves (through links) outside the directory.
  package func resolve(_ relative: String) throws -> String {
    func refuse(_ why: String) -> QuiverError {
      QuiverError.runtime(
        .procedure, .pathOutsideExportDirectory, "cannot write `\(relative)`: \(why); give a path inside the export directory \(path)")
    }
    guard !relative.isEmpty, !relative.contains("\0") else { throw refuse("the path is empty") }
    guard !relative.hasPrefix("/") else { throw refuse("absolute paths are not allowed") }
    let components = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard !components.contains("..") else { throw refuse("`..` is not allowed") }
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    guard let root = Self.realPath(path) else { throw refuse("the export directory cannot be resolved") }
    var current = root
    for (index, component) in components.enumerated() where component != "." {
      let next = current + "/" + component
      let isLast = index == components.count - 1
      if let resolved = Self.realPath(next) {
        guard resolved == root || resolved.hasPrefix(root + "/") else { throw refuse("it leads outside through a link") }
        current = resolved
      } else if Self.isDanglingLink(next) {
        throw refuse("it is a link to a missing target")
      } else {
        if !isLast { try FileManager.default.createDirectory(atPath: next, withIntermediateDirectories: false) }
        current = next
      }
    }
    return current
  }

  /// The canonical path of an existing file, nil when it does not exist.
  private static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }

  private static func isDanglingLink(_ path: String) -> Bool {
    (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil
  }
}
