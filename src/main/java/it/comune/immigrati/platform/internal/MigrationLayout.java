package it.comune.immigrati.platform.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.springframework.stereotype.Component;

/**
 * Migrations live in one folder per module ({@code db/migration/<module>/}, shared ones in
 * {@code __root/}) and say their module in their name. Until 2026-12 they lay in one folder and some
 * names did not say their module: a database migrated then has the old descriptions in its history,
 * which Flyway would refuse as a mismatch. Before Flyway validates, those history rows are renamed to
 * the new names (same versions, same checksums: the scripts' contents did not change).
 */
@Component
class MigrationLayout implements Callback {

    /** version → {old description, new description, new script}. */
    static final Map<String, String[]> RENAMED = Map.of(
            "0008", new String[] { "faq", "questions faq", "questions/V0008__questions_faq.sql" },
            "0009", new String[] { "retention", "questions retention", "questions/V0009__questions_retention.sql" },
            "0010", new String[] { "answer aids", "questions answer aids", "questions/V0010__questions_answer_aids.sql" },
            "0011", new String[] { "spam merge digest", "questions spam merge digest",
                    "questions/V0011__questions_spam_merge_digest.sql" },
            "0012", new String[] { "inbox indexes", "questions inbox indexes", "questions/V0012__questions_inbox_indexes.sql" },
            "0013", new String[] { "proof of work", "questions proof of work", "questions/V0013__questions_proof_of_work.sql" },
            "0016", new String[] { "content version", "platform content version",
                    "__root/V0016__platform_content_version.sql" },
            "0017", new String[] { "sessions", "platform sessions", "__root/V0017__platform_sessions.sql" });

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_VALIDATE || event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        String table = context.getConfiguration().getTable();
        Connection connection = context.getConnection();
        try {
            if (!historyExists(connection, table)) {
                return;
            }
            try (PreparedStatement rename = connection.prepareStatement("UPDATE \"" + table.replace("\"", "")
                    + "\" SET description = ?, script = ? WHERE version = ? AND description = ?")) {
                for (Map.Entry<String, String[]> entry : RENAMED.entrySet()) {
                    rename.setString(1, entry.getValue()[1]);
                    rename.setString(2, entry.getValue()[2]);
                    rename.setString(3, entry.getKey());
                    rename.setString(4, entry.getValue()[0]);
                    rename.addBatch();
                }
                rename.executeBatch();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not bring the migration history to the per-module layout", e);
        }
    }

    private static boolean historyExists(Connection connection, String table) throws SQLException {
        try (PreparedStatement exists = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            exists.setString(1, table);
            try (ResultSet result = exists.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    @Override
    public String getCallbackName() {
        return "per-module migration layout";
    }
}
