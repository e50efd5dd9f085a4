import NIOCore
import Synchronization

/// Whether a client connection is still there, and who to tell when it goes: a request registers a callback
/// (cancel my sequences) for as long as it runs.
final class ConnectionState: Sendable {
    private struct State {
        var closed = false
        var nextID = 0
        var callbacks: [Int: @Sendable () -> Void] = [:]
    }
    private let state = Mutex(State())

    var isClosed: Bool { state.withLock { $0.closed } }

    /// Calls `callback` once when the client goes away; returns a token for `remove`, or nil (and does not call
    /// it) when the client is already gone.
    func onClose(_ callback: @escaping @Sendable () -> Void) -> Int? {
        state.withLock { s in
            guard !s.closed else { return nil }
            s.nextID += 1
            s.callbacks[s.nextID] = callback
            return s.nextID
        }
    }

    func remove(_ token: Int) { _ = state.withLock { $0.callbacks.removeValue(forKey: token) } }

    func close() {
        let callbacks = state.withLock { s -> [@Sendable () -> Void] in
            guard !s.closed else { return [] }
            s.closed = true
            defer { s.callbacks = [:] }
            return Array(s.callbacks.values)
        }
        for callback in callbacks { callback() }
    }
}

/// A channel handler on every connection that notices the client going away (its input closing, or the
/// connection dropping) and tells the connection's `ConnectionState`. Hummingbird enables half-closure, so a
/// client's close does not end the channel by itself; the request parts are left to Hummingbird.
final class ConnectionWatcher: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = NIOAny
    let state = ConnectionState()
    private var key: ObjectIdentifier?

    func handlerAdded(context: ChannelHandlerContext) {
        key = ObjectIdentifier(context.channel)
        ConnectionRegistry.register(state, for: context.channel)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if let key { ConnectionRegistry.remove(key) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireChannelRead(data)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let e = event as? ChannelEvent, case .inputClosed = e { state.close() }
        context.fireUserInboundEventTriggered(event)
    }

    func channelInactive(context: ChannelHandlerContext) {
        state.close()
        if let key { ConnectionRegistry.remove(key) }
        context.fireChannelInactive()
    }
}

/// Live connections' states by channel, so a request (which sees its channel) can find its connection's.
enum ConnectionRegistry {
    private static let states = Mutex<[ObjectIdentifier: ConnectionState]>([:])

    static func register(_ state: ConnectionState, for channel: any Channel) {
        states.withLock { $0[ObjectIdentifier(channel)] = state }
    }

    static func remove(_ key: ObjectIdentifier) { _ = states.withLock { $0.removeValue(forKey: key) } }

    static func state(for channel: any Channel) -> ConnectionState? {
        states.withLock { $0[ObjectIdentifier(channel)] }
    }
}
