// Reading a file's bytes a chunk at a time, decompressing gzip (any file that starts with the
// gzip magic bytes) on the way, so that LOAD CSV and the importers never need a whole file in
// memory. The runtime's row sources and the importers above it (Quiver, QuiverExchange) share it.
import Foundation
import GraphCore

/// A sequence of byte chunks read on demand: a file, a file decompressed, or bytes in memory.
package final class ByteChunks {
  /// Where the chunks come from.
  private enum Source {
    case memory([UInt8]?)
    case file(FileHandle)
    case gzip(FileHandle, GzipInflater, pending: [UInt8]?)
  }

  private var source: Source
  /// The name errors give the input (its path).
  package let name: String
  /// Bytes read per call from the file.
  static let chunkSize = 1 << 20

  /// Bytes already in memory, handed out as one chunk.
  package init(bytes: [UInt8], name: String) {
    source = .memory(bytes)
    self.name = name
  }

  /// The file at `path`, decompressed when it starts with the gzip magic bytes; errors call it
  /// "the `kind` PATH".
  /// - Throws: IOError `FileNotReadable` when it cannot be opened.
  package init(path: String, kind: String = "file") throws {
    name = path
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue,
      let handle = FileHandle(forReadingAtPath: path)
    else {
      throw QuiverError.runtime(.io, .fileNotReadable, "cannot read the \(kind) \(path)")
    }
    let first = try Self.read(handle, path: path)
    if first.starts(with: [0x1F, 0x8B]) {
      source = .gzip(handle, try GzipInflater(name: path), pending: first)
    } else {
      source = .file(handle)
      pendingPlain = first
    }
  }

  /// The first chunk of a plain file, read to look for the gzip magic bytes.
  private var pendingPlain: [UInt8]?

  /// The next chunk (never empty), or nil at the end of the input.
  /// - Throws: IOError `FileNotReadable` on a read error, `InvalidGzip` for damaged gzip data.
  package func next() throws -> [UInt8]? {
    switch source {
    case .memory(let bytes):
      source = .memory(nil)
      return bytes?.isEmpty == false ? bytes : nil
    case .file(let handle):
      if let first = pendingPlain {
        pendingPlain = nil
        if !first.isEmpty { return first }
      }
      let chunk = try Self.read(handle, path: name)
      return chunk.isEmpty ? nil : chunk
    case .gzip(let handle, let inflater, let pending):
      var input = pending
      source = .gzip(handle, inflater, pending: nil)
      while true {
        if let out = try inflater.drain(), !out.isEmpty { return out }
        if input == nil {
          let chunk = try Self.read(handle, path: name)
          if chunk.isEmpty { try inflater.finish(); return nil }
          input = chunk
        }
        if let bytes = input {
          input = nil
          inflater.feed(bytes)
        }
      }
    }
  }

  /// Every remaining byte, for the readers that want a whole (small) file.
  package func readAll() throws -> [UInt8] {
    var out: [UInt8] = []
    while let chunk = try next() { out.append(contentsOf: chunk) }
    return out
  }

  private static func read(_ handle: FileHandle, path: String) throws -> [UInt8] {
    do {
      guard let data = try handle.read(upToCount: chunkSize) else { return [] }
      return [UInt8](data)
    } catch {
      throw QuiverError.runtime(.io, .fileNotReadable, "cannot read the file \(path): \(error.localizedDescription)")
    }
  }
}
