import Inspector
import RPCEngine
import TerminalUI

/// Helpers that drive an ``InspectorState`` the way a user would.
extension InspectorState {
    /// A state on the demo log (replay unless told otherwise) at `size`.
    static func demo(mode: PlaybackMode = .replay, size: Size = Size(width: 120, height: 32)) throws -> InspectorState {
        InspectorState(log: try makeDemoLog(), title: "demo", mode: mode, size: size)
    }

    /// Presses keys given by name (`"j"`, `"Enter"`, `"Ctrl-C"`, see `Key.init(_:)`); returns
    /// every effect they produced.
    @discardableResult
    mutating func press(_ names: String...) -> [InspectorEffect] {
        var effects: [InspectorEffect] = []
        for name in names {
            guard let key = Key(name) else { preconditionFailure("not a key: \(name)") }
            effects += update(.terminal(.key(key)))
        }
        return effects
    }

    /// Types text into whatever has the keyboard.
    @discardableResult
    mutating func type(_ text: String) -> [InspectorEffect] {
        var effects: [InspectorEffect] = []
        for c in text { effects += update(.terminal(.key(Key(typed: c)))) }
        return effects
    }

    /// The selected row's id in `pane`.
    func selected(_ pane: Pane) -> Selection? { selectedRow(of: pane)?.id }

    /// The ids of `pane`'s rows.
    func rowIDs(_ pane: Pane) -> [Selection] {
        let rows = rows(of: pane)
        return (0..<rows.count).map { rows.row($0, in: model).id }
    }

    /// The rendered screen's rows.
    func screen() -> [String] { InspectorRenderer.render(self, size: size).rows() }
}
