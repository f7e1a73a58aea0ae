// The tokens of one text, held in chunks of fixed size once there are more than one chunk's
// worth. A growing array copies everything it holds each time it doubles and faults in a fresh
// block of pages for every copy; for a 10 MB statement of ten million tokens that copying, not
// the lexing, was most of the time and made it grow faster than the input. Chunks are never
// moved once allocated, so lexing costs the same per token at any size.

/// The tokens of a text in order, appended once and read by index.
package struct TokenBuffer {
  private static let shift = 12
  private static let chunkSize = 1 << shift
  private var chunks: [[Token]] = [[]]
  /// How many tokens there are.
  package private(set) var count = 0

  package init() {}

  /// Adds `token` after the others. The first chunk grows as an array does (short statements
  /// never reserve a whole chunk); every later chunk is reserved at its full size at once.
  mutating func append(_ token: Token) {
    if count >= Self.chunkSize, count & (Self.chunkSize - 1) == 0 {
      var chunk: [Token] = []
      chunk.reserveCapacity(Self.chunkSize)
      chunks.append(chunk)
    }
    chunks[chunks.count - 1].append(token)
    count += 1
  }

  /// The token at `index`, which must be below `count`.
  package subscript(index: Int) -> Token {
    chunks[index >> Self.shift][index & (Self.chunkSize - 1)]
  }
}
