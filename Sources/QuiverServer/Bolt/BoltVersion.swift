// Bolt protocol versions and the handshake that picks one: the classic form (four proposals,
// the server answers with one) and the manifest form of Bolt 5.7+ (the client offers version
// 255.1, the server lists the ranges it speaks and the client picks).

/// A Bolt protocol version, e.g. 5.4.
package struct BoltVersion: Sendable, Hashable, Comparable, CustomStringConvertible {
  package let major: UInt8
  package let minor: UInt8

  package init(_ major: UInt8, _ minor: UInt8) {
    self.major = major
    self.minor = minor
  }

  package static func < (a: BoltVersion, b: BoltVersion) -> Bool { (a.major, a.minor) < (b.major, b.minor) }

  package var description: String { "\(major).\(minor)" }

  /// The four bytes that name this version on the wire: `00 00 minor major`.
  package var wire: [UInt8] { [0, 0, minor, major] }

  /// Versions the server speaks, newest first.
  package static let supported: [BoltVersion] = (0...8).reversed().map { BoltVersion(5, UInt8($0)) } + [BoltVersion(4, 4)]

  /// Whether messages carry element ids and UTC date-times (Bolt 5).
  package var hasElementIDs: Bool { major >= 5 }
  /// Whether authentication moved from HELLO to LOGON (Bolt 5.1).
  package var hasLogon: Bool { self >= BoltVersion(5, 1) }
  /// Whether FAILURE carries GQL status fields (Bolt 5.7).
  package var hasGQLErrors: Bool { self >= BoltVersion(5, 7) }
  /// 5.5 and later: summaries carry GQL status objects (`statuses`) instead of `notifications`.
  package var hasGQLStatuses: Bool { self >= BoltVersion(5, 5) }
}

/// The server's side of the handshake, free of I/O.
package enum BoltHandshake {
  /// The four bytes that open every Bolt connection.
  package static let magic: UInt32 = 0x6060_B017
  /// The proposal "version 255.1": the client speaks the manifest handshake, version 1.
  package static let manifestV1: UInt32 = 0x0000_01FF

  /// What the server answers to the client's four proposals.
  package enum Answer: Equatable, Sendable {
    /// The agreed version (classic handshake); messages follow.
    case version(BoltVersion)
    /// The manifest bytes; the client answers with its choice (four bytes and a varint).
    case manifest([UInt8])
    /// No proposal matches: the server answers four zero bytes and closes.
    case none
  }

  /// Picks the answer to `proposals` (each `00 range minor major`, in the client's order).
  package static func answer(_ proposals: [UInt32]) -> Answer {
    if proposals.contains(manifestV1) { return .manifest(manifest) }
    for proposal in proposals {
      let major = UInt8(proposal & 0xFF)
      let minor = UInt8((proposal >> 8) & 0xFF)
      let range = UInt8((proposal >> 16) & 0xFF)
      let low = minor >= range ? minor - range : 0
      if let match = BoltVersion.supported.first(where: { $0.major == major && $0.minor >= low && $0.minor <= minor }) {
        return .version(match)
      }
    }
    return .none
  }

  /// The manifest: `00 00 01 FF`, the number of ranges (a varint), each range as
  /// `00 range minor major`, then the capability mask (a varint, none).
  package static let manifest: [UInt8] = [0x00, 0x00, 0x01, 0xFF, 0x02, 0x00, 0x08, 0x08, 0x05, 0x00, 0x00, 0x04, 0x04, 0x00]

  /// The version a client chose from the manifest, if the server speaks it.
  package static func chosen(_ wire: UInt32) -> BoltVersion? {
    let version = BoltVersion(UInt8(wire & 0xFF), UInt8((wire >> 8) & 0xFF))
    return BoltVersion.supported.contains(version) ? version : nil
  }
}
