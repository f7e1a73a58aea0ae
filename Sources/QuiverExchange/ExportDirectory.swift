// Confinement of files that Cypher procedures write: every path is relative to one export
// directory, and a path that would leave it is refused before anything is written. The checks
// are the runtime's `ConfinedDirectory`, which LOAD CSV's import directory shares.
import CypherRuntime
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
    do {
      return try ConfinedDirectory(path: path).resolve(relative, creating: true)
    } catch let refusal as ConfinementRefusal {
      throw QuiverError.runtime(
        .procedure, .pathOutsideExportDirectory,
        "cannot write `\(relative)`: \(refusal.reason); give a path inside the export directory \(path)")
    }
  }
}
