package io.earshot.embedded.archive;

import io.earshot.enrich.Enrichment;
import io.earshot.enrich.emotion.Emotion;
import io.earshot.enrich.emotion.EmotionLabel;
import io.earshot.enrich.entity.Entities;
import io.earshot.enrich.sentiment.Sentiment;
import io.earshot.enrich.sentiment.SentimentLabel;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.lucene.store.ByteArrayDataInput;
import org.apache.lucene.store.ByteBuffersDataOutput;

/**
 * The stored form of a mention's {@link Enrichment} and of a person's sentiment correction, kept apart from
 * {@link MentionCodec}'s payload so that correcting a sentiment never rewrites the post. Versioned like it.
 */
final class EnrichmentCodec {

    static final byte VERSION = 1;

    private EnrichmentCodec() {}

    record Stored(Optional<Enrichment> enrichment, Optional<SentimentLabel> correction) {}

    static byte[] encode(Optional<Enrichment> enrichment, Optional<SentimentLabel> correction) {
        ByteBuffersDataOutput out = new ByteBuffersDataOutput();
        try {
            out.writeByte(VERSION);
            out.writeByte(
                    (byte) (int) correction.map(label -> label.ordinal() + 1).orElse(0));
            out.writeByte((byte) (enrichment.isPresent() ? 1 : 0));
            if (enrichment.isPresent()) {
                Enrichment heard = enrichment.get();
                out.writeByte((byte) heard.sentiment().label().ordinal());
                out.writeInt(Float.floatToIntBits((float) heard.sentiment().score()));
                out.writeByte((byte) (int) heard.emotion()
                        .map(emotion -> emotion.label().ordinal() + 1)
                        .orElse(0));
                if (heard.emotion().isPresent()) {
                    out.writeInt(
                            Float.floatToIntBits((float) heard.emotion().get().score()));
                }
                out.writeString(heard.lang());
                Entities entities = heard.entities();
                for (List<String> values : List.of(
                        entities.hashtags(),
                        entities.mentions(),
                        entities.cashtags(),
                        entities.urls(),
                        entities.emoji())) {
                    out.writeVInt(values.size());
                    for (String value : values) {
                        out.writeString(value);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toArrayCopy();
    }

    static Stored decode(byte[] bytes) {
        ByteArrayDataInput in = new ByteArrayDataInput(bytes);
        byte version = in.readByte();
        if (version != VERSION) {
            throw new MentionCodec.DamagedPayloadException(
                    "stored enrichment has format version " + version + "; this Earshot reads " + VERSION, null);
        }
        try {
            int correction = in.readByte();
            Optional<SentimentLabel> corrected =
                    correction == 0 ? Optional.empty() : Optional.of(SentimentLabel.values()[correction - 1]);
            if (in.readByte() == 0) {
                return new Stored(Optional.empty(), corrected);
            }
            Sentiment sentiment =
                    new Sentiment(SentimentLabel.values()[in.readByte()], Float.intBitsToFloat(in.readInt()));
            int emotionOrdinal = in.readByte();
            Optional<Emotion> emotion = emotionOrdinal == 0
                    ? Optional.empty()
                    : Optional.of(
                            new Emotion(EmotionLabel.values()[emotionOrdinal - 1], Float.intBitsToFloat(in.readInt())));
            String lang = in.readString();
            List<List<String>> lists = new ArrayList<>();
            for (int list = 0; list < 5; list++) {
                int size = in.readVInt();
                List<String> values = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    values.add(in.readString());
                }
                lists.add(values);
            }
            Entities entities = new Entities(lists.get(0), lists.get(1), lists.get(2), lists.get(3), lists.get(4));
            return new Stored(Optional.of(new Enrichment(sentiment, emotion, lang, entities)), corrected);
        } catch (IOException | RuntimeException e) {
            throw new MentionCodec.DamagedPayloadException("stored enrichment is damaged: " + e, e);
        }
    }
}
