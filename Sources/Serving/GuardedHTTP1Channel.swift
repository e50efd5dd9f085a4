import HummingbirdCore
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 connection with `valueprobe serve`'s handlers around it: `BytesArrivedNotifier` in
/// front of the HTTP decoder, and behind it `ConnectionWatcher` (the client going away) and `ConnectionGuard`
/// (timeouts, and OpenAI-shaped answers to requests the HTTP decoder refuses).
struct GuardedHTTP1Channel: ServerChildChannel {
    typealias Value = HTTP1Channel.Value
    private let http1: HTTP1Channel

    init(responder: @escaping HTTPChannelHandler.Responder, timeouts: ConnectionGuard.Timeouts) {
        let limits = HTTP1Channel.Configuration.DecoderConfiguration(
            maxHeaderFieldSize: APIError.maxHeaderBytes, maxHeaderListSize: APIError.maxHeaderBytes,
            maxHeaderFieldCount: APIError.maxHeaderFields)
        http1 = HTTP1Channel(responder: responder, configuration: .init(
            additionalChannelHandlers: [ConnectionWatcher(), ConnectionGuard(timeouts: timeouts)],
            httpDecoderConfiguration: limits))
    }

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(BytesArrivedNotifier(), position: .first)
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return http1.setup(channel: channel, logger: logger)
    }

    func handle(value: Value, logger: Logger) async {
        await http1.handle(value: value, logger: logger)
    }
}
