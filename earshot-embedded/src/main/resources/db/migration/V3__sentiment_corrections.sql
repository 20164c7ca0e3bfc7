-- People's corrections of the sentiment model: they win over the model everywhere and feed training.
CREATE TABLE sentiment_corrections (
    post_key     TEXT    NOT NULL PRIMARY KEY,
    text         TEXT    NOT NULL,
    label        TEXT    NOT NULL CHECK (label IN ('positive', 'neutral', 'negative')),
    corrected_at INTEGER NOT NULL
);
