// `Decodable` conformances of the values Quiver hands out, so they can be asked for by type
// (`row["p", as: Node.self]`, `db.query(Node.self, …)`) or sit in a decoded struct. Quiver's own
// decoder hands them over as they are; `Value` also decodes from other decoders (JSON, …).

extension Value: Decodable {
  /// The value itself from Quiver's decoder; from another decoder, the null, boolean, integer,
  /// float, string, list or map it holds.
  public init(from decoder: any Decoder) throws {
    if let box = decoder as? DecodingBox {
      self = box.value
      return
    }
    let single = try decoder.singleValueContainer()
    if single.decodeNil() {
      self = .null
    } else if let b = try? single.decode(Bool.self) {
      self = .bool(b)
    } else if let i = try? single.decode(Int64.self) {
      self = .int(i)
    } else if let d = try? single.decode(Double.self) {
      self = .float(d)
    } else if let s = try? single.decode(String.self) {
      self = .string(s)
    } else if let l = try? single.decode([Value].self) {
      self = .list(l)
    } else {
      self = .map(try single.decode([String: Value].self))
    }
  }
}

extension Node: Decodable {
  /// The node of a result, from Quiver's decoder only.
  public init(from decoder: any Decoder) throws {
    guard let box = decoder as? DecodingBox, case .node(let n) = box.value else {
      throw Self.notFromQuiver(decoder, "a NODE")
    }
    self = n
  }
}

extension Relationship: Decodable {
  /// The relationship of a result, from Quiver's decoder only.
  public init(from decoder: any Decoder) throws {
    guard let box = decoder as? DecodingBox, case .relationship(let r) = box.value else {
      throw Node.notFromQuiver(decoder, "a RELATIONSHIP")
    }
    self = r
  }
}

extension Path: Decodable {
  /// The path of a result, from Quiver's decoder only.
  public init(from decoder: any Decoder) throws {
    guard let box = decoder as? DecodingBox, case .path(let p) = box.value else {
      throw Node.notFromQuiver(decoder, "a PATH")
    }
    self = p
  }
}

extension Temporal: Decodable {
  /// The temporal value of a result, from Quiver's decoder only.
  public init(from decoder: any Decoder) throws {
    guard let box = decoder as? DecodingBox, case .temporal(let t) = box.value else {
      throw Node.notFromQuiver(decoder, "a temporal value")
    }
    self = t
  }
}

extension Point: Decodable {
  /// The point of a result, from Quiver's decoder only.
  public init(from decoder: any Decoder) throws {
    guard let box = decoder as? DecodingBox, case .point(let p) = box.value else {
      throw Node.notFromQuiver(decoder, "a POINT")
    }
    self = p
  }
}

extension Node {
  /// The error for a graph value asked of a decoder that does not hold one.
  static func notFromQuiver(_ decoder: any Decoder, _ expected: String) -> DecodingError {
    if let box = decoder as? DecodingBox { return box.mismatch(Node.self, expected) }
    return .typeMismatch(
      Node.self, .init(codingPath: decoder.codingPath, debugDescription: "expected \(expected) from a Quiver result"))
  }
}
