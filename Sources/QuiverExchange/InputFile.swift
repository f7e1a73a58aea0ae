// Reading an import file's bytes whole, decompressing gzip (any file starting with the gzip magic
// bytes) through the runtime's streaming reader (`ByteChunks`), which LOAD CSV shares.
import CypherRuntime
import Quiver

/// The contents of import files.
package enum InputFile {
  /// The bytes of the file at `path`, decompressed when it is gzip.
  /// - Throws: IOError `FileNotReadable`, or `InvalidGzip` for a damaged compressed file.
  package static func bytes(_ path: String) throws -> [UInt8] {
    try ByteChunks(path: path).readAll()
  }

  /// The text of the file at `path` (decompressed when gzip), as UTF-8.
  package static func text(_ path: String) throws -> String {
    String(decoding: try bytes(path), as: UTF8.self)
  }
}
