import Inspector
import TerminalUI
import Testing

/// One keymap table drives handling and help; no two bindings collide in a scope, and the
/// scopes that are active together share no key.
@Suite struct KeymapTests {
    @Test(arguments: KeyScope.allCases)
    func noScopeHasConflicts(_ scope: KeyScope) {
        #expect(InspectorKeymap.keymap(for: scope).conflicts.isEmpty)
    }

    @Test func scopesActiveTogetherShareNoKey() {
        let together: [KeyScope] = [.global, .lists, .replay]
        for (i, a) in together.enumerated() {
            for b in together[(i + 1)...] {
                #expect(InspectorKeymap.keymap(for: a).sharedKeys(with: InspectorKeymap.keymap(for: b)).isEmpty, "\(a) and \(b)")
            }
        }
        for pane in [KeyScope.calls, .stubs] {
            for other in together {
                #expect(InspectorKeymap.keymap(for: pane).sharedKeys(with: InspectorKeymap.keymap(for: other)).isEmpty, "\(pane) and \(other)")
            }
        }
        // The workers scope only documents Enter, with the same action lists give it.
        #expect(InspectorKeymap.workers.sharedKeys(with: InspectorKeymap.lists) == [.enter])
        #expect(InspectorKeymap.workers.action(for: .enter) == InspectorKeymap.lists.action(for: .enter))
    }

    @Test func everyKeyOfTheSpecificationIsBound() {
        let expected: [(String, InspectorAction)] = [
            ("?", .help), ("q", .quit), ("Ctrl-C", .quit), ("Esc", .back), ("Tab", .nextPane), ("Shift-Tab", .previousPane),
            ("1", .focus(.workers)), ("2", .focus(.calls)), ("3", .focus(.stubs)), ("4", .focus(.tasks)),
            ("5", .focus(.details)), ("6", .focus(.events)), ("i", .console), (":", .command), ("/", .filter),
            ("z", .zoom), ("p", .pause), ("F", .follow), ("Ctrl-L", .redraw),
            ("j", .move(.down)), ("k", .move(.up)), ("↓", .move(.down)), ("↑", .move(.up)), ("g", .move(.first)),
            ("G", .move(.last)), ("PgUp", .move(.pageUp)), ("PgDn", .move(.pageDown)), ("h", .collapse), ("l", .expand),
            ("←", .collapse), ("→", .expand), ("Enter", .inspect),
            (".", .stepForward), (",", .stepBack), ("Space", .play), ("<", .slower), (">", .faster), ("R", .restart),
        ]
        for (name, action) in expected {
            #expect(InspectorKeymap.action(for: Key(name)!, in: .events) == action, "\(name)")
        }
        #expect(InspectorKeymap.action(for: Key("d")!, in: .stubs) == .disposeStub)
        #expect(InspectorKeymap.action(for: Key("D")!, in: .stubs) == .dupStub)
        #expect(InspectorKeymap.action(for: Key("c")!, in: .stubs) == .callStub)
        #expect(InspectorKeymap.action(for: Key("t")!, in: .calls) == .toggleTimeline)
        #expect(InspectorKeymap.action(for: Key("d")!, in: .calls) == nil)
        #expect(InspectorKeymap.action(for: Key("t")!, in: .stubs) == nil)
        #expect(InspectorKeymap.console.action(for: .tab) == .complete)
        #expect(InspectorKeymap.console.action(for: .enter) == .submit)
    }

    @Test func helpListsEveryBindingOfEveryScope() {
        let text = HelpScreen.lines().map(\.text)
        for scope in KeyScope.allCases {
            #expect(text.contains(scope.title))
            for entry in InspectorKeymap.keymap(for: scope).helpEntries {
                #expect(text.contains { $0.hasPrefix("  " + entry.keys) && $0.hasSuffix(entry.help) }, "\(scope): \(entry.keys)")
            }
        }
        #expect(text.contains { $0.contains("q/Ctrl-C") && $0.hasSuffix("quit") })
    }
}
