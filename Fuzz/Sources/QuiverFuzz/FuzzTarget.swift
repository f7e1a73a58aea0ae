// What a fuzz target is: where its seeds come from, the words its mutations insert, and one
// execution on an input, which returns a finding (a broken invariant, an unexpected answer) or
// nil. A crash or a hang is caught outside the target (CrashCapture.swift).
import Foundation

/// One thing `quiver-fuzz` feeds mutated input to.
protocol FuzzTarget: AnyObject {
  /// The seed inputs: the checked-in corpus and whatever the target generates.
  func seeds(corpus: String) throws -> [[UInt8]]
  /// Words worth inserting (keywords, structure markers).
  var dictionary: [[UInt8]] { get }
  /// Inputs are cut to this length.
  var maxLength: Int { get }
  /// Runs `input`; a description of what went wrong when something other than a clean error or
  /// a result came out, else nil.
  func run(_ input: [UInt8]) -> String?
}

/// The files of the corpus directory `directory`, each one seed.
func corpusFiles(_ directory: String) -> [[UInt8]] {
  let files = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
  return files.sorted().compactMap { FileManager.default.contents(atPath: directory + "/" + $0).map { [UInt8]($0) } }
}

/// A scratch directory under the system's temporary directory, removed on deinit.
final class ScratchDirectory {
  let path: String

  init() throws {
    path = NSTemporaryDirectory() + "quiver-fuzz-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }
}
