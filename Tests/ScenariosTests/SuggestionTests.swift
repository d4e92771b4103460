import Testing

@testable import Scenarios

/// "Did you mean" hints come from an edit distance that counts a swap of neighbours as one edit.
@Suite struct SuggestionTests {
    @Test(arguments: [
        ("", "", 0), ("abc", "", 3), ("", "ab", 2), ("main", "main", 0), ("mian", "main", 1), ("titel", "title", 1),
        ("kitten", "sitting", 3), ("ca", "abc", 3), ("bindng", "binding", 1), ("Date", "date", 1),
    ])
    func editDistance(a: String, b: String, distance: Int) {
        #expect(Suggestion.editDistance(a, b) == distance)
        #expect(Suggestion.editDistance(b, a) == distance)
    }

    @Test func closestCandidateWithinALengthDependentLimit() {
        let keys = ["name", "main", "services", "vars", "durable_objects"]
        #expect(Suggestion.closest(to: "mian", among: keys) == "main")
        #expect(Suggestion.closest(to: "nme", among: keys) == "name")
        #expect(Suggestion.closest(to: "srvices", among: keys) == "services")
        #expect(Suggestion.closest(to: "xyz", among: keys) == nil)
        #expect(Suggestion.closest(to: "MAIN", among: keys) == "main")  // case does not count
        #expect(Suggestion.closest(to: "nain", among: keys) == "main")
        #expect(Suggestion.closest(to: "vars3", among: ["vars1", "vars2"]) == "vars1")  // ties: the first
        #expect(Suggestion.hint(for: "zz", among: ["a", "b"], listIntro: "one of ") == "one of a, b")
        #expect(Suggestion.hint(for: "bb", among: ["a", "b"], listIntro: "one of ") == "did you mean 'b'?")
    }
}
