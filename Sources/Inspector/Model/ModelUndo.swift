import RPCEngine

/// What it takes to undo one folded event: the model's seq and clock before it, and the few
/// positions the event touched.
///
/// Folding an event returns one of these; applying them in reverse order takes the model back
/// event by event, so stepping the time cursor back costs as little as stepping it forward. An
/// entry is valid for *any* model at the event's seq, since the fold is deterministic.
public struct ModelUndo: Sendable {
    /// The event changed nothing but the seq and clock (an unknown id, a repeat).
    enum Change: Sendable {
        case none
        case worker
        case contextBegan(worker: Int?, openedBy: Int?, previousOpened: ContextID?, previousCallee: ContextID?)
        case contextEnded(context: Int, worker: Int?, livePosition: Int?, broken: [Int])
        case callStarted(parent: Int?, ancestors: [Int], root: Int?, pipelinedOn: Int?, caller: Int?, callee: Int?)
        case callSettled(call: Int, broken: [Int], callee: Int?, caller: Int?)
        case stubCreated(original: Int?, call: Int?, promise: Bool, holder: Int?, host: Int?)
        case stubDisposed(stub: Int, call: Int?)
        case targetDisposed(stub: Int, previous: Int?)
        case taskAdded(context: Int?, worker: Int?)
        case taskSettled(task: Int, worker: Int?)
        case message(SessionID)
        case log(previous: Int?, warned: Bool, context: Int?)
        case step(previous: StepMark?)
    }

    let seq: Int
    let time: Int
    let change: Change
}
