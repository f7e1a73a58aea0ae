// Where the exchange writers put their text: a file written in large buffered chunks, or a
// string in memory (for tests and for the shell's result exports).
import Foundation
import Quiver

/// A sink for text, buffered so that writers can append small pieces cheaply.
package final class TextOutput {
  private let handle: FileHandle?
  private var buffer: [UInt8] = []
  /// Everything written, when writing to memory.
  package private(set) var text = ""
  /// Bytes written so far.
  package private(set) var byteCount = 0

  /// A sink that keeps the text in `text`.
  package init() { handle = nil }

  /// A sink that creates (or truncates) the file at `path`.
  /// - Throws: IOError `FileNotWritable` naming the path.
  package init(path: String) throws {
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
      throw QuiverError.runtime(.io, .fileNotWritable, "cannot write the file \(path)")
    }
    self.handle = handle
    buffer.reserveCapacity(1 << 20)
  }

  /// Appends `piece`.
  package func write(_ piece: String) throws {
    byteCount += piece.utf8.count
    guard let handle else {
      text += piece
      return
    }
    buffer.append(contentsOf: piece.utf8)
    if buffer.count >= 1 << 20 { try flush(handle) }
  }

  /// Writes what is buffered and closes the file.
  package func close() throws {
    guard let handle else { return }
    try flush(handle)
    try handle.close()
  }

  private func flush(_ handle: FileHandle) throws {
    do {
      try handle.write(contentsOf: buffer)
    } catch {
      throw QuiverError.runtime(.io, .fileNotWritable, "cannot write: \(error.localizedDescription)")
    }
    buffer.removeAll(keepingCapacity: true)
  }
}
