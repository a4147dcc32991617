"""The store's schema. Bump SCHEMA_VERSION when a table changes."""

SCHEMA_VERSION = 6

DDL = [
    """CREATE TABLE IF NOT EXISTS meta (key VARCHAR PRIMARY KEY, value VARCHAR)""",
    """CREATE TABLE IF NOT EXISTS documents (
        doc_id VARCHAR PRIMARY KEY,
        path VARCHAR NOT NULL,
        name VARCHAR NOT NULL,
        fmt VARCHAR NOT NULL,
        encoding VARCHAR NOT NULL,
        title VARCHAR,
        doc_date VARCHAR,
        doc_date_source VARCHAR,
        n_chars INTEGER NOT NULL,
        n_sentences INTEGER NOT NULL,
        text VARCHAR NOT NULL,
        ingested_at TIMESTAMP NOT NULL,
        coded_with VARCHAR
    )""",
    """CREATE TABLE IF NOT EXISTS sentences (
        doc_id VARCHAR NOT NULL,
        idx INTEGER NOT NULL,
        start_char INTEGER NOT NULL,
        end_char INTEGER NOT NULL,
        clean_text VARCHAR NOT NULL,
        parsed BOOLEAN NOT NULL,
        source VARCHAR,
        PRIMARY KEY (doc_id, idx)
    )""",
    """CREATE TABLE IF NOT EXISTS events (
        id VARCHAR PRIMARY KEY,
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        sent_start INTEGER NOT NULL,
        sent_end INTEGER NOT NULL,
        source VARCHAR,
        target VARCHAR,
        source_text VARCHAR,
        target_text VARCHAR,
        source_agent VARCHAR,
        target_agent VARCHAR,
        code VARCHAR NOT NULL,
        root VARCHAR NOT NULL,
        goldstein DOUBLE NOT NULL,
        quad_class INTEGER NOT NULL,
        plover VARCHAR,
        predicate VARCHAR NOT NULL,
        pred_start INTEGER NOT NULL,
        pred_end INTEGER NOT NULL,
        date VARCHAR,
        date_text VARCHAR,
        date_precision VARCHAR,
        date_rule VARCHAR,
        date_start VARCHAR,
        date_end VARCHAR,
        year INTEGER,
        negated BOOLEAN NOT NULL,
        mode VARCHAR NOT NULL,
        confidence DOUBLE NOT NULL,
        rule VARCHAR NOT NULL,
        rules VARCHAR[] NOT NULL
    )""",
    """CREATE INDEX IF NOT EXISTS events_dyad ON events (source, target, year)""",
    """CREATE TABLE IF NOT EXISTS unknown_mentions (
        doc_id VARCHAR NOT NULL,
        sentence_index INTEGER NOT NULL,
        name VARCHAR NOT NULL,
        kind VARCHAR NOT NULL
    )""",
    # a file's size and mtime when it was stored, so that a re-run skips it without reading it
    # (added without a version bump: CREATE IF NOT EXISTS gives older stores the table)
    """CREATE TABLE IF NOT EXISTS sources (
        path VARCHAR PRIMARY KEY,
        size BIGINT NOT NULL,
        mtime_ns BIGINT NOT NULL,
        recorded_ns BIGINT NOT NULL,
        doc_id VARCHAR NOT NULL
    )""",
]

# schema_version -> the statements that bring a store of that version to the next one
MIGRATIONS: dict[int, list[str]] = {
    # 4: the ids of the rules that fired, as data (before, only the readable `rule` summary)
    3: ["ALTER TABLE events ADD COLUMN rules VARCHAR[] DEFAULT []"],
    # 5: what each document was coded with (kankei.stamp), so that a change re-codes it
    4: ["ALTER TABLE documents ADD COLUMN coded_with VARCHAR"],
    # 6: each sentence as it stands in its document, so that an export takes it in linear
    # time (a substring of a 20 MB text costs a walk through its characters, per event);
    # Store._fill_sentence_sources writes it for the sentences stored before
    5: ["ALTER TABLE sentences ADD COLUMN source VARCHAR"],
}
