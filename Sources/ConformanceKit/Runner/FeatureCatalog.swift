// Finds the `.feature` files under the directory given to the runner (recursively, sorted by
// path) and expands each into its test cases; a file that cannot be parsed is kept with its
// parse error so that the run can report it instead of stopping.
import Foundation

/// One feature file and its test cases (or why it could not be read).
struct FeatureFile: Sendable {
  /// Path relative to the features directory, with `/` separators; the prefix of case ids.
  var relativePath: String
  var absolutePath: String
  var cases: [TestCase]
  var parseError: String?
}

/// Discovery and parsing of feature files.
enum FeatureCatalog {
  /// The feature files under `root` (a directory, or a single `.feature` file), sorted by
  /// relative path. Throws `RunnerError.usage` when `root` does not exist.
  static func load(root: String) throws(RunnerError) -> (base: String, files: [FeatureFile]) {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory) else {
      throw RunnerError.usage("no such file or directory: \(root)")
    }
    let rootURL = URL(fileURLWithPath: root).standardizedFileURL
    guard isDirectory.boolValue else {
      let base = rootURL.deletingLastPathComponent().path
      return (base, [read(path: rootURL.path, relative: rootURL.lastPathComponent)])
    }
    var relatives: [String] = []
    if let walker = FileManager.default.enumerator(atPath: rootURL.path) {
      while let next = walker.nextObject() as? String {
        if next.hasSuffix(".feature") { relatives.append(next) }
      }
    }
    let files = relatives.sorted().map { read(path: rootURL.path + "/" + $0, relative: $0) }
    return (rootURL.path, files)
  }

  /// Reads and expands one file.
  static func read(path: String, relative: String) -> FeatureFile {
    var file = FeatureFile(relativePath: relative, absolutePath: path, cases: [], parseError: nil)
    guard let data = FileManager.default.contents(atPath: path) else {
      file.parseError = "cannot read the file"
      return file
    }
    do {
      let feature = try GherkinParser.parse(String(decoding: data, as: UTF8.self))
      file.cases = TestCase.all(in: feature, path: relative)
    } catch {
      file.parseError = "cannot parse: \(error)"
    }
    return file
  }
}
