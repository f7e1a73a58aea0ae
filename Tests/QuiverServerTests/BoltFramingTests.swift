// The handshake answers (classic and manifest) and chunk framing, driven without a socket.
import NIOCore
import Testing

@testable import QuiverServer

@Suite struct BoltFramingTests {
  /// What the Python driver 6.x sends: magic, then manifest v1, 5.8–5.0, 4.4–4.2, 3.0.
  static let pythonDriverHandshake: [UInt8] = [
    0x60, 0x60, 0xB0, 0x17, 0x00, 0x00, 0x01, 0xFF, 0x00, 0x08, 0x08, 0x05, 0x00, 0x02, 0x04, 0x04, 0x00, 0x00, 0x00, 0x03,
  ]

  @Test func manifestHandshakeListsTheServersRanges() throws {
    let decoder = BoltFrameDecoder(maxMessageBytes: 1 << 20)
    var buffer = ByteBuffer(bytes: Self.pythonDriverHandshake + [0x00, 0x00, 0x08, 0x05, 0x00])
    guard case .proposals(let proposals) = try decoder.next(&buffer) else {
      Issue.record("no proposals")
      return
    }
    #expect(proposals == [0x0000_01FF, 0x0008_0805, 0x0002_0404, 0x0000_0003])
    #expect(
      BoltHandshake.answer(proposals) == .manifest([0x00, 0x00, 0x01, 0xFF, 0x02, 0x00, 0x08, 0x08, 0x05, 0x00, 0x00, 0x04, 0x04, 0x00]))
    guard case .chosen(let wire) = try decoder.next(&buffer) else {
      Issue.record("no choice")
      return
    }
    #expect(BoltHandshake.chosen(wire) == BoltVersion(5, 8))
    #expect(buffer.readableBytes == 0)
  }

  @Test func classicHandshakePicksTheFirstProposalTheServerSpeaks() {
    #expect(BoltHandshake.answer([0x0000_0006, 0x0004_0805, 0x0000_0404, 0]) == .version(BoltVersion(5, 8)))
    #expect(BoltHandshake.answer([0x0002_0404, 0, 0, 0]) == .version(BoltVersion(4, 4)))
    #expect(BoltHandshake.answer([0x0000_0003, 0x0000_0104, 0, 0]) == .none)
    #expect(BoltHandshake.answer([0x0000_0205, 0, 0, 0]) == .version(BoltVersion(5, 2)))
  }

  @Test func wrongMagicIsRefused() {
    let decoder = BoltFrameDecoder(maxMessageBytes: 1 << 20)
    var buffer = ByteBuffer(bytes: Array("GET / HTTP/1.1\r\nHost: x\r\n\r\n".utf8))
    #expect(throws: BoltFramingError.self) { try decoder.next(&buffer) }
  }

  @Test func messagesAreReassembledFromChunksAndKeepAlivesSkipped() throws {
    let decoder = BoltFrameDecoder(maxMessageBytes: 1 << 20)
    var buffer = ByteBuffer(bytes: [0x60, 0x60, 0xB0, 0x17, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    _ = try decoder.next(&buffer)
    // A keep-alive, then RESET split over two chunks, then a partial chunk.
    buffer.writeBytes([0x00, 0x00, 0x00, 0x01, 0xB0, 0x00, 0x01, 0x0F, 0x00, 0x00, 0x00, 0x05, 0xB1])
    guard case .message(let message) = try decoder.next(&buffer) else {
      Issue.record("no message")
      return
    }
    #expect(Array(message.readableBytesView) == [0xB0, 0x0F])
    #expect(BoltRequest.isReset(message))
    #expect(try decoder.next(&buffer) == nil)
  }

  @Test func anOversizedMessageIsRefusedBeforeBuffering() throws {
    let decoder = BoltFrameDecoder(maxMessageBytes: 100)
    var buffer = ByteBuffer(bytes: [0x60, 0x60, 0xB0, 0x17, 0, 0, 0, 5, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0])
    _ = try decoder.next(&buffer)
    buffer.writeBytes([0x00, 0x60] + [UInt8](repeating: 0x90, count: 0x60))
    #expect(try decoder.next(&buffer) == nil)
    buffer.writeBytes([0x00, 0x60] + [UInt8](repeating: 0x90, count: 0x60))
    #expect(throws: BoltFramingError.self) { try decoder.next(&buffer) }
  }

  @Test func chunkerSplitsLargeMessages() {
    var out = ByteBuffer()
    BoltChunker.append(ByteBuffer(bytes: [UInt8](repeating: 7, count: 70_000)), to: &out)
    #expect(out.getInteger(at: 0, as: UInt16.self) == 0xFFFF)
    #expect(out.getInteger(at: 2 + 65_535, as: UInt16.self) == UInt16(70_000 - 65_535))
    #expect(out.readableBytes == 2 + 65_535 + 2 + (70_000 - 65_535) + 2)
    #expect(out.getInteger(at: out.readableBytes - 2, as: UInt16.self) == 0)
  }
}

extension BoltInbound: Equatable {
  public static func == (a: BoltInbound, b: BoltInbound) -> Bool {
    switch (a, b) {
    case (.proposals(let x), .proposals(let y)): x == y
    case (.chosen(let x), .chosen(let y)): x == y
    case (.message(let x), .message(let y)): x == y
    default: false
    }
  }
}
