// Bolt's framing: the handshake bytes, then messages cut into chunks (a two-byte size, that many
// bytes; a zero size ends the message; a lone zero size between messages is a keep-alive).
// `BoltFrameDecoder` reassembles messages up to a maximum size; `BoltChunker` cuts them.
import NIOCore

/// What the decoder hands to the connection handler.
package enum BoltInbound: Sendable {
  /// The four version proposals after the magic number.
  case proposals([UInt32])
  /// The client's choice after a manifest answer: a version on the wire.
  case chosen(UInt32)
  /// One whole message (its PackStream bytes, without chunk headers).
  case message(ByteBuffer)
}

/// A client broke the framing rules; its connection is closed.
package struct BoltFramingError: Error, Hashable, CustomStringConvertible {
  package let message: String
  package init(_ message: String) { self.message = message }
  package var description: String { message }
}

/// Reassembles the handshake and chunked messages from the byte stream, refusing a message
/// larger than `maxMessageBytes` before buffering it.
package final class BoltFrameDecoder: ByteToMessageDecoder {
  package typealias InboundOut = BoltInbound

  private enum Stage { case preamble, manifestChoice, messages }
  private var stage = Stage.preamble
  private var partial: ByteBuffer?
  private let maxMessageBytes: Int

  package init(maxMessageBytes: Int) { self.maxMessageBytes = maxMessageBytes }

  package func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
    guard let item = try next(&buffer) else { return .needMoreData }
    context.fireChannelRead(wrapInboundOut(item))
    return .continue
  }

  package func decodeLast(context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool) throws -> DecodingState {
    .needMoreData
  }

  /// The next complete item in `buffer`, consuming its bytes; nil when more bytes are needed.
  /// Separate from `decode` so tests can drive it without a channel.
  package func next(_ buffer: inout ByteBuffer) throws -> BoltInbound? {
    switch stage {
    case .preamble:
      guard buffer.readableBytes >= 20, let magic = buffer.readInteger(as: UInt32.self) else { return nil }
      guard magic == BoltHandshake.magic else { throw BoltFramingError("not a Bolt client (wrong magic number)") }
      var proposals: [UInt32] = []
      for _ in 0..<4 { proposals.append(buffer.readInteger(as: UInt32.self) ?? 0) }
      stage = proposals.contains(BoltHandshake.manifestV1) ? .manifestChoice : .messages
      return .proposals(proposals)
    case .manifestChoice:
      // Four bytes of version, then a varint of capabilities (at most ten bytes).
      let view = buffer.readableBytesView
      guard view.count >= 5 else { return nil }
      var end = view.startIndex + 4
      while end < view.endIndex, view[end] & 0x80 != 0 {
        end += 1
        if end - view.startIndex > 14 { throw BoltFramingError("the capability mask is too long") }
      }
      guard end < view.endIndex else { return nil }
      let version = buffer.readInteger(as: UInt32.self) ?? 0
      buffer.moveReaderIndex(forwardBy: end - view.startIndex - 3)
      stage = .messages
      return .chosen(version)
    case .messages:
      while true {
        guard let size = buffer.getInteger(at: buffer.readerIndex, as: UInt16.self) else { return nil }
        if size == 0 {
          buffer.moveReaderIndex(forwardBy: 2)
          if let message = partial {
            partial = nil
            return .message(message)
          }
          continue  // a keep-alive between messages
        }
        guard buffer.readableBytes >= 2 + Int(size) else { return nil }
        let had = partial?.readableBytes ?? 0
        guard had + Int(size) <= maxMessageBytes else {
          throw BoltFramingError("a message is larger than the limit of \(maxMessageBytes) bytes")
        }
        buffer.moveReaderIndex(forwardBy: 2)
        guard let chunk = buffer.readSlice(length: Int(size)) else { return nil }
        if partial == nil {
          partial = chunk
        } else {
          var chunkCopy = chunk
          partial?.writeBuffer(&chunkCopy)
        }
      }
    }
  }
}

/// Cuts messages into chunks.
package enum BoltChunker {
  /// The largest chunk Bolt allows.
  static let maxChunk = Int(UInt16.max)

  /// Appends `message` to `out` as chunks ending with the zero-size marker.
  package static func append(_ message: ByteBuffer, to out: inout ByteBuffer) {
    var rest = message
    while rest.readableBytes > 0 {
      let size = min(rest.readableBytes, maxChunk)
      out.writeInteger(UInt16(size))
      if var slice = rest.readSlice(length: size) { out.writeBuffer(&slice) }
    }
    out.writeInteger(UInt16(0))
  }
}
