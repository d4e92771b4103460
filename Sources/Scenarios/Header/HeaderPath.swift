/// One step of a path into the TOML document: a key of a table or an index of an array.
enum HeaderPathComponent: Hashable, Sendable {
    case key(String)
    case index(Int)
}

/// A path from the document root, such as `workers[1].services[0].binding`.
typealias HeaderPath = [HeaderPathComponent]
