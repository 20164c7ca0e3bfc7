package io.earshot.source.mastodon;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * A response body read into memory up to a limit: a server that sends more either fails the call
 * ({@code truncate == false}, for timeline pages) or is cut off and what came first is kept (for error
 * messages, where the first lines say everything). Either way the connection stops delivering, so a hostile
 * server cannot fill the heap.
 */
final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

    private final int maxBytes;
    private final boolean truncate;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final CompletableFuture<byte[]> result = new CompletableFuture<>();
    private Flow.Subscription subscription;

    LimitedBody(int maxBytes, boolean truncate) {
        this.maxBytes = maxBytes;
        this.truncate = truncate;
    }

    @Override
    public CompletionStage<byte[]> getBody() {
        return result;
    }

    @Override
    public void onSubscribe(Flow.Subscription newSubscription) {
        this.subscription = newSubscription;
        newSubscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> items) {
        if (result.isDone()) {
            return;
        }
        for (ByteBuffer item : items) {
            int room = maxBytes - bytes.size();
            if (item.remaining() > room) {
                subscription.cancel();
                if (truncate) {
                    copy(item, room);
                    result.complete(bytes.toByteArray());
                } else {
                    result.completeExceptionally(
                            new IOException("response body is over the limit of " + maxBytes + " bytes"));
                }
                return;
            }
            copy(item, item.remaining());
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

    private void copy(ByteBuffer item, int count) {
        byte[] chunk = new byte[count];
        item.get(chunk);
        bytes.write(chunk, 0, count);
    }
}
