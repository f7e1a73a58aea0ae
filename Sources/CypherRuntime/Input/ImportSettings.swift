// Where LOAD CSV may read: file URLs resolve inside one import directory (see ConfinedDirectory),
// and other schemes (http, https, ftp, …) are refused. The embedding application (Quiver's
// `DatabaseOptions.importDirectory`, the shell's `--import-dir`) sets the directory.
import Foundation
import GraphCore

/// The file access a statement's LOAD CSV has.
package struct ImportSettings: Sendable {
  /// The directory `file:///name` resolves in; nil: LOAD CSV can read nothing.
  package var directory: String?

  package init(directory: String? = nil) {
    self.directory = directory
  }

  /// The canonical path of the file `url` names inside the import directory: `file:///a/b.csv`
  /// (or `file:/a/b.csv`, `file://localhost/a/b.csv`) and a bare relative `a/b.csv` are the file
  /// `a/b.csv` there, percent-escapes decoded first.
  /// - Throws: `RemoteURLNotAllowed` for any other scheme; `PathOutsideImportDirectory` for a bare
  ///   absolute path, `..` (also escaped as `%2e%2e`) or a link leading out; `FileNotReadable`
  ///   when there is no import directory or the file does not exist.
  package func resolve(_ url: String) throws -> String {
    var rest = Substring(url)
    if let colon = url.firstIndex(of: ":"), Self.isScheme(url[..<colon]) {
      let scheme = url[..<colon].lowercased()
      guard scheme == "file" else {
        throw QuiverError.runtime(
          .io, .remoteURLNotAllowed,
          "cannot load `\(url)`: LOAD CSV reads only file: URLs inside the import directory; \(scheme): URLs are not allowed")
      }
      rest = url[url.index(after: colon)...]
      if rest.hasPrefix("//") {
        rest = rest.dropFirst(2)
        // An authority: only the local host.
        let host = rest.prefix { $0 != "/" }
        guard host.isEmpty || host.lowercased() == "localhost" else {
          throw QuiverError.runtime(
            .io, .remoteURLNotAllowed, "cannot load `\(url)`: file URLs on another host (\(host)) are not allowed")
        }
        rest = rest.dropFirst(host.count)
      }
      // In a file URL the path is relative to the import directory.
      rest = rest.drop { $0 == "/" }
    }
    guard let path = String(rest).removingPercentEncoding else {
      throw outside(url, "it has an invalid percent-escape")
    }
    guard let directory else {
      throw QuiverError.runtime(
        .io, .fileNotReadable, "cannot load `\(url)`: there is no import directory; set one (--import-dir) to use LOAD CSV")
    }
    let resolved: String
    do {
      resolved = try ConfinedDirectory(path: directory).resolve(path, creating: false)
    } catch let refusal as ConfinementRefusal {
      throw outside(url, refusal.reason)
    }
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: resolved, isDirectory: &isDirectory), !isDirectory.boolValue else {
      throw QuiverError.runtime(.io, .fileNotReadable, "cannot load `\(url)`: there is no file \(path) in the import directory")
    }
    return resolved
  }

  private func outside(_ url: String, _ why: String) -> QuiverError {
    QuiverError.runtime(
      .io, .pathOutsideImportDirectory,
      "cannot load `\(url)`: \(why); LOAD CSV reads only files inside the import directory\(directory.map { " \($0)" } ?? "")")
  }

  /// A URL scheme: a letter, then letters, digits, `+`, `-` or `.` (two characters at least, so
  /// that a Windows drive letter is not one).
  private static func isScheme(_ s: Substring) -> Bool {
    guard s.count >= 2, let first = s.first, first.isASCII, first.isLetter else { return false }
    return s.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
  }
}
