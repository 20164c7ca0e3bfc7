package io.earshot.source.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit. The limit is enforced as the bytes arrive, not after: a
 * server that sends more (or never stops) has its response cancelled at the limit, so no feed can fill the
 * heap. A body whose {@code Content-Length} already says it is too large is refused before a byte is read.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

    /** The body was larger than allowed; the message is the reason a person reads. */
    static final class TooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        TooLarge(long maxBytes) {
            super("too large: over " + Sizes.human(maxBytes), null);
        }
    }

    private final long maxBytes;
    private final boolean truncate;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    private CappedBody(long maxBytes, boolean truncate) {
        this.maxBytes = maxBytes;
        this.truncate = truncate;
    }

    /**
     * The handler for a feed: the body up to {@code maxBytes} for a 200; for anything else nothing at all (the
     * status says what went wrong, and an error page can be as endless as any other body).
     */
    static HttpResponse.BodyHandler<byte[]> handler(long maxBytes) {
        return info -> {
            if (info.statusCode() != 200) {
                return new CappedBody(0, true);
            }
            long declared = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (declared > maxBytes) {
                return tooLarge(maxBytes);
            }
            return new CappedBody(maxBytes, false);
        };
    }

    private static HttpResponse.BodySubscriber<byte[]> tooLarge(long maxBytes) {
        CappedBody refused = new CappedBody(maxBytes, false);
        refused.result.completeExceptionally(new TooLarge(maxBytes));
        return refused;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        if (result.isDone()) {
            newSubscription.cancel();
        } else {
            newSubscription.request(Long.MAX_VALUE);
        }
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            if (item.remaining() > maxBytes - bytes.size()) {
                subscription.cancel();
                if (truncate) {
                    result.complete(bytes.toByteArray());
                } else {
                    result.completeExceptionally(new TooLarge(maxBytes));
                }
                return;
            }
            byte[] chunk = new byte[item.remaining()];
            item.get(chunk);
            bytes.write(chunk, 0, chunk.length);
        }
    }

    @Override
    public void onError(Throwable error) {
        result.completeExceptionally(error);
    }

    @Override
    public void onComplete() {
        result.complete(bytes.toByteArray());
    }
}
