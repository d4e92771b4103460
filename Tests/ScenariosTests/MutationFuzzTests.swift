import Testing

@testable import Scenarios

/// A deterministic pseudo-random source (SplitMix64), so every run fuzzes the same inputs.
struct SplitMix64 {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<bound` (`bound` > 0).
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
}

/// Mutations of valid scenarios: every input must parse, or throw a diagnostic located inside
/// the file; and whatever parses must print and re-parse to the same tree. A hang fails the
/// suite through its time limit instead of stalling the run.
@Suite(.timeLimit(.minutes(2))) struct MutationFuzzTests {
    /// Splits text into pseudo-tokens: runs of word characters, runs of blanks, single others.
    static func pieces(_ text: String) -> [String] {
        var pieces: [String] = []
        var current = ""
        var currentIsWord = false
        for character in text {
            let isWord = character.isLetter || character.isNumber || character == "_"
            if isWord && currentIsWord {
                current.append(character)
            } else {
                if !current.isEmpty { pieces.append(current) }
                current = String(character)
                currentIsWord = isWord
            }
        }
        if !current.isEmpty { pieces.append(current) }
        return pieces
    }

    static let interesting: [String] = [
        "{", "}", "(", ")", "[", "]", "\"", "'", "\\", "`", "#", "//", "/*", "---", "\n", "\r", "\r\n", "\t", "\0",
        "=>", "=", "==", "===", "++", ",", ";", ":", ".", "-", "!", "&", "|", "?", "n", "ms", "e", "0x", "\u{FEFF}",
        "\u{301}", "é", "😀", "\u{2028}", "let", "expect", "throws", "request", "return", "catch", "await", "new",
        "[[workers]]", "name = ", "= [", "{ binding = ", "\"\"\"", "'''", "1e999", "\\u{D800}",
    ]

    /// Applies one to three random mutations to `pieces` (a text split by ``pieces(_:)``) and
    /// joins the result. Line mutations work on the newline pieces, so nothing is re-split.
    static func mutate(_ original: [String], _ random: inout SplitMix64) -> String {
        var pieces = original
        for _ in 0..<(1 + random.below(3)) {
            guard !pieces.isEmpty else { break }
            /// The piece range of the line containing piece `i` (its newline included).
            func line(around i: Int) -> Range<Int> {
                var start = i
                while start > 0, pieces[start - 1] != "\n" { start -= 1 }
                var end = i
                while end < pieces.count, pieces[end] != "\n" { end += 1 }
                return start..<Swift.min(end + 1, pieces.count)
            }
            switch random.below(10) {
            case 0:  // delete a token
                pieces.remove(at: random.below(pieces.count))
            case 1:  // duplicate a token
                let i = random.below(pieces.count)
                pieces.insert(pieces[i], at: i)
            case 2:  // swap two tokens
                pieces.swapAt(random.below(pieces.count), random.below(pieces.count))
            case 3:  // delete a line
                pieces.removeSubrange(line(around: random.below(pieces.count)))
            case 4:  // duplicate a line
                let range = line(around: random.below(pieces.count))
                pieces.insert(contentsOf: pieces[range], at: range.lowerBound)
            case 5:  // swap two lines
                let a = line(around: random.below(pieces.count))
                let b = line(around: random.below(pieces.count))
                guard a != b else { break }
                let (first, second) = a.lowerBound < b.lowerBound ? (a, b) : (b, a)
                let (firstPieces, secondPieces) = (Array(pieces[first]), Array(pieces[second]))
                pieces.replaceSubrange(second, with: firstPieces)  // the later one first: `first` stays valid
                pieces.replaceSubrange(first, with: secondPieces)
            case 6:  // insert random bytes (decoded as UTF-8: invalid sequences become U+FFFD)
                let bytes = (0..<(1 + random.below(4))).map { _ in UInt8(truncatingIfNeeded: random.next()) }
                pieces.insert(String(decoding: bytes, as: UTF8.self), at: random.below(pieces.count + 1))
            case 7:  // insert an interesting fragment
                pieces.insert(Self.interesting[random.below(Self.interesting.count)], at: random.below(pieces.count + 1))
            case 8:  // truncate, possibly inside a piece
                let keep = random.below(pieces.count + 1)
                let cut = keep < pieces.count ? String(pieces[keep].prefix(random.below(pieces[keep].count + 1))) : ""
                pieces.removeSubrange(keep...)
                pieces.append(cut)
            default:  // replace a token with another token of the file
                pieces[random.below(pieces.count)] = pieces[random.below(pieces.count)]
            }
        }
        return pieces.joined()
    }

    /// Checks one input; returns whether it parsed.
    static func check(_ text: String) -> Bool {
        let file = SourceFile(name: "fuzz.scenario", text: text)
        do {
            let parsed = try ScenarioParser.parse(fileName: "fuzz.scenario", text: text)
            let printed = parsed.statements.map(\.description).joined(separator: "\n")
            do {
                let reparsed = try ScenarioParser.parseScript(fileName: "printed", text: printed)
                #expect(
                    reparsed.map { $0.erasingSourceInfo() } == parsed.statements.map { $0.erasingSourceInfo() },
                    "printing changed the tree of:\n\(text)\nprinted:\n\(printed)")
            } catch {
                Issue.record("printed form does not parse:\n\(printed)\n\(error.rendered)\nfrom:\n\(text)")
            }
            return true
        } catch {
            for location in [error.range.start, error.range.end] {
                let lineText = file.line(location.line)
                #expect(lineText != nil, "line outside the file: \(error.rendered)\ninput:\n\(text)")
                if let lineText {
                    #expect(
                        location.column >= 1 && location.column <= lineText.count + 1,
                        "column outside the line: \(error.rendered)\ninput:\n\(text)")
                }
            }
            #expect(error.range.start <= error.range.end)
            #expect(!error.rendered.isEmpty)
            return false
        }
    }

    /// 4 × 2,500 = 10,000 inputs, from the four small corpus files.
    @Test(arguments: Array(Corpus.fuzzSeeds.indices))
    func mutatedScenariosParseOrFailInsideTheFile(corpus: Int) {
        var random = SplitMix64(seed: 0x5CE7_A210 &+ UInt64(corpus))
        var parsed = 0
        let inputs = 2_500
        let pieces = Self.pieces(Corpus.fuzzSeeds[corpus])
        for _ in 0..<inputs {
            if Self.check(Self.mutate(pieces, &random)) { parsed += 1 }
        }
        // Both outcomes must be well represented, or the fuzz is not exercising much.
        #expect(parsed > inputs / 20)
        #expect(parsed < inputs * 19 / 20)
    }

    @Test func pathologicalInputsFailCleanly() {
        let deep = String(repeating: "(", count: 100_000)
        let cases = [
            T.header + deep,
            T.header + "let x = " + String(repeating: "[", count: 5_000) + String(repeating: "]", count: 5_000),
            T.header + String(repeating: "{", count: 10_000),
            T.header + "let x = " + String(repeating: "-", count: 10_000) + "1",
            T.header + "let x = " + String(repeating: "!", count: 10_000) + "1",
            T.header + "let x = a" + String(repeating: ".b", count: 10_000),
            T.header + "let x = 1" + String(repeating: " + 1", count: 10_000),
            T.header + "let x = f" + String(repeating: "(1)", count: 10_000),
            T.header + "let f = " + String(repeating: "x => ", count: 10_000) + "1",
            "a = " + String(repeating: "[", count: 10_000) + "\n---\n",
            "a = " + String(repeating: "{ b = ", count: 10_000) + "\n---\n",
            String(repeating: "\n", count: 1000), "", "---", "\0---\n", "---\n\0",
        ]
        for text in cases { _ = Self.check(text) }
    }
}
