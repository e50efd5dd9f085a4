import NIOCore

/// The first handler on a connection, ahead of the HTTP decoder: it tells the handlers behind it that bytes
/// arrived, so `ConnectionGuard` can time a request from its first byte (the decoder says nothing until a whole
/// request head is in, however slowly it comes).
final class BytesArrivedNotifier: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer

    /// The user event sent ahead of every read.
    struct BytesArrived {}

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        context.fireUserInboundEventTriggered(BytesArrived())
        context.fireChannelRead(data)
    }
}
