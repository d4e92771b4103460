import RPCEngine
import TerminalUI

extension InspectorState {
    /// Keys while the console has focus: its keymap first, everything else edits the line.
    mutating func handleConsole(_ key: Key) -> [InspectorEffect] {
        switch InspectorKeymap.console.action(for: key) {
        case .submit?:
            return submit()
        case .complete?:
            let model = timeline.head
            let names = definedNames
            console.input.complete { ConsoleCompletion.candidates(for: $0, model: model, names: names) }
        case .historyPrevious?:
            console.input.historyPrevious()
        case .historyNext?:
            console.input.historyNext()
        case .back?:
            consoleFocused = false
        case .quit?:
            return perform(.quit)
        default:
            _ = console.input.handle(key)
        }
        return []
    }

    /// Names the console's own lines declared (`let x =`, `const x =`, `using x =`).
    var definedNames: [String] {
        var names: [String] = []
        for line in console.input.history {
            let words = line.split(separator: " ", maxSplits: 2)
            guard words.count == 3, ["let", "const", "using", "var"].contains(words[0]) else { continue }
            let name = words[1].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "$" }
            if !name.isEmpty && !names.contains(String(name)) { names.append(String(name)) }
        }
        return names
    }

    /// Enter in the console: a `:command`, or a statement for the host to run.
    private mutating func submit() -> [InspectorEffect] {
        let line = console.input.submit()
        guard !line.allSatisfy({ $0 == " " }) else { return [] }
        let command: ConsoleCommand?
        do {
            command = try ConsoleCommand.parse(line)
        } catch {
            console.record(line, output: .error(error.message), isCommand: true)
            return []
        }
        guard let command else {
            console.record(line, output: .running)
            goLive()
            return [.runConsole(line)]
        }
        switch command {
        case .save(let path):
            console.record(line, output: .running, isCommand: true)
            return [.save(path: path)]
        case .load(let path):
            console.record(line, output: .running, isCommand: true)
            return [.load(path: path)]
        case .exportPerfetto(let path):
            console.record(line, output: .running, isCommand: true)
            return [.exportPerfetto(path: path)]
        case .newRequest:
            console.record(line, output: .running, isCommand: true)
            goLive()
            return [.newRequest]
        case .quit:
            return perform(.quit)
        case .help:
            console.record(line, output: .done, isCommand: true)
            showHelp = true
            helpScroll = ScrollState()
            return []
        }
    }

    /// Something is about to change the runtime: show it as it happens.
    private mutating func goLive() {
        mode = .live
        playing = false
        following = true
        setCursor(timeline.known)
    }

    /// Takes in what the host reports after an effect.
    mutating func apply(_ result: EffectResult) {
        switch result {
        case .console(let output):
            console.resolve(output, isCommand: false)
        case .done(let text):
            console.resolve(.value(text), isCommand: true)
            message = StatusMessage(text)
        case .failed(let text):
            console.resolve(.error(text), isCommand: true)
            message = StatusMessage(text, isError: true)
        }
    }

    /// Enter on a method in the Workers pane: `await env.BINDING.method(` through a binding of the
    /// primary worker that reaches that export.
    mutating func prefillMethod(worker: String, export: String, member: String) {
        let model = timeline.head
        guard let primary = model.primaryWorker,
            let target = model.worker(named: worker)?.declaration.exports.first(where: { $0.name == export }),
            let binding = primary.declaration.bindings.first(where: {
                $0.service == worker && ($0.entrypoint == export || ($0.entrypoint == nil && target.isDefault))
            })
        else {
            message = StatusMessage("no binding of the primary worker reaches \(worker).\(export)", isError: true)
            return
        }
        let getter = target.members.first { $0.name == member }?.isGetter ?? false
        console.input.text = "await env.\(binding.binding).\(member)" + (getter ? "" : "(")
        consoleFocused = true
    }

    /// `c` on a stub: `await stub4(` for a function, `await stub4.` for anything else. The host's
    /// console resolves `stubN` names (see ``InspectorHost``).
    mutating func prefillCall() {
        guard focus == .stubs, case .stub(let id)? = selectedRow(of: .stubs)?.id,
            let stub = timeline.head.stub(id)
        else { return }
        guard stub.isLive else {
            message = StatusMessage("\(id) is disposed; calls on it would fail", isError: true)
            return
        }
        console.input.text = "await \(id)" + (stub.created.kind == .function ? "(" : ".")
        consoleFocused = true
    }
}
