import Testing

@testable import Scenarios

/// Header errors (scenario-format.md §1): bad TOML, unknown keys, wrong types, missing and
/// duplicate names, references to undeclared workers. Each exact in message, range and hint.
@Suite struct HeaderErrorTests {
    /// One bad header (the test appends the `---` line) and the diagnostic it must produce.
    struct E: CustomTestStringConvertible, Sendable {
        let header: String
        let range: SourceRange
        let message: String
        let hint: String?

        init(_ header: String, _ l1: Int, _ c1: Int, _ l2: Int, _ c2: Int, _ message: String, _ hint: String?) {
            self.header = header
            self.range = T.range(l1, c1, l2, c2)
            self.message = message
            self.hint = hint
        }

        var testDescription: String { header.debugDescription }
    }

    static let cases: [E] = [
        E("title = \n[[workers]]\nname = \"main\"\n", 1, 9, 1, 9, "invalid TOML: Error while parsing key-value pair: expected value, saw '\\n'",
          "the header above '---' is TOML: key = \"value\" lines and [[workers]] tables"),
        E("title = \"a\"\ntitle = \"b\"\n[[workers]]\nname = \"main\"\n", 2, 9, 2, 9, "invalid TOML: Error while parsing key-value pair: cannot redefine existing string 'title'",
          "the header above '---' is TOML: key = \"value\" lines and [[workers]] tables"),
        E("[[[1]]]\n[[workers]]\nname = \"main\"\n", 1, 3, 1, 4, "invalid TOML: expected a table name after '['",
          "table headers look like [[workers]] or [workers.vars]"),
        E("a = [}\n[[workers]]\nname = \"main\"\n", 1, 6, 1, 7, "invalid TOML: expected a value or ']' in the array",
          "separate array elements with ',' and close the array with ']'"),
        E("[[workers]]\nname = \"main\"\nx = [1,\n}]\n", 4, 1, 4, 2, "invalid TOML: expected a value or ']' in the array",
          "separate array elements with ',' and close the array with ']'"),
        E("ti\0tle = 1\n[[workers]]\nname = \"main\"\n", 1, 3, 1, 4, "the header contains a NUL character (U+0000)",
          "remove it; TOML text cannot contain it"),
        E("titel = \"x\"\n[[workers]]\nname = \"main\"\n", 1, 1, 1, 6, "unknown key 'titel'",
          "did you mean 'title'?"),
        E("colour = 1\n[[workers]]\nname = \"main\"\n", 1, 1, 1, 7, "unknown key 'colour'",
          "the keys allowed here are title, description, compatibility_date, compatibility_flags, seed, workers"),
        E("[[workers]]\nname = \"main\"\nmian = \"x\"\n", 3, 1, 3, 5, "unknown key 'mian' in worker 'main'",
          "did you mean 'main'?"),
        E("[[workers]]\nname = \"main\"\nroutes = []\n", 3, 1, 3, 7, "unknown key 'routes' in worker 'main'",
          "the keys allowed here are name, main, services, vars, durable_objects"),
        E("[[workers]]\nname = \"main\"\nservices = [{ bindng = \"A\", service = \"main\" }]\n", 3, 15, 3, 21, "unknown key 'bindng' in a service binding of worker 'main'",
          "did you mean 'binding'?"),
        E("[[workers]]\nname = \"main\"\ndurable_objects.bindings = [{ name = \"D\", clas_name = \"C\" }]\n", 3, 43, 3, 52, "unknown key 'clas_name' in a Durable Object binding of worker 'main'",
          "did you mean 'class_name'?"),
        E("[[workers]]\nname = \"main\"\ndurable_objects.binding = []\n", 3, 17, 3, 24, "unknown key 'binding' in durable_objects of worker 'main'",
          "did you mean 'bindings'?"),
        E("title = 1\n[[workers]]\nname = \"main\"\n", 1, 9, 1, 10, "'title' must be a string, not an integer",
          nil),
        E("seed = \"1\"\n[[workers]]\nname = \"main\"\n", 1, 8, 1, 11, "'seed' must be an integer, not a string",
          nil),
        E("seed = 1.5\n[[workers]]\nname = \"main\"\n", 1, 8, 1, 11, "'seed' must be an integer, not a floating-point number",
          nil),
        E("compatibility_flags = \"x\"\n[[workers]]\nname = \"main\"\n", 1, 23, 1, 26, "'compatibility_flags' must be an array of strings, not a string",
          nil),
        E("compatibility_flags = [\"a\", 2]\n[[workers]]\nname = \"main\"\n", 1, 29, 1, 30, "each compatibility flag must be a string, not an integer",
          "for example: [\"rpc_params_transfer_stubs\"]"),
        E("[workers]\nname = \"a\"\n", 1, 2, 1, 9, "'workers' must be an array of tables, not a table",
          "for example: [[workers]] then name = \"main\""),
        E("workers = [1]\n", 1, 12, 1, 13, "each entry of 'workers' must be a table, not an integer",
          "for example: [[workers]] then name = \"main\""),
        E("[[workers]]\nname = \"main\"\nservices = \"S\"\n", 3, 12, 3, 15, "'services' must be an array of tables, not a string",
          "for example: services = [{ binding = \"S\", service = \"other-worker\" }]"),
        E("[[workers]]\nname = \"main\"\nservices = [\"S\"]\n", 3, 13, 3, 16, "each entry of 'services' must be a table, not a string",
          "for example: services = [{ binding = \"S\", service = \"other-worker\" }]"),
        E("[[workers]]\nname = \"main\"\nvars = 1\n", 3, 8, 3, 9, "'vars' must be a table ([workers.vars] or vars = { NAME = \"value\" }), not an integer",
          nil),
        E("[[workers]]\nname = \"main\"\ndurable_objects = 1\n", 3, 19, 3, 20, "'durable_objects' must be a table with a 'bindings' array, not an integer",
          nil),
        E("[[workers]]\nname = \"main\"\ndurable_objects.bindings = {}\n", 3, 28, 3, 30, "'bindings' must be an array of tables, not a table",
          "for example: durable_objects.bindings = [{ name = \"COUNTERS\", class_name = \"CounterObject\" }]"),
        E("[[workers]]\nname = \"main\"\nservices = [{ binding = \"A\", service = \"main\", props = 1 }]\n", 3, 56, 3, 57, "'props' must be a table, not an integer",
          nil),
        E("[[workers]]\nname = 1\n", 2, 8, 2, 9, "'name' must be a string, not an integer",
          nil),
        E("[[workers]]\nname = \"main\"\nmain = 1\n", 3, 8, 3, 9, "'main' must be a string, not an integer",
          nil),
        E("compatibility_date = \"2026-13-01\"\n[[workers]]\nname = \"main\"\n", 1, 22, 1, 34, "'compatibility_date' is not a valid date: \"2026-13-01\"",
          "write it as YYYY-MM-DD, for example compatibility_date = \"2026-05-01\""),
        E("compatibility_date = \"2026-02-29\"\n[[workers]]\nname = \"main\"\n", 1, 22, 1, 34, "'compatibility_date' is not a valid date: \"2026-02-29\"",
          "write it as YYYY-MM-DD, for example compatibility_date = \"2026-05-01\""),
        E("compatibility_date = \"May 1\"\n[[workers]]\nname = \"main\"\n", 1, 22, 1, 29, "'compatibility_date' is not a valid date: \"May 1\"",
          "write it as YYYY-MM-DD, for example compatibility_date = \"2026-05-01\""),
        E("compatibility_date = 20260501\n[[workers]]\nname = \"main\"\n", 1, 22, 1, 30, "'compatibility_date' must be a date string, not an integer",
          "write it as YYYY-MM-DD, for example compatibility_date = \"2026-05-01\""),
        E("compatibility_date = 2026-05-01T10:00:00\n[[workers]]\nname = \"main\"\n", 1, 22, 1, 41, "'compatibility_date' must be a date string, not a date-time",
          "write it as YYYY-MM-DD, for example compatibility_date = \"2026-05-01\""),
        E("title = \"x\"\n", 1, 1, 1, 1, "the header declares no workers",
          "add a [[workers]] table with a name; the first worker runs the script"),
        E("workers = []\n", 1, 11, 1, 13, "the header declares no workers",
          "add a [[workers]] table with a name; the first worker runs the script"),
        E("[[workers]]\nmain = \"x\"\n", 1, 1, 1, 12, "worker #1 has no 'name'",
          "add name = \"...\" to this [[workers]] table; other workers bind to it by that name"),
        E("[[workers]]\nname = \"\"\n", 2, 8, 2, 10, "'name' must not be empty",
          "give the worker a name such as \"main\""),
        E("[[workers]]\nname = \"main\"\nmain = \"\"\n", 3, 8, 3, 10, "'main' must not be empty",
          "name a module of the catalogue, such as \"toolkit\""),
        E("[[workers]]\nname = \"main\"\n[[workers]]\nname = \"b\"\n", 3, 1, 3, 12, "worker 'b' has no 'main'",
          "only the first (primary) worker may omit main: its code is the script"),
        E("[[workers]]\nname = \"main\"\n[[workers]]\nname = \"main\"\nmain = \"m\"\n", 4, 8, 4, 14, "duplicate worker name 'main'",
          "'main' is already declared at 2:8"),
        E("[[workers]]\nname = \"main\"\nservices = [{ binding = \"A\", service = \"main\" }]\n[workers.vars]\nA = 1\n", 5, 1, 5, 2, "duplicate binding name 'A' in worker 'main'",
          "'A' is already bound at 3:25; each env binding needs its own name"),
        E("[[workers]]\nname = \"main\"\nvars = { A = 1, B = 2 }\ndurable_objects.bindings = [{ name = \"B\", class_name = \"C\" }]\n", 4, 38, 4, 41, "duplicate binding name 'B' in worker 'main'",
          "'B' is already bound at 3:17; each env binding needs its own name"),
        E("[[workers]]\nname = \"main\"\nservices = [{ binding = \"A\", service = \"counter\" }]\n[[workers]]\nname = \"counters\"\nmain = \"x\"\n", 3, 40, 3, 49, "service binding 'A' names 'counter', which is not a declared worker",
          "did you mean 'counters'?"),
        E("[[workers]]\nname = \"main\"\nservices = [{ binding = \"A\", service = \"zzz\" }]\n[[workers]]\nname = \"counters\"\nmain = \"x\"\n", 3, 40, 3, 45, "service binding 'A' names 'zzz', which is not a declared worker",
          "the declared workers are main, counters"),
        E("[[workers]]\nname = \"main\"\ndurable_objects.bindings = [{ name = \"D\", class_name = \"C\", script_name = \"other\" }]\n", 3, 75, 3, 82, "Durable Object binding 'D' names script 'other', which is not a declared worker",
          "the declared workers are main"),
        E("[[workers]]\nname = \"main\"\nservices = [{ service = \"main\" }]\n", 3, 13, 3, 33, "service binding #1 of worker 'main' has no 'binding'",
          "add binding = \"NAME\": the name the code uses as env.NAME"),
        E("[[workers]]\nname = \"main\"\nservices = [{ binding = \"A\" }]\n", 3, 13, 3, 30, "service binding #1 of worker 'main' has no 'service'",
          "add service = \"worker-name\": the worker it reaches"),
        E("[[workers]]\nname = \"main\"\ndurable_objects.bindings = [{ class_name = \"C\" }]\n", 3, 29, 3, 49, "Durable Object binding #1 of worker 'main' has no 'name'",
          "add name = \"NAME\": the name the code uses as env.NAME"),
        E("[[workers]]\nname = \"main\"\ndurable_objects.bindings = [{ name = \"D\" }]\n", 3, 29, 3, 43, "Durable Object binding #1 of worker 'main' has no 'class_name'",
          "add class_name = \"ClassName\": the Durable Object class the module exports"),
        E("[[workers]]\nname = \"main\"\nservices = [{ binding = \"my-svc\", service = \"main\" }]\n", 3, 25, 3, 33, "'my-svc' is not a valid binding name",
          "scripts reach bindings as env.NAME: use letters, digits, '_' and '$', not starting with a digit"),
        E("[[workers]]\nname = \"main\"\n[workers.vars]\n\"API KEY\" = 1\n", 4, 1, 4, 10, "'API KEY' is not a valid binding name",
          "scripts reach bindings as env.NAME: use letters, digits, '_' and '$', not starting with a digit"),
        E("[[workers]]\nname = \"main\"\nservices = [{ binding = \"A\", service = \"main\", entrypoint = \"\" }]\n", 3, 61, 3, 63, "'entrypoint' must not be empty",
          "name an export of the module, or leave entrypoint out for the default export"),
        E("[[workers]]\nname = \"a\"\n[[workers]]\nname = \"b\"\nmain = \"m\"\n[[workers]]\nname = \"c\"\n", 6, 1, 6, 12, "worker 'c' has no 'main'",
          "only the first (primary) worker may omit main: its code is the script"),
    ]

    @Test(arguments: cases)
    func diagnostic(_ expected: E) {
        let d = T.fileError(expected.header + "---\nlog 1\n")
        #expect(d?.message == expected.message)
        #expect(d?.range == expected.range)
        #expect(d?.hint == expected.hint)
        #expect(d?.fileName == "x.scenario")
    }

    @Test func aHeaderErrorRendersWithItsLine() {
        let d = T.fileError("[[workers]]\nname = \"main\"\nmian = \"toolkit\"\n---\n")
        #expect(
            d?.rendered == """
                x.scenario:3:1: error: unknown key 'mian' in worker 'main'
                    3 | mian = "toolkit"
                      | ^~~~
                hint: did you mean 'main'?
                """)
    }

    @Test func theUnsafeSpotCheckDoesNotHideAnEarlierTOMLError() {
        // toml++ must report the error on line 1 itself, although line 2 holds an unsafe header.
        let d = T.fileError("a = \n[=]\n[[workers]]\nname = \"main\"\n---\n")
        #expect(T.brief(d) == "1:5 invalid TOML: Error while parsing key-value pair: expected value, saw '\\n'")
    }

    @Test func tomlColumnsAreConvertedFromCodePointsToCharacters() {
        // "e\u{301}" is two code points but one Character: toml++ says column 16, we say 14.
        let d = T.fileError("title = \"e\u{301}e\u{301}\" x\n[[workers]]\nname = \"a\"\n---\n")
        #expect(T.brief(d) == "1:14 invalid TOML: Error while parsing key-value pair: expected a comment or whitespace, saw 'x'")
    }

    @Test func crlfHeadersAreLocatedLikeLFHeaders() {
        let d = T.fileError("[[workers]]\r\nname = \"a\"\r\nmian = 1\r\n---\r\n")
        #expect(d?.range == T.range(3, 1, 3, 5))
        #expect(d?.sourceLine == "mian = 1")
    }
}
