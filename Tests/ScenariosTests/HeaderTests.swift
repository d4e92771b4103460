import Testing

@testable import Scenarios

/// Every header key of scenario-format.md §1, read into plain data with its location.
@Suite struct HeaderTests {
    static func header(_ text: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> ScenarioHeader? {
        T.file(text + "---\n", sourceLocation: sourceLocation)?.header
    }

    @Test func aMinimalHeaderGetsTheDefaults() throws {
        let header = try #require(Self.header("[[workers]]\nname = \"main\"\n"))
        #expect(header.title == nil)
        #expect(header.description == nil)
        #expect(header.compatibilityDate == nil)
        #expect(header.compatibilityFlags == [])
        #expect(header.seed == 0)
        #expect(header.workers.count == 1)
        #expect(header.primaryWorker?.name == "main")
        #expect(header.primaryWorker?.main == nil)
        #expect(header.primaryWorker?.mainField == nil)
        #expect(header.primaryWorker?.services == [])
        #expect(header.primaryWorker?.vars == [])
        #expect(header.primaryWorker?.durableObjects == [])
        #expect(Set(header.fields.keys) == ["workers"])
    }

    @Test func topLevelKeys() throws {
        let header = try #require(
            Self.header(
                """
                title = "T"
                description = 'D'
                compatibility_date = "2024-02-29"
                compatibility_flags = ["rpc_params_transfer_stubs", "legacy_error_serialization"]
                seed = -42
                [[workers]]
                name = "main"

                """))
        #expect(header.title == "T")
        #expect(header.description == "D")
        #expect(header.compatibilityDate == CompatibilityDate(year: 2024, month: 2, day: 29))
        #expect(header.compatibilityDate?.description == "2024-02-29")
        #expect(header.compatibilityFlags == ["rpc_params_transfer_stubs", "legacy_error_serialization"])
        #expect(header.compatibilityFlagRanges == [T.range(4, 24, 4, 51), T.range(4, 53, 4, 81)])
        #expect(header.seed == -42)
        #expect(header.fields["title"] == HeaderField(key: T.range(1, 1, 1, 6), value: T.range(1, 9, 1, 12)))
        #expect(header.fields["seed"] == HeaderField(key: T.range(5, 1, 5, 5), value: T.range(5, 8, 5, 11)))
        #expect(header.fields["workers"]?.key == T.range(6, 3, 6, 10))
    }

    @Test func aTOMLDateIsAcceptedAsCompatibilityDate() throws {
        let header = try #require(Self.header("compatibility_date = 2026-05-01\n[[workers]]\nname = \"main\"\n"))
        #expect(header.compatibilityDate?.description == "2026-05-01")
    }

    @Test func workersAndTheirLocations() throws {
        let header = try #require(Self.header(Corpus.counterClosureHeader))
        #expect(header.workers.map(\.name) == ["client_worker", "counter-service"])
        #expect(header.workers.map(\.main) == [nil, "counterService"])
        let client = header.workers[0]
        #expect(client.range == T.range(6, 1, 6, 12))
        #expect(client.nameField == HeaderField(key: T.range(7, 1, 7, 5), value: T.range(7, 8, 7, 23)))
        #expect(
            client.services == [
                ServiceBindingDecl(
                    binding: "COUNTER_SERVICE", service: "counter-service", entrypoint: nil, props: nil,
                    range: T.range(8, 13, 8, 73),
                    bindingField: HeaderField(key: T.range(8, 15, 8, 22), value: T.range(8, 25, 8, 42)),
                    serviceField: HeaderField(key: T.range(8, 44, 8, 51), value: T.range(8, 54, 8, 71)))
            ])
        #expect(header.workers[1].mainField == HeaderField(key: T.range(12, 1, 12, 5), value: T.range(12, 8, 12, 24)))
        #expect(header.worker(named: "counter-service")?.range == T.range(10, 1, 10, 12))
        #expect(header.worker(named: "nope") == nil)
    }

    @Test func servicesWithEntrypointAndProps() throws {
        let header = try #require(Self.header(Corpus.toolkitHeader))
        let main = try #require(header.primaryWorker)
        #expect(main.services.map(\.binding) == ["T", "C"])
        #expect(main.services.map(\.service) == ["toolkit", "counters"])
        #expect(main.services.map(\.entrypoint) == ["Toolkit", nil])
        #expect(main.services[0].props == .table([.init(key: "user", value: .string("ada")), .init(key: "level", value: .integer(3))]))
        #expect(main.services[0].props?.description == "{\"user\": \"ada\", \"level\": 3}")
        #expect(main.services[1].props == nil)
        #expect(main.services[0].entrypointField?.value == T.range(8, 54, 8, 63))
        #expect(main.services[0].propsField?.key == T.range(8, 65, 8, 70))
    }

    @Test func varsKeepDeclarationOrderAndTypes() throws {
        let header = try #require(Self.header(Corpus.toolkitHeader))
        let vars = try #require(header.primaryWorker?.vars)
        #expect(vars.map(\.name) == ["GREETING", "LIMIT", "RATIO", "ENABLED", "TAGS"])
        #expect(
            vars.map(\.value) == [
                .string("Hello, "), .integer(3), .double(0.5), .bool(true), .array([.string("a"), .string("b")]),
            ])
        #expect(vars[1].field == HeaderField(key: T.range(15, 1, 15, 6), value: T.range(15, 9, 15, 10)))
        #expect(header.primaryWorker?.variable("RATIO") == .double(0.5))
        #expect(header.primaryWorker?.variable("NOPE") == nil)
    }

    @Test func durableObjectBindings() throws {
        let header = try #require(Self.header(Corpus.toolkitHeader))
        let objects = try #require(header.primaryWorker?.durableObjects)
        #expect(objects.count == 1)
        #expect(objects[0].name == "COUNTERS")
        #expect(objects[0].className == "CounterObject")
        #expect(objects[0].scriptName == "counters")
        #expect(objects[0].nameField.value == T.range(11, 38, 11, 48))
        #expect(objects[0].scriptNameField?.value == T.range(11, 94, 11, 104))
    }

    @Test func everyTOMLSpellingOfTheSameHeaderGivesTheSameData() throws {
        let spellings = [
            """
            [[workers]]
            name = "main"
            services = [{ binding = "S", service = "other" }]
            vars = { B = 1, A = "x" }
            durable_objects = { bindings = [{ name = "D", class_name = "C" }] }
            [[workers]]
            name = "other"
            main = "toolkit"

            """,
            """
            [[workers]]
            name = "main"
            vars.B = 1
            vars.A = "x"
            [[workers.services]]
            binding = "S"
            service = "other"
            [[workers.durable_objects.bindings]]
            name = "D"
            class_name = "C"
            [[workers]]
            name = "other"
            main = "toolkit"

            """,
            """
            workers = [
              { name = "main", services = [{ binding = "S", service = "other" }], vars = { B = 1, A = "x" }, durable_objects = { bindings = [{ name = "D", class_name = "C" }] } },
              { name = "other", main = "toolkit" },
            ]

            """,
            """
            [[workers]]
            name = "main"
            services = [{ binding = "S", service = "other" }]
            [workers.vars]
            B = 1
            "A" = 'x'
            [workers.durable_objects]
            bindings = [{ name = "D", class_name = "C" }]
            [[workers]]
            name = "other"
            main = "toolkit"

            """,
        ]
        var shapes: [String] = []
        for text in spellings {
            let header = try #require(Self.header(text))
            let main = header.workers[0]
            shapes.append(
                "\(header.workers.map(\.name)) \(header.workers.map(\.main)) "
                    + "\(main.services.map { "\($0.binding)->\($0.service)" }) \(main.vars.map { "\($0.name)=\($0.value)" }) "
                    + "\(main.durableObjects.map { "\($0.name):\($0.className):\(String(describing: $0.scriptName))" })")
        }
        #expect(shapes.allSatisfy { $0 == shapes[0] }, "\(shapes)")
        #expect(shapes[0] == "[\"main\", \"other\"] [nil, Optional(\"toolkit\")] [\"S->other\"] [\"B=1\", \"A=\\\"x\\\"\"] [\"D:C:nil\"]")
    }

    @Test func keysOfInlineArrayWorkersAreLocated() throws {
        let header = try #require(Self.header("workers = [{ name = \"a\" }, { name = \"b\", main = \"m\" }]\n"))
        #expect(header.workers[1].range == T.range(1, 28, 1, 54))
        #expect(header.workers[1].nameField == HeaderField(key: T.range(1, 30, 1, 34), value: T.range(1, 37, 1, 40)))
        #expect(header.workers[1].mainField?.value == T.range(1, 49, 1, 52))
    }

    @Test func tomlDatesAndNestedValuesInVars() throws {
        let header = try #require(
            Self.header(
                "[[workers]]\nname = \"main\"\n[workers.vars]\nWHEN = 1979-05-27\nAT = 07:32:00\n"
                    + "NESTED = { z = [1, { y = true }], a = -1.5 }\n"))
        #expect(
            header.primaryWorker?.vars.map(\.value) == [
                .string("1979-05-27"), .string("07:32:00"),
                .table([
                    .init(key: "z", value: .array([.integer(1), .table([.init(key: "y", value: .bool(true))])])),
                    .init(key: "a", value: .double(-1.5)),
                ]),
            ])
    }

    @Test func compatibilityDates() {
        #expect(CompatibilityDate("2026-05-01")?.description == "2026-05-01")
        #expect(CompatibilityDate("2024-02-29") != nil)
        #expect(CompatibilityDate("2023-02-29") == nil)
        #expect(CompatibilityDate("1900-02-29") == nil)
        #expect(CompatibilityDate("2000-02-29") != nil)
        #expect(CompatibilityDate("2026-04-31") == nil)
        #expect(CompatibilityDate("2026-5-01") == nil)
        #expect(CompatibilityDate("2026-05-01 ") == nil)
        #expect(CompatibilityDate("２０２６-05-01") == nil)
        #expect(CompatibilityDate(year: 0, month: 1, day: 1) == nil)
        #expect(CompatibilityDate(year: 7, month: 1, day: 2)?.description == "0007-01-02")
        #expect(CompatibilityDate("2024-03-01")! > CompatibilityDate("2024-02-29")!)
    }
}
