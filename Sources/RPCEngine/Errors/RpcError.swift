/// An error as JavaScript code on the other side of an RPC would see it.
///
/// Errors thrown by worker code, refused values and misuse all surface as `RpcError`, carrying
/// the JavaScript `name` (`TypeError`, `RangeError`, `DataCloneError`, ...) and the exact
/// `message` Workers uses, so scenarios and users see what Workers users see (§7).
public struct RpcError: Error, Sendable, Equatable, CustomStringConvertible {
    /// `Error`, `TypeError`, `RangeError`, `DataCloneError`, or a custom name.
    public var name: String
    public var message: String
    /// True when the error crossed an RPC boundary (§7.2).
    public var remote: Bool
    /// Own properties (`code`, `cause`, ...). Kept across RPC under
    /// `enhanced_error_serialization`, dropped under the legacy rules.
    public var properties: RpcObject
    /// Set on errors from Durable Object calls (§8.5).
    public var durableObjectId: String?
    /// Where in a value a serialization error was found (`args[1].user.session`): Workers does
    /// not say this; Switchboard adds it to the message and keeps it here.
    public var path: String?

    public init(
        name: String = "Error", message: String, remote: Bool = false, properties: RpcObject = RpcObject(),
        durableObjectId: String? = nil, path: String? = nil
    ) {
        self.name = name
        self.message = message
        self.remote = remote
        self.properties = properties
        self.durableObjectId = durableObjectId
        self.path = path
    }

    public var description: String { "\(name): \(message)" }

    public static func typeError(_ message: String) -> RpcError { RpcError(name: "TypeError", message: message) }
    public static func rangeError(_ message: String) -> RpcError { RpcError(name: "RangeError", message: message) }
    public static func error(_ message: String) -> RpcError { RpcError(name: "Error", message: message) }

    /// `DataCloneError` for a value that cannot be serialized, naming where it was found.
    public static func dataClone(_ message: String, at path: String?) -> RpcError {
        RpcError(
            name: "DataCloneError", message: path.map { "\(message) (at \($0))" } ?? message, path: path)
    }

    /// Converts anything a worker throws into the error the caller receives: an `RpcError`
    /// stays itself; any other Swift error becomes `Error` with its description as the message
    /// (as workerd turns a thrown non-Error value into `Error: String(value)`, §7.1).
    public static func from(_ error: any Error) -> RpcError {
        if let e = error as? RpcError { return e }
        if error is CancellationError {
            return RpcError(message: "The operation was canceled.")
        }
        return RpcError(message: String(describing: error))
    }
}

extension RpcError {
    /// The exact messages of the semantics, in one place so tests and code agree.
    public enum Message {
        public static func notImplemented(_ segment: String) -> String {
            "The RPC receiver does not implement the method \"\(segment)\"."
        }
        public static func reserved(_ name: String) -> String {
            "'\(name)' is a reserved method and cannot be called over RPC."
        }
        public static func notAFunction(_ path: [String]) -> String {
            "\"\(path.joined(separator: "."))\" is not a function."
        }
        public static func cannotSerialize(_ type: String) -> String {
            "Could not serialize object of type \"\(type)\". This type does not support serialization."
        }
        public static func tooLarge(_ bytes: Int) -> String {
            "Serialized RPC arguments or return values are limited to 32MiB, but the size of this value was: \(bytes) bytes."
        }
        public static let usedAfterDispose = "RPC stub used after being disposed."
        public static let promiseUsedAfterDispose = "RPC promise used after being disposed."
        public static let pathTooDeep = "RPC pipelined property path is too deep (max 64)."
        public static let cannotPipelineNonObject = "Can't pipeline on RPC that did not return an object."
        public static let contextGone = "The execution context which hosts this callback is no longer running."
        public static let aborted = "Worker execution was aborted due to call to ctx.abort()."
        public static let hung =
            "The Workers runtime canceled this request because it detected that your Worker's code had hung and would never generate a response. Refer to: https://developers.cloudflare.com/workers/observability/errors/"
        public static let waitUntilCancelled =
            "waitUntil() tasks did not complete within the allowed time after invocation end and have been cancelled. See: https://developers.cloudflare.com/workers/runtime-apis/context/#waituntil"
        public static let stubNotDisposed =
            "An RPC stub was not disposed properly. You must call dispose() on all stubs in order to let the other side know that you are no longer using them. You cannot rely on the garbage collector for this because it may take arbitrarily long before actually collecting unreachable objects. As a shortcut, calling dispose() on the result of an RPC call disposes all stubs within it."
        /// §4.10: a result whose callee attached a disposer was never disposed by its caller.
        public static let resultNotDisposed =
            "An RPC result was not disposed properly. One of the RPC calls you made expects you to call dispose() on the return value, but you didn't do so. You cannot rely on the garbage collector for this because it may take arbitrarily long before actually collecting unreachable objects."
        public static func crossRequest(_ ioType: String) -> String {
            "Cannot perform I/O on behalf of a different request. I/O objects (such as streams, request/response bodies, and others) created in the context of one request handler cannot be accessed from a different request's handler. This is a limitation of Cloudflare Workers which allows us to improve overall performance. (I/O type: \(ioType))"
        }
    }
}
