import Hummingbird
import NIOCore
import NIOHTTP1
import NIOHTTPTypes

/// Keeps one connection from holding the server for nothing, and answers for the endpoints when a request never
/// reaches them:
///
/// - **Timeouts.** A request's headers must arrive within `header` of its first byte and its body within `body`
///   of its headers, or the client gets **408** in OpenAI's error shape and the connection closes; a connection
///   with no request in progress (before its first request, or kept alive between requests) is closed after `idle`.
///   Generating and streaming a response is never timed here.
/// - **Transport errors.** A request the HTTP decoder refuses (a bad `Content-Length`, headers over the limit, a
///   broken chunked body, …) gets **400** or **431** in OpenAI's error shape, with a message, instead of an empty
///   response; then the connection closes.
///
/// After it has answered, the connection is half-closed and drained for up to `linger`, so the client reads the
/// answer rather than a reset, and anything the endpoints still write is dropped.
///
/// Hummingbird's own `idleTimeout` is not used: it restarts on every decoded request part (a body sent byte by
/// byte keeps it alive), cannot tell a slow head from an idle connection (the decoder reports nothing before the
/// whole head), and closes without an answer. NIO's `IdleStateHandler` times reads without knowing whether a
/// response is being generated, which may rightly take minutes of client silence.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    /// The limits, from `ServerConfiguration`.
    struct Timeouts: Sendable {
        var header: Duration
        var body: Duration
        var idle: Duration
        /// How long a connection is drained after an answer from this handler before it is closed.
        var linger: Duration = .seconds(2)
    }

    private enum Wait { case idle, headers, body }

    private let timeouts: Timeouts
    /// Bytes of a request came and its head has not yet been decoded.
    private var headPending = false
    /// A request's head was decoded and its end not yet.
    private var bodyPending = false
    /// Requests whose response has not ended.
    private var responsesPending = 0
    /// A response head went out and its end has not.
    private var responseStarted = false
    /// This handler answered: later writes from the endpoints are dropped and the connection closes.
    private var answered = false
    private var headDeadline = NIODeadline.now()
    private var bodyDeadline = NIODeadline.now()
    private var idleDeadline = NIODeadline.now()
    private var timer: Scheduled<Void>?
    /// The full close after an answer.
    private var lingerTimer: Scheduled<Void>?

    init(timeouts: Timeouts) {
        self.timeouts = timeouts
    }

    func handlerAdded(context: ChannelHandlerContext) {
        if context.channel.isActive { becameIdle(context) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        lingerTimer?.cancel()
    }

    func channelActive(context: ChannelHandlerContext) {
        becameIdle(context)
        context.fireChannelActive()
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        lingerTimer?.cancel()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            headPending = false
            bodyPending = true
            responsesPending += 1
            bodyDeadline = .now() + TimeAmount(timeouts.body)
        case .body:
            break
        case .end:
            bodyPending = false
            if responsesPending == 0 { idleDeadline = .now() + TimeAmount(timeouts.idle) }
        }
        rearm(context)
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !answered else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        switch unwrapOutboundIn(data) {
        case .head:
            responseStarted = true
        case .body:
            break
        case .end:
            responseStarted = false
            responsesPending = max(0, responsesPending - 1)
            if responsesPending == 0 {
                if headPending { headDeadline = .now() + TimeAmount(timeouts.header) }
                idleDeadline = .now() + TimeAmount(timeouts.idle)
                rearm(context)
            }
        }
        context.write(data, promise: promise)
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is BytesArrivedNotifier.BytesArrived {
            if !answered, !headPending, !bodyPending {
                headPending = true
                headDeadline = .now() + TimeAmount(timeouts.header)
                rearm(context)
            }
            return
        }
        if answered, let e = event as? ChannelEvent, case .inputClosed = e {
            context.close(promise: nil)  // the client read the answer and closed: done lingering
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        guard !answered else { return }
        guard let parserError = error as? HTTPParserError else {
            context.fireErrorCaught(error)
            return
        }
        let reading = bodyPending
        if !responseStarted, let apiError = APIError.transport(parserError, inBody: reading) {
            answer(context, apiError)
        } else {
            context.close(promise: nil)
        }
        // Endpoints reading the body fail with the decoder's error (their answer is dropped). Before a request head
        // nobody is waiting: passing the error on would only make Hummingbird close the connection at once, before
        // the client has read the answer.
        if reading { context.fireErrorCaught(error) }
    }

    /// No request in progress from now: the idle clock starts.
    private func becameIdle(_ context: ChannelHandlerContext) {
        idleDeadline = .now() + TimeAmount(timeouts.idle)
        rearm(context)
    }

    /// Schedules the one deadline that applies now (none while a response is being produced).
    private func rearm(_ context: ChannelHandlerContext) {
        cancelTimer()
        guard !answered else { return }
        let wait: Wait, deadline: NIODeadline
        if bodyPending {
            (wait, deadline) = (.body, bodyDeadline)
        } else if responsesPending > 0 {
            return
        } else if headPending {
            (wait, deadline) = (.headers, headDeadline)
        } else {
            (wait, deadline) = (.idle, idleDeadline)
        }
        let loop = context.eventLoop.assumeIsolated()
        timer = loop.scheduleTask(deadline: deadline) { [self] in
            timer = nil
            expired(context, wait)
        }
    }

    private func expired(_ context: ChannelHandlerContext, _ wait: Wait) {
        switch wait {
        case .idle:
            context.close(promise: nil)
        case .headers:
            answer(context, .requestTimeout("headers", seconds: timeouts.header, since: "its first byte"))
        case .body:
            if responseStarted {
                context.close(promise: nil)
            } else {
                answer(context, .requestTimeout("body", seconds: timeouts.body, since: "its headers"))
            }
        }
    }

    /// Sends `error` with `Connection: close`, half-closes the connection and closes it once the client has, or
    /// after `linger`.
    private func answer(_ context: ChannelHandlerContext, _ error: APIError) {
        answered = true
        cancelTimer()
        // The request is over for the endpoints too: what they are doing for it is cancelled.
        ConnectionRegistry.state(for: context.channel)?.close()
        let body = error.body
        var fields = HTTPFields()
        fields[.contentType] = "application/json"
        fields[.contentLength] = String(body.count)
        fields[.connection] = "close"
        context.write(wrapOutboundOut(.head(HTTPResponse(status: error.status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(ByteBuffer(bytes: body))), promise: nil)
        let written = context.eventLoop.makePromise(of: Void.self)
        context.writeAndFlush(wrapOutboundOut(.end(nil)), promise: written)
        let loop = context.eventLoop.assumeIsolated()
        written.futureResult.assumeIsolated().whenComplete { _ in
            context.close(mode: .output, promise: nil)
        }
        lingerTimer = loop.scheduleTask(in: TimeAmount(timeouts.linger)) { [self] in
            lingerTimer = nil
            context.close(promise: nil)
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }
}
