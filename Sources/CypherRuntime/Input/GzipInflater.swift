// Streaming gzip decompression through zlib for `ByteChunks`: compressed chunks go in, plain
// chunks come out, several concatenated members too (as `cat a.gz b.gz` makes).
import CZlib
import GraphCore

/// One zlib inflate stream, fed compressed bytes and drained of plain ones.
final class GzipInflater {
  private var stream = z_stream()
  private let name: String
  /// Compressed bytes not yet consumed.
  private var input: [UInt8] = []
  private var consumed = 0
  /// The current member ended; another may follow.
  private var memberEnded = false
  private var output = [UInt8](repeating: 0, count: 1 << 18)

  /// - Throws: IOError `InvalidGzip` when zlib cannot start.
  init(name: String) throws {
    self.name = name
    // 15 window bits + 32: accept a gzip or zlib header.
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw QuiverError.runtime(.io, .invalidGzip, "cannot start decompressing \(name)")
    }
  }

  deinit { inflateEnd(&stream) }

  /// Adds compressed bytes (after the previous ones were drained).
  func feed(_ bytes: [UInt8]) {
    input = Array(input[consumed...]) + bytes
    consumed = 0
  }

  /// Plain bytes made from the input fed so far: nil or empty when more input is needed.
  func drain() throws -> [UInt8]? {
    if memberEnded {
      // Another member may follow; skip trailing zero padding.
      while consumed < input.count, input[consumed] == 0 { consumed += 1 }
      guard consumed < input.count else { return nil }
      inflateReset(&stream)
      memberEnded = false
    }
    guard consumed < input.count else { return nil }
    let (produced, status) = input.withUnsafeBufferPointer { source in
      output.withUnsafeMutableBufferPointer { buffer in
        stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress.map { $0 + consumed })
        stream.avail_in = UInt32(source.count - consumed)
        stream.next_out = buffer.baseAddress
        stream.avail_out = UInt32(buffer.count)
        let status = inflate(&stream, Z_NO_FLUSH)
        return (buffer.count - Int(stream.avail_out), status)
      }
    }
    consumed = input.count - Int(stream.avail_in)
    switch status {
    case Z_STREAM_END: memberEnded = true
    case Z_OK, Z_BUF_ERROR: break
    default: throw QuiverError.runtime(.io, .invalidGzip, "\(name) is not valid gzip data (zlib status \(status))")
    }
    if produced == 0 && !memberEnded && consumed < input.count && status == Z_BUF_ERROR {
      throw QuiverError.runtime(.io, .invalidGzip, "\(name) is not valid gzip data")
    }
    return Array(output[0..<produced])
  }

  /// Checks, at the end of the input, that the last member was complete.
  func finish() throws {
    if !memberEnded && (consumed < input.count || stream.total_in > 0) {
      throw QuiverError.runtime(.io, .invalidGzip, "\(name) ends in the middle of its compressed data")
    }
  }
}
