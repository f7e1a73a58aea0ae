// A plain comma-separated file (no quoting, header line skipped) read as bytes, so that `plan`
// can build its store of sf1m (ten million lines) in seconds without going through Quiver.
import Foundation

/// The data lines of one CSV file.
struct CSVFile {
  let path: String

  init(_ path: String) { self.path = path }

  /// The fields of one line, as byte ranges of the file.
  struct Fields {
    let bytes: UnsafeBufferPointer<UInt8>
    var bounds: [Range<Int>] = []

    var count: Int { bounds.count }

    func string(_ i: Int) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[bounds[i]]), as: UTF8.self) }

    func int(_ i: Int) -> Int64? {
      var value: Int64 = 0
      var negative = false
      let range = bounds[i]
      guard !range.isEmpty else { return nil }
      for k in range {
        let b = bytes[k]
        if k == range.lowerBound && b == UInt8(ascii: "-") {
          negative = true
          continue
        }
        guard b >= 48 && b <= 57 else { return nil }
        value = value * 10 + Int64(b - 48)
      }
      return negative ? -value : value
    }

    func double(_ i: Int) -> Double? { Double(string(i)) }
  }

  /// Calls `body` with the fields of every line after the header, and the line number.
  func forEachRow(_ body: (Fields, Int) throws -> Void) throws {
    guard let data = FileManager.default.contents(atPath: path) else {
      throw BenchError(description: "cannot read \(path)")
    }
    try data.withUnsafeBytes { raw in
      let bytes = raw.bindMemory(to: UInt8.self)
      var fields = Fields(bytes: bytes)
      var line = 0
      var start = 0
      var fieldStart = 0
      for k in 0...bytes.count {
        let b: UInt8 = k < bytes.count ? bytes[k] : UInt8(ascii: "\n")
        if b == UInt8(ascii: ",") {
          fields.bounds.append(fieldStart..<k)
          fieldStart = k + 1
        } else if b == UInt8(ascii: "\n") {
          var end = k
          if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
          if end > start {
            fields.bounds.append(fieldStart..<end)
            if line > 0 { try body(fields, line + 1) }
            line += 1
          }
          fields.bounds.removeAll(keepingCapacity: true)
          start = k + 1
          fieldStart = k + 1
        }
      }
    }
  }
}
