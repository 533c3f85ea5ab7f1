/**
 * Numbered schema migrations. `PRAGMA user_version` holds the number of the last one applied.
 * Never edit a migration that has shipped: add the next one.
 */
export const MIGRATIONS: readonly string[] = [
  // 1: the tables of DESIGN.md's data model.
  `
  CREATE TABLE originals (
    sha256 TEXT PRIMARY KEY,
    bytes BLOB NOT NULL,
    byte_size INTEGER NOT NULL
  ) STRICT;

  CREATE TABLE documents (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    source TEXT,
    author TEXT,
    url TEXT,
    published_at TEXT,
    language TEXT,
    format TEXT NOT NULL,
    text TEXT NOT NULL,
    blocks TEXT NOT NULL DEFAULT '[]',
    page_starts TEXT,
    meta TEXT NOT NULL DEFAULT '{}',
    original_html TEXT,
    review_flags TEXT NOT NULL DEFAULT '[]',
    content_hash TEXT NOT NULL UNIQUE,
    original_hash TEXT NOT NULL REFERENCES originals(sha256),
    original_name TEXT NOT NULL,
    byte_size INTEGER NOT NULL,
    imported_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX documents_original_hash ON documents(original_hash);

  CREATE TABLE tags (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    parent_id TEXT REFERENCES tags(id) ON DELETE CASCADE,
    color TEXT NOT NULL,
    description TEXT NOT NULL DEFAULT '',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  ) STRICT;
  -- unique (parent_id, name) also for top-level tags, whose parent_id is NULL
  CREATE UNIQUE INDEX tags_parent_name ON tags(ifnull(parent_id, ''), name COLLATE NOCASE);

  CREATE TABLE passages (
    id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    end INTEGER NOT NULL,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL,
    suffix TEXT NOT NULL,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK (start >= 0 AND end > start)
  ) STRICT;
  CREATE INDEX passages_document ON passages(document_id, start);

  CREATE TABLE passage_tags (
    passage_id TEXT NOT NULL REFERENCES passages(id) ON DELETE CASCADE,
    tag_id TEXT NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (passage_id, tag_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX passage_tags_tag ON passage_tags(tag_id);

  CREATE TABLE reports (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL,
    subtitle TEXT NOT NULL DEFAULT '',
    author_line TEXT NOT NULL DEFAULT '',
    report_date TEXT,
    body TEXT NOT NULL DEFAULT '{"sections":[]}',
    settings TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  -- Key/value facts about the store; 'generation' grows on every change that the search index must see.
  CREATE TABLE store_meta (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
  ) STRICT;
  INSERT INTO store_meta(key, value) VALUES ('generation', '0');
  `,
  // 2: the generation at which a document's indexed fields (title, source, author, language) last
  // changed, so the search index re-indexes an edited document instead of keeping its old fields.
  `ALTER TABLE documents ADD COLUMN index_generation INTEGER NOT NULL DEFAULT 0;`,
  // 3: the search index asks after every change which documents were edited since its segments were built.
  `CREATE INDEX documents_index_generation ON documents(index_generation);`,
  // 4 (issue 19): the chain of custody, an append-only hash chain (src/main/custody/). Each entry's
  // hash covers its columns and the hash before it; the triggers make every UPDATE and DELETE fail,
  // so no code path of the app can change the log (someone editing the file is caught by the chain).
  `
  CREATE TABLE custody_log (
    seq INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    kind TEXT NOT NULL,
    document_id TEXT,
    researcher TEXT,
    app_version TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash TEXT NOT NULL,
    hash TEXT NOT NULL UNIQUE
  ) STRICT;
  CREATE INDEX custody_log_document ON custody_log(document_id, seq);
  CREATE TRIGGER custody_log_no_update BEFORE UPDATE ON custody_log
    BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
  CREATE TRIGGER custody_log_no_delete BEFORE DELETE ON custody_log
    BEGIN SELECT RAISE(ABORT, 'the custody log is append-only'); END;
  `,
  // 5 (issue 15): alias groups the user defines for people and places ("Ilham Tohti", "伊力哈木·土赫提",
  // "ئىلھام توختى"): a search for one name also finds the others.
  `
  CREATE TABLE alias_groups (
    id TEXT PRIMARY KEY,
    label TEXT NOT NULL,
    names TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  `,
  // 6 (issue 14; deleting a document kept its report quotes): the quote and citation data of a passage a
  // report cites, kept when its document is deleted, so the report still shows the quote, marked as
  // from a deleted source. quote and source are the JSON of report-data's QuoteData and SourceDoc.
  `CREATE TABLE quote_snapshots (
    passage_id TEXT PRIMARY KEY,
    document_id TEXT NOT NULL,
    quote TEXT NOT NULL,
    source TEXT NOT NULL,
    deleted_at TEXT NOT NULL
  ) STRICT;`,
  // 7 (issue 21, items 1-2: memos and document attributes). One memo per document, per tag and for the
  // investigation (scope 'investigation': both ids NULL), Markdown text; author is the researcher's name
  // when known. Attributes are typed (text, number, date, choice) with a value per document, kept as text
  // in a canonical form (numbers as JavaScript prints them, dates ISO 8601 at the precision typed).
  `
  CREATE TABLE memos (
    id TEXT PRIMARY KEY,
    scope TEXT NOT NULL CHECK (scope IN ('document', 'tag', 'investigation')),
    document_id TEXT REFERENCES documents(id) ON DELETE CASCADE,
    tag_id TEXT REFERENCES tags(id) ON DELETE CASCADE,
    body TEXT NOT NULL,
    author TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    CHECK ((scope = 'document') = (document_id IS NOT NULL) AND (scope = 'tag') = (tag_id IS NOT NULL))
  ) STRICT;
  CREATE UNIQUE INDEX memos_target ON memos(scope, ifnull(document_id, ''), ifnull(tag_id, ''));
  CREATE INDEX memos_tag ON memos(tag_id);

  CREATE TABLE attributes (
    id TEXT PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),
    choices TEXT NOT NULL DEFAULT '[]',
    position INTEGER NOT NULL DEFAULT 0,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE UNIQUE INDEX attributes_name ON attributes(name COLLATE NOCASE);

  CREATE TABLE document_attributes (
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    attribute_id TEXT NOT NULL REFERENCES attributes(id) ON DELETE CASCADE,
    value TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    PRIMARY KEY (document_id, attribute_id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX document_attributes_value ON document_attributes(attribute_id, value);
  `,
  // 8 (issue 21, qda-team): who coded each passage (the researcher name of the investigation or of
  // Settings; NULL for passages from before, shown as "unknown"), and the notes of an imported
  // REFI-QDA project that belong to no passage (on a source, a code or the project), kept for the
  // memo feature to adopt: target_kind is 'investigation', 'document' or 'tag'.
  `
  ALTER TABLE passages ADD COLUMN author TEXT;
  CREATE INDEX passages_author ON passages(author, document_id);
  CREATE TABLE imported_notes (
    id TEXT PRIMARY KEY,
    target_kind TEXT NOT NULL CHECK (target_kind IN ('investigation', 'document', 'tag')),
    target_id TEXT,
    title TEXT NOT NULL DEFAULT '',
    text TEXT NOT NULL,
    author TEXT,
    origin TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  `,
  // 9 (issue 18): entities found in documents (people, places, organisations, facilities), their
  // mentions with offsets, the dates found in the texts, which documents were read by which version
  // of the extractor, and the user's corrections (rename, merge, split, wrong mention), which are
  // applied again whenever a document is read again.
  `
  CREATE TABLE entities (
    id TEXT PRIMARY KEY,
    key TEXT NOT NULL UNIQUE,
    type TEXT NOT NULL CHECK (type IN ('person', 'place', 'org', 'facility')),
    label TEXT NOT NULL,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE entity_mentions (
    id INTEGER PRIMARY KEY,
    entity_id TEXT NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    key TEXT NOT NULL
  ) STRICT;
  CREATE INDEX entity_mentions_document ON entity_mentions(document_id, start);
  CREATE INDEX entity_mentions_entity ON entity_mentions(entity_id, document_id);
  CREATE INDEX entity_mentions_text ON entity_mentions(text);
  CREATE TABLE document_dates (
    id INTEGER PRIMARY KEY,
    document_id TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
    start INTEGER NOT NULL,
    "end" INTEGER NOT NULL,
    text TEXT NOT NULL,
    value TEXT NOT NULL,
    precision TEXT NOT NULL CHECK (precision IN ('day', 'month', 'year')),
    relative INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX document_dates_document ON document_dates(document_id, start);
  CREATE INDEX document_dates_value ON document_dates(value);
  CREATE TABLE entity_extractions (
    document_id TEXT PRIMARY KEY REFERENCES documents(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    extracted_at TEXT NOT NULL
  ) STRICT;
  CREATE TABLE entity_corrections (
    id TEXT PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('rename', 'merge', 'split', 'wrong')),
    key TEXT NOT NULL,
    target TEXT,
    surface TEXT,
    document_id TEXT,
    start INTEGER,
    "end" INTEGER,
    created_at TEXT NOT NULL
  ) STRICT;
  CREATE INDEX entity_corrections_key ON entity_corrections(kind, key);
  `,
  // 10 (issue 17): the change log the search index reads instead of every document id: one row per
  // document inserted, deleted or whose indexed fields were marked changed, written by triggers so
  // that every path into the table (imports, undo, archives, deletes) is logged. AUTOINCREMENT keeps
  // sequence numbers from being reused, so an index that remembers one never misses a change.
  `
  CREATE TABLE document_changes (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,
    document_id TEXT NOT NULL
  ) STRICT;
  CREATE TRIGGER document_changes_insert AFTER INSERT ON documents
    BEGIN INSERT INTO document_changes(document_id) VALUES (NEW.id); END;
  CREATE TRIGGER document_changes_delete AFTER DELETE ON documents
    BEGIN INSERT INTO document_changes(document_id) VALUES (OLD.id); END;
  CREATE TRIGGER document_changes_update AFTER UPDATE OF index_generation ON documents
    BEGIN INSERT INTO document_changes(document_id) VALUES (NEW.id); END;

  -- The library pages in SQL (issue 17): sort keys for title and source (store/sort-key.ts, filled by
  -- the app: NULL until then, and again NULL when the title or source changes), and one index per order.
  ALTER TABLE documents ADD COLUMN title_key TEXT;
  ALTER TABLE documents ADD COLUMN source_key TEXT;
  CREATE TRIGGER documents_sort_keys_stale AFTER UPDATE OF title, source ON documents
    WHEN NEW.title_key IS OLD.title_key
    BEGIN UPDATE documents SET title_key = NULL, source_key = NULL WHERE rowid = NEW.rowid; END;
  CREATE INDEX documents_sort_keys_pending ON documents(id) WHERE title_key IS NULL;
  CREATE INDEX documents_by_imported ON documents(imported_at DESC, title_key);
  CREATE INDEX documents_by_title ON documents(title_key);
  CREATE INDEX documents_by_date ON documents(published_at IS NULL, published_at DESC, imported_at DESC);
  CREATE INDEX documents_by_source ON documents(source_key IS NULL, source_key, title_key);
  CREATE INDEX documents_by_language ON documents(language);
  CREATE INDEX documents_by_format ON documents(format);
  CREATE INDEX documents_flagged ON documents(imported_at) WHERE review_flags <> '[]';
  `,
  // 11 (issue 17, library windows): a counter bumped by every change to what the library lists or
  // counts (a document stored or deleted, a title, sort key, language, format or review flags
  // changed), another for the passages and their tags, and the counts of the library's first page (all documents, each language), kept by
  // triggers so that every connection's writes count (the CLI's, a merge's, an undo's): SQLite counts
  // by walking an index, 100,000 entries at 100,000 documents. The app keeps totals and seek points
  // while the counter stays the same (store/library-cache.ts). And the import order's index anew.
  `
  -- id 1: the documents; id 2: the passages and their tags (the passages view's windows).
  CREATE TABLE library_generation (
    id INTEGER PRIMARY KEY,
    value INTEGER NOT NULL
  ) STRICT;
  INSERT INTO library_generation(id, value) VALUES (1, 0), (2, 0);
  CREATE TRIGGER passages_generation_insert AFTER INSERT ON passages
    BEGIN UPDATE library_generation SET value = value + 1 WHERE id = 2; END;
  CREATE TRIGGER passages_generation_delete AFTER DELETE ON passages
    BEGIN UPDATE library_generation SET value = value + 1 WHERE id = 2; END;
  CREATE TRIGGER passages_generation_update AFTER UPDATE ON passages
    BEGIN UPDATE library_generation SET value = value + 1 WHERE id = 2; END;
  CREATE TRIGGER passage_tags_generation_insert AFTER INSERT ON passage_tags
    BEGIN UPDATE library_generation SET value = value + 1 WHERE id = 2; END;
  CREATE TRIGGER passage_tags_generation_delete AFTER DELETE ON passage_tags
    BEGIN UPDATE library_generation SET value = value + 1 WHERE id = 2; END;
  -- key '*': every document; 'language:' || language: the documents in that language.
  CREATE TABLE library_counts (
    key TEXT PRIMARY KEY,
    n INTEGER NOT NULL
  ) STRICT;
  INSERT INTO library_counts(key, n) SELECT '*', count(*) FROM documents;
  INSERT INTO library_counts(key, n) SELECT 'language:' || language, count(*) FROM documents WHERE language IS NOT NULL GROUP BY language;
  CREATE TRIGGER library_generation_insert AFTER INSERT ON documents
    BEGIN
      UPDATE library_generation SET value = value + 1 WHERE id = 1;
      UPDATE library_counts SET n = n + 1 WHERE key = '*';
      INSERT INTO library_counts(key, n) SELECT 'language:' || NEW.language, 1 WHERE NEW.language IS NOT NULL
        ON CONFLICT(key) DO UPDATE SET n = n + 1;
    END;
  CREATE TRIGGER library_generation_delete AFTER DELETE ON documents
    BEGIN
      UPDATE library_generation SET value = value + 1 WHERE id = 1;
      UPDATE library_counts SET n = n - 1 WHERE key = '*' OR key = 'language:' || OLD.language;
    END;
  CREATE TRIGGER library_generation_update
    AFTER UPDATE OF title, source, imported_at, published_at, title_key, source_key, language, format, review_flags ON documents
    BEGIN UPDATE library_generation SET value = value + 1 WHERE id = 1; END;
  -- Newest first from an ascending index read backwards: new documents are appended at its end, which
  -- keeps its pages full (stored newest-first, every page split in half: twice the pages to walk).
  DROP INDEX documents_by_imported;
  CREATE INDEX documents_by_imported_at ON documents(imported_at, title_key DESC);
  -- The language filter in the two orders the library opens with, without a sort or a row read per
  -- entry (each document's row fills its own page; 90,000 of them for "English" took 220–450 ms).
  CREATE INDEX documents_by_language_imported ON documents(language, imported_at, title_key DESC);
  CREATE INDEX documents_by_language_title ON documents(language, title_key);
  CREATE TRIGGER library_counts_language AFTER UPDATE OF language ON documents WHEN OLD.language IS NOT NEW.language
    BEGIN
      UPDATE library_counts SET n = n - 1 WHERE key = 'language:' || OLD.language;
      INSERT INTO library_counts(key, n) SELECT 'language:' || NEW.language, 1 WHERE NEW.language IS NOT NULL
        ON CONFLICT(key) DO UPDATE SET n = n + 1;
    END;
  `,
];
