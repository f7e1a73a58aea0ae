// Reading an import file's bytes, decompressing gzip (`.gz`, or any file starting with the gzip
// magic bytes) through zlib.
import CZlib
import Foundation
import Quiver

/// The contents of import files.
package enum InputFile {
  /// The bytes of the file at `path`, decompressed when it is gzip.
  /// - Throws: IOError `FileNotReadable`, or `InvalidGzip` for a damaged compressed file.
  package static func bytes(_ path: String) throws -> [UInt8] {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw QuiverError.runtime(.io, .fileNotReadable, "cannot read the file \(path)")
    }
    let bytes = [UInt8](data)
    guard bytes.starts(with: [0x1F, 0x8B]) else { return bytes }
    return try gunzip(bytes, path: path)
  }

  /// The text of the file at `path` (decompressed when gzip), as UTF-8.
  package static func text(_ path: String) throws -> String {
    String(decoding: try bytes(path), as: UTF8.self)
  }

  /// Inflates gzip data (several concatenated members too, as `cat a.gz b.gz` makes).
  static func gunzip(_ input: [UInt8], path: String) throws -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(input.count * 4)
    var stream = z_stream()
    // 15 window bits + 32: accept a gzip or zlib header.
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw QuiverError.runtime(.io, .invalidGzip, "cannot start decompressing \(path)")
    }
    defer { inflateEnd(&stream) }
    var chunk = [UInt8](repeating: 0, count: 1 << 18)
    var consumed = 0
    try input.withUnsafeBufferPointer { source in
      while consumed < input.count {
        stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress.map { $0 + consumed })
        stream.avail_in = UInt32(input.count - consumed)
        var status: Int32 = Z_OK
        repeat {
          let produced: Int = chunk.withUnsafeMutableBufferPointer { buffer in
            stream.next_out = buffer.baseAddress
            stream.avail_out = UInt32(buffer.count)
            status = inflate(&stream, Z_NO_FLUSH)
            return buffer.count - Int(stream.avail_out)
          }
          guard status == Z_OK || status == Z_STREAM_END else {
            throw QuiverError.runtime(.io, .invalidGzip, "\(path) is not valid gzip data (zlib status \(status))")
          }
          output.append(contentsOf: chunk[0..<produced])
          if produced == 0 && stream.avail_in == 0 && status != Z_STREAM_END {
            throw QuiverError.runtime(.io, .invalidGzip, "\(path) ends in the middle of its compressed data")
          }
        } while status != Z_STREAM_END
        consumed = input.count - Int(stream.avail_in)
        // Another member may follow; skip trailing zero padding.
        while consumed < input.count, input[consumed] == 0 { consumed += 1 }
        if consumed < input.count { inflateReset(&stream) }
      }
    }
    return output
  }
}
