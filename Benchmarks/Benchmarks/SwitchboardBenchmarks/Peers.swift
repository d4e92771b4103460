import Benchmark
import Distributed
import GRPCCore
import GRPCInProcessTransport

// MARK: gRPC Swift 2, in-process transport, unary, hand-written codec (no protobuf)

struct AddRequest: Sendable {
    var a: Int64
    var b: Int64
}

struct AddResponse: Sendable {
    var sum: Int64
}

/// Two little-endian 64-bit integers.
struct AddRequestCodec: MessageSerializer, MessageDeserializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: AddRequest) throws -> Bytes {
        var out = Bytes(repeating: 0, count: 16)
        out.withUnsafeMutableBytes { p in
            p.storeBytes(of: message.a.littleEndian, toByteOffset: 0, as: Int64.self)
            p.storeBytes(of: message.b.littleEndian, toByteOffset: 8, as: Int64.self)
        }
        return out
    }

    func deserialize<Bytes: GRPCContiguousBytes>(_ bytes: Bytes) throws -> AddRequest {
        guard bytes.count == 16 else { throw RPCError(code: .invalidArgument, message: "AddRequest is 16 bytes") }
        return bytes.withUnsafeBytes { p in
            AddRequest(a: Int64(littleEndian: p.loadUnaligned(fromByteOffset: 0, as: Int64.self)),
                       b: Int64(littleEndian: p.loadUnaligned(fromByteOffset: 8, as: Int64.self)))
        }
    }
}

/// One little-endian 64-bit integer.
struct AddResponseCodec: MessageSerializer, MessageDeserializer {
    func serialize<Bytes: GRPCContiguousBytes>(_ message: AddResponse) throws -> Bytes {
        var out = Bytes(repeating: 0, count: 8)
        out.withUnsafeMutableBytes { p in p.storeBytes(of: message.sum.littleEndian, toByteOffset: 0, as: Int64.self) }
        return out
    }

    func deserialize<Bytes: GRPCContiguousBytes>(_ bytes: Bytes) throws -> AddResponse {
        guard bytes.count == 8 else { throw RPCError(code: .internalError, message: "AddResponse is 8 bytes") }
        return bytes.withUnsafeBytes { p in AddResponse(sum: Int64(littleEndian: p.loadUnaligned(fromByteOffset: 0, as: Int64.self))) }
    }
}

let addMethod = MethodDescriptor(fullyQualifiedService: "switchboard.bench.Calc", method: "Add")

/// `Calc.Add`, registered by hand (what protoc-gen-grpc-swift would generate, minus protobuf).
struct CalcService: RegistrableRPCService {
    func registerMethods<Transport: ServerTransport>(with router: inout RPCRouter<Transport>) {
        router.registerHandler(forMethod: addMethod, deserializer: AddRequestCodec(), serializer: AddResponseCodec()) { request, _ in
            let single = try await ServerRequest(stream: request)
            return StreamingServerResponse(single: ServerResponse(message: AddResponse(sum: single.message.a &+ single.message.b)))
        }
    }
}

/// A server and a client on one in-process transport, running for the whole benchmark process.
final class GRPCPeer: Sendable {
    let client: GRPCClient<InProcessTransport.Client>
    let server: GRPCServer<InProcessTransport.Server>

    static let shared = GRPCPeer()

    private init() {
        let transport = InProcessTransport()
        server = GRPCServer(transport: transport.server, services: [CalcService()])
        client = GRPCClient(transport: transport.client)
        let server = self.server, client = self.client
        Task { try await server.serve() }
        Task { try await client.runConnections() }
    }

    func add(_ a: Int64, _ b: Int64) async throws -> Int64 {
        try await client.unary(
            request: ClientRequest(message: AddRequest(a: a, b: b)), descriptor: addMethod,
            serializer: AddRequestCodec(), deserializer: AddResponseCodec(), options: .defaults
        ) { response in try response.message.sum }
    }
}

// MARK: Distributed, LocalTestingDistributedActorSystem

distributed actor DistributedCalc {
    typealias ActorSystem = LocalTestingDistributedActorSystem
    distributed func add(_ a: Int, _ b: Int) -> Int { a &+ b }
}

/// The actor system and one actor, resolved through the system by id as a caller would.
struct DistributedPeer: Sendable {
    let system: LocalTestingDistributedActorSystem
    let owner: DistributedCalc
    let resolved: DistributedCalc

    static let shared = DistributedPeer()

    private init() {
        system = LocalTestingDistributedActorSystem()
        owner = DistributedCalc(actorSystem: system)
        resolved = try! DistributedCalc.resolve(id: owner.id, using: system)
    }
}

func registerPeers() {
    Benchmark("Peer: gRPC in-process unary", configuration: Config.calls()) { benchmark async throws in
        let peer = GRPCPeer.shared
        // One call outside the measurement: the first call waits for the client to connect.
        if benchmark.currentIteration == 0 { _ = try await peer.add(1, 2) }
        benchmark.startMeasurement()
        var sum: Int64 = 0
        for _ in benchmark.scaledIterations { sum &+= try await peer.add(1, 2) }
        benchmark.stopMeasurement()
        blackHole(sum)
    }

    Benchmark("Peer: Distributed (LocalTestingDistributedActorSystem)", configuration: Config.calls()) { benchmark async throws in
        let calc = DistributedPeer.shared.resolved
        benchmark.startMeasurement()
        var sum = 0
        for i in benchmark.scaledIterations { sum &+= try await calc.add(i, 2) }
        benchmark.stopMeasurement()
        blackHole(sum)
    }
}
