// Confinement of the files Cypher reads and writes to one directory: LOAD CSV reads inside the
// import directory, the export procedures (QuiverExchange) write inside the export directory.
// A path that would leave it (absolute, with `..`, or through a symbolic link pointing outside)
// is refused before anything is read or written.
import Foundation

/// Why a path was refused; the caller turns it into its own typed error.
package struct ConfinementRefusal: Error, Sendable {
  /// Lowercase, concrete: "`..` is not allowed".
  package let reason: String
}

/// A directory whose files may be named by relative paths, and nothing outside it.
package struct ConfinedDirectory: Sendable {
  /// The directory as given.
  package let path: String

  package init(path: String) { self.path = path }

  /// The canonical path of the file `relative` names inside the directory. With `creating`, the
  /// directory and any missing intermediate directories are created (for a file about to be
  /// written); without, the file must exist.
  /// - Throws: `ConfinementRefusal` for an empty or absolute path, a `..` component, or a path
  ///   whose existing part resolves (through links) outside the directory; Foundation's error
  ///   when a directory cannot be created.
  package func resolve(_ relative: String, creating: Bool) throws -> String {
    guard !relative.isEmpty, !relative.contains("\0") else { throw ConfinementRefusal(reason: "the path is empty") }
    guard !relative.hasPrefix("/") else { throw ConfinementRefusal(reason: "absolute paths are not allowed") }
    let components = relative.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
    guard !components.contains("..") else { throw ConfinementRefusal(reason: "`..` is not allowed") }
    if creating { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) }
    guard let root = Self.realPath(path) else {
      throw ConfinementRefusal(reason: "the directory \(path) does not exist")
    }
    var current = root
    for (index, component) in components.enumerated() where component != "." {
      let next = current + "/" + component
      let isLast = index == components.count - 1
      if let resolved = Self.realPath(next) {
        guard resolved == root || resolved.hasPrefix(root + "/") else {
          throw ConfinementRefusal(reason: "it leads outside through a link")
        }
        current = resolved
      } else if Self.isDanglingLink(next) {
        throw ConfinementRefusal(reason: "it is a link to a missing target")
      } else {
        if !isLast && creating { try FileManager.default.createDirectory(atPath: next, withIntermediateDirectories: false) }
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
