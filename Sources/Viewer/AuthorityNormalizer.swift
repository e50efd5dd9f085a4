import NIOCore
import NIOHTTP1

/// Rewrites each request head so that its single `Host` field is the authority the request really names
/// (``RequestAuthority``), or removes `Host` when it names none; the viewer's loopback check, which reads the
/// `Host` field after Hummingbird's conversion, then sees the host an absolute-form target names (which that
/// conversion drops) and refuses a request with two `Host` fields as one with none (403).
///
/// It sits right after the HTTP/1 decoder, where the raw target and every `Host` field are still visible.
final class AuthorityNormalizer: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPServerRequestPart
    typealias InboundOut = HTTPServerRequestPart

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard case .head(var head) = unwrapInboundIn(data) else {
            context.fireChannelRead(data)
            return
        }
        let authority = RequestAuthority.of(target: head.uri, hostFields: head.headers["Host"])
        head.headers.remove(name: "Host")
        if let authority { head.headers.add(name: "Host", value: authority) }
        context.fireChannelRead(wrapInboundOut(.head(head)))
    }
}
