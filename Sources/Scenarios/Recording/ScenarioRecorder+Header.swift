import RPCEngine

extension ScenarioRecorder {
    /// The header of a recorded scenario.
    public enum Header: Sendable {
        /// The TOML header of the scenario being explored, kept as written. If the text holds a
        /// `---` line (a whole scenario file), only what comes before it is kept.
        case toml(String)
        /// A header written from a description of the world: top-level settings, then one
        /// `[[workers]]` table per worker (the first is the primary worker).
        case workers([Worker], Settings)

        /// A header for the workers a runtime declared (its `workerDeclared` events, in order).
        public static func declared(in events: [Event], settings: Settings = Settings()) -> Header {
            .workers(events.compactMap { event in
                if case .workerDeclared(let declared) = event.payload { return Worker(declared) }
                return nil
            }, settings)
        }

        /// The header's TOML text, ending with a newline (empty for an empty header).
        public var text: String {
            switch self {
            case .toml(let text): return Self.trimmed(text)
            case .workers(let workers, let settings): return TOMLWriter.header(workers, settings)
            }
        }

        /// The lines before the first `---` line, trailing blank lines dropped, each ending with
        /// `\n` (CRLF line ends become LF, as in the rest of the recorded file).
        private static func trimmed(_ text: String) -> String {
            var lines: [Substring] = []
            for line in ScenarioRecorder.lines(of: text) {
                if line == "---" { break }
                lines.append(line)
            }
            while let last = lines.last, last.allSatisfy({ $0 == " " || $0 == "\t" }) { lines.removeLast() }
            return lines.map { $0 + "\n" }.joined()
        }
    }

    /// The top-level keys of a written header (`nil` and empty ones are left out).
    public struct Settings: Sendable, Equatable {
        public var title: String?
        public var description: String?
        public var compatibilityDate: String?
        public var compatibilityFlags: [String]
        public var seed: Int?

        public init(
            title: String? = nil, description: String? = nil, compatibilityDate: String? = nil,
            compatibilityFlags: [String] = [], seed: Int? = nil
        ) {
            self.title = title
            self.description = description
            self.compatibilityDate = compatibilityDate
            self.compatibilityFlags = compatibilityFlags
            self.seed = seed
        }
    }

    /// One `[[workers]]` table of a written header.
    public struct Worker: Sendable, Equatable {
        /// One entry of `services`.
        public struct Service: Sendable, Equatable {
            public var binding: String
            public var service: String
            public var entrypoint: String?

            public init(binding: String, service: String, entrypoint: String? = nil) {
                self.binding = binding
                self.service = service
                self.entrypoint = entrypoint
            }
        }

        public var name: String
        public var main: String?
        public var services: [Service]
        /// `[workers.vars]`. Values TOML cannot hold (`null`, `undefined`, bytes, ...) are
        /// written as comments.
        public var vars: RpcObject

        public init(name: String, main: String? = nil, services: [Service] = [], vars: RpcObject = RpcObject()) {
            self.name = name
            self.main = main
            self.services = services
            self.vars = vars
        }

        /// The worker a `workerDeclared` event describes.
        public init(_ declared: WorkerDeclared) {
            self.init(
                name: declared.name, main: declared.module,
                services: declared.bindings.map { Service(binding: $0.binding, service: $0.service, entrypoint: $0.entrypoint) },
                vars: declared.vars)
        }
    }
}

/// Writes the TOML of a recorded header.
enum TOMLWriter {
    static func header(_ workers: [ScenarioRecorder.Worker], _ settings: ScenarioRecorder.Settings) -> String {
        var out = ""
        if let title = settings.title { out += "title = \(quote(title))\n" }
        if let description = settings.description { out += "description = \(quote(description))\n" }
        if let date = settings.compatibilityDate { out += "compatibility_date = \(quote(date))\n" }
        if !settings.compatibilityFlags.isEmpty {
            out += "compatibility_flags = [" + settings.compatibilityFlags.map(quote).joined(separator: ", ") + "]\n"
        }
        if let seed = settings.seed { out += "seed = \(seed)\n" }
        for worker in workers {
            if !out.isEmpty { out += "\n" }
            out += "[[workers]]\nname = \(quote(worker.name))\n"
            if let main = worker.main { out += "main = \(quote(main))\n" }
            if !worker.services.isEmpty {
                let entries = worker.services.map { s in
                    "{ binding = \(quote(s.binding)), service = \(quote(s.service))"
                        + (s.entrypoint.map { ", entrypoint = \(quote($0))" } ?? "") + " }"
                }
                out += "services = [" + entries.joined(separator: ", ") + "]\n"
            }
            if worker.vars.count > 0 {
                out += "\n[workers.vars]\n"
                for (name, value) in worker.vars.entries {
                    if let toml = self.value(value) {
                        out += "\(key(name)) = \(toml)\n"
                    } else {
                        out += "# \(name) = \(value.summary(limit: 60)) (no TOML form)\n"
                    }
                }
            }
        }
        return out
    }

    /// A value TOML can hold, or nil: strings, booleans, numbers (integers when whole and
    /// exact, else floats, `nan`, `inf`, `-inf`), arrays and inline tables of those.
    static func value(_ value: RpcValue) -> String? {
        switch value {
        case .string(let s): return quote(s)
        case .bool(let b): return b ? "true" : "false"
        case .number(let n):
            if n.isNaN { return "nan" }
            if n.isInfinite { return n < 0 ? "-inf" : "inf" }
            if n == n.rounded(), Swift.abs(n) <= 9_007_199_254_740_992 { return String(Int64(n)) }
            return String(n)
        case .array(let elements):
            var parts: [String] = []
            for element in elements {
                guard let part = self.value(element) else { return nil }
                parts.append(part)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        case .object(let object):
            var parts: [String] = []
            for entry in object.entries {
                guard let part = self.value(entry.value) else { return nil }
                parts.append("\(key(entry.key)) = \(part)")
            }
            return parts.isEmpty ? "{}" : "{ " + parts.joined(separator: ", ") + " }"
        default:
            return nil
        }
    }

    /// A bare key when it is one (`A-Z a-z 0-9 _ -`), else a quoted key.
    static func key(_ key: String) -> String {
        let bare = !key.isEmpty && key.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
        }
        return bare ? key : quote(key)
    }

    /// A TOML basic string: `"` and `\` escaped, control characters as `\b \t \n \f \r` or `\uXXXX`.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }
}
