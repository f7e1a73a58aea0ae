// The mutation engine of `quiver-fuzz`: a seeded random generator (so a run can be repeated from
// its seed) and the byte- and token-level mutations applied to corpus inputs: bit flips,
// interesting bytes and numbers, deletions, duplications, splices of two inputs and dictionary
// words inserted at random places. The generator is GraphAlgorithms' SplitMix64.
import GraphAlgorithms

/// Mutates byte strings, with an optional dictionary of words that matter to the target.
struct Mutator {
  var random: SeededRandom
  let dictionary: [[UInt8]]
  /// Inputs grow no larger than this.
  let maxLength: Int

  private static let interesting: [[UInt8]] = [
    [0], [0xFF], [0x7F], [0x80], [0xC3], [0xF0, 0x9F], [0xEF, 0xBF, 0xBF], Array("\r\n".utf8), Array("\u{2028}".utf8),
    Array("-9223372036854775808".utf8), Array("9223372036854775807".utf8), Array("1e999".utf8), Array("NaN".utf8),
    Array("0x".utf8), Array("''".utf8), Array("\"".utf8), Array("\\u".utf8), Array("/*".utf8), Array("`".utf8),
  ]

  /// One to four mutations of `input`, sometimes spliced with `other`.
  mutating func mutate(_ input: [UInt8], splicingWith other: [UInt8]) -> [UInt8] {
    var bytes = input
    for _ in 0..<Int.random(in: 1...4, using: &random) { bytes = once(bytes, other) }
    return bytes.count > maxLength ? Array(bytes.prefix(maxLength)) : bytes
  }

  private mutating func position(_ bytes: [UInt8]) -> Int { Int.random(in: 0...bytes.count, using: &random) }

  private mutating func once(_ input: [UInt8], _ other: [UInt8]) -> [UInt8] {
    var bytes = input
    switch Int.random(in: 0..<9, using: &random) {
    case 0 where !bytes.isEmpty:
      let i = Int.random(in: 0..<bytes.count, using: &random)
      bytes[i] ^= UInt8(1) << UInt8.random(in: 0..<8, using: &random)
    case 1 where !bytes.isEmpty:
      bytes[Int.random(in: 0..<bytes.count, using: &random)] = UInt8.random(in: 0...255, using: &random)
    case 2 where !bytes.isEmpty:
      let start = Int.random(in: 0..<bytes.count, using: &random)
      let end = min(bytes.count, start + Int.random(in: 1...16, using: &random))
      bytes.removeSubrange(start..<end)
    case 3 where !bytes.isEmpty:
      let start = Int.random(in: 0..<bytes.count, using: &random)
      let end = min(bytes.count, start + Int.random(in: 1...32, using: &random))
      bytes.insert(contentsOf: bytes[start..<end], at: position(bytes))
    case 4:
      let word = Self.interesting[Int.random(in: 0..<Self.interesting.count, using: &random)]
      bytes.insert(contentsOf: word, at: position(bytes))
    case 5 where !dictionary.isEmpty, 6 where !dictionary.isEmpty:
      let word = dictionary[Int.random(in: 0..<dictionary.count, using: &random)]
      bytes.insert(contentsOf: word, at: position(bytes))
    case 7 where !other.isEmpty:
      // Splice: a prefix of this input and a suffix of the other.
      let cut = position(bytes)
      let from = Int.random(in: 0..<other.count, using: &random)
      bytes = Array(bytes[..<cut]) + Array(other[from...])
    default:
      if !bytes.isEmpty {
        let i = Int.random(in: 0..<bytes.count, using: &random)
        let numbers: [UInt8] = [0, 1, 0x7F, 0x80, 0xFF, 0x20, 0x0A, 0x3B]
        bytes[i] = numbers[Int.random(in: 0..<numbers.count, using: &random)]
      }
    }
    return bytes
  }
}
