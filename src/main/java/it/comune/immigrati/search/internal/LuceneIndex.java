package it.comune.immigrati.search.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

import it.comune.immigrati.site.Language;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FeatureField;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;

/**
 * This node's Lucene index of {@code search_document}, kept up to date by {@link IndexFollower}. The table
 * is the truth; this is a copy that can always be rebuilt. Its files (under the node's data directory,
 * memory-mapped, so that 10^5 documents cost the page cache and not the heap) stay between starts: each
 * commit records what the follower needs to go on from it ({@link #committed}), and the follower decides
 * whether to go on or to rebuild.
 */
final class LuceneIndex implements AutoCloseable {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String TOPIC = "topic";
    static final String LANGUAGE = "language";
    static final String REF = "ref";
    static final String URL = "url";
    static final String TITLE = "title";
    static final String SUMMARY = "summary";
    /** Newer ranks a little higher: a feature of each document, added to its score (see {@link #freshness}). */
    static final String FEATURES = "features";
    static final String FRESHNESS = "freshness";
    /**
     * The text the snippets are cut from, indexed with offsets: the highlighter then reads the matched
     * words' places from the index instead of analysing 30 texts again for every search (which took most
     * of a search's time over 10^5 documents).
     */
    private static final FieldType SNIPPET_TEXT = new FieldType(TextField.TYPE_STORED);

    static {
        SNIPPET_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        SNIPPET_TEXT.freeze();
    }
    /**
     * The fields and analysis this class writes. Change it with either: an index written in another
     * format is rebuilt at start instead of being followed.
     */
    static final String FORMAT = "2026-12-03";

    /** How much of a text the snippets are taken from. */
    static final int SNIPPET_SOURCE = 4000;

    private final LanguageAnalysis analysis;
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;

    LuceneIndex(LanguageAnalysis analysis, Path path) {
        this.analysis = analysis;
        try {
            directory = FSDirectory.open(Files.createDirectories(path));
            writer = new IndexWriter(directory, new IndexWriterConfig(analysis.perField())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND).setRAMBufferSizeMB(64));
            searchers = new SearcherManager(writer, null);
        } catch (LockObtainFailedException e) {
            throw new IllegalStateException("The search index in " + path.toAbsolutePath()
                    + " is in use by another process: each node needs a data directory of its own", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One row of {@code search_document} with its body. */
    record Row(long id, String kind, String ref, Language language, String title, String summary, String body,
            String url, String topic, Instant publishedAt) {
    }

    void put(Row row) {
        try {
            writer.updateDocument(new Term(ID, String.valueOf(row.id())), document(row));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void remove(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return;
        }
        try {
            writer.deleteDocuments(ids.stream().map(id -> new Term(ID, String.valueOf(id))).toArray(Term[]::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the last commit recorded (empty for a new index). */
    java.util.Map<String, String> committed() {
        java.util.Map<String, String> data = new java.util.HashMap<>();
        Iterable<java.util.Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(entry -> data.put(entry.getKey(), entry.getValue()));
        }
        return data;
    }

    /** What the next commit records; a commit also happens when the index is closed. */
    void record(java.util.Map<String, String> data) {
        writer.setLiveCommitData(java.util.Map.copyOf(data).entrySet());
    }

    /** Writes what was put and removed, and what was recorded, durably. */
    void commit() {
        try {
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Removes every document (before a rebuild). */
    void clear() {
        try {
            writer.deleteAll();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many documents searches see. */
    int size() {
        IndexSearcher searcher = acquire();
        try {
            return searcher.getIndexReader().numDocs();
        } finally {
            release(searcher);
        }
    }

    /** Makes what was put and removed visible to searches. */
    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    IndexSearcher acquire() {
        try {
            return searchers.acquire();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void release(IndexSearcher searcher) {
        try {
            searchers.release(searcher);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    LanguageAnalysis analysis() {
        return analysis;
    }

    private static Document document(Row row) {
        String code = row.language().code();
        String summary = row.summary() == null ? "" : row.summary();
        String body = row.body() == null ? "" : row.body();
        String all = row.title() + "\n" + summary + "\n" + body;
        Document doc = new Document();
        doc.add(new StringField(ID, String.valueOf(row.id()), Field.Store.YES));
        doc.add(new StringField(KIND, row.kind(), Field.Store.YES));
        doc.add(new StringField(LANGUAGE, code, Field.Store.NO));
        if (row.topic() != null) {
            doc.add(new StringField(TOPIC, row.topic(), Field.Store.YES));
        }
        doc.add(new StoredField(REF, row.ref()));
        doc.add(new StoredField(URL, row.url()));
        doc.add(new StoredField(TITLE, row.title()));
        doc.add(new StoredField(SUMMARY, summary));
        doc.add(new TextField(LanguageAnalysis.TITLE + code, row.title(), Field.Store.NO));
        doc.add(new TextField(LanguageAnalysis.ALL + code, all, Field.Store.NO));
        doc.add(new TextField(LanguageAnalysis.WORDS + code, all, Field.Store.NO));
        if (LanguageAnalysis.usesGrams(row.language())) {
            doc.add(new TextField(LanguageAnalysis.GRAMS + code, all, Field.Store.NO));
        }
        String text = summary + "\n" + body;
        doc.add(new Field(LanguageAnalysis.TEXT + code, text.length() > SNIPPET_SOURCE ? text.substring(0, SNIPPET_SOURCE) : text,
                SNIPPET_TEXT));
        doc.add(new FeatureField(FEATURES, FRESHNESS, freshness(row.publishedAt())));
        return doc;
    }

    /*
     * 0.21 for today, 0.11 a year ago, towards 0.01 after; added to scores that are mostly between 2 and
     * 20, so a nudge between texts that match about as well. Computed when the document is indexed, that
     * is at each start at the latest: a nudge need not be exact to the day. A feature rather than a
     * function of the score, so that Lucene can still skip documents that cannot reach the first results.
     */
    static float freshness(Instant publishedAt) {
        double years = publishedAt == null ? 0 : Math.max(0, Duration.between(publishedAt, Instant.now()).toDays() / 365.0);
        return (float) (0.01 + 0.2 / (1.0 + years));
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
