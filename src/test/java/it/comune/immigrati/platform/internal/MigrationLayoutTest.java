package it.comune.immigrati.platform.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import it.comune.immigrati.testing.Slow;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.MigrationState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Migrations in one folder per module, and a database made with the single-folder layout of 2026-11. */
@Slow
class MigrationLayoutTest {

    private static final Pattern NAME = Pattern.compile(".*/db/migration/([^/]+)/V(\\d+)__([a-z0-9_]+)\\.sql");

    @TempDir
    Path temp;

    @Test
    void everyMigrationSitsInItsModulesFolderAndSaysItsModule() throws IOException {
        Set<String> versions = new HashSet<>();
        for (Resource script : scripts()) {
            String path = script.getURL().toString();
            Matcher name = NAME.matcher(path);
            assertThat(name.matches()).as("%s: db/migration/<module>/V<n>__<module>_<what>.sql", path).isTrue();
            String module = name.group(1).equals("__root") ? "platform" : name.group(1);
            assertThat(name.group(3)).as(path).matches(module + "(_.*)?");
            assertThat(versions.add(name.group(2))).as("version %s used once", name.group(2)).isTrue();
        }
        assertThat(versions).hasSizeGreaterThanOrEqualTo(17);
    }

    @Test
    void aDatabaseMigratedWithTheOldLayoutMigratesWithTheNewOne() throws IOException {
        Path oldLayout = Files.createDirectories(temp.resolve("old"));
        for (Resource script : scripts()) {
            Matcher name = NAME.matcher(script.getURL().toString());
            assertThat(name.matches()).isTrue();
            String version = name.group(2);
            if (Integer.parseInt(version) > 17) {
                continue; // written after the change of layout
            }
            String[] renamed = MigrationLayout.RENAMED.get(version);
            String oldName = renamed == null ? "V" + version + "__" + name.group(3) + ".sql"
                    : "V" + version + "__" + renamed[0].replace(' ', '_') + ".sql";
            try (InputStream content = script.getInputStream()) {
                Files.copy(content, oldLayout.resolve(oldName));
            }
        }
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setDataDirectory(temp.resolve("pg"))
                .setCleanDataDirectory(false).setRegisterShutdownHook(false).start()) {
            Flyway.configure().dataSource(postgres.getPostgresDatabase())
                    .locations("filesystem:" + oldLayout.toAbsolutePath()).load().migrate();
            JdbcClient jdbc = JdbcClient.create(postgres.getPostgresDatabase());
            jdbc.sql("INSERT INTO site_page (slug, language, title, body_markdown, updated_by) VALUES ('prova', 'it', 'Prova', 'Testo', 'test')").update();

            assertThatThrownBy(() -> Flyway.configure().dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration").ignoreMigrationPatterns("*:pending").load().validate())
                    .as("without the renaming, Flyway refuses the old history").hasMessageContaining("description");

            Flyway current = Flyway.configure().dataSource(postgres.getPostgresDatabase())
                    .locations("classpath:db/migration").callbacks(new MigrationLayout()).load();
            current.migrate();
            current.validate();

            List<MigrationInfo> all = Arrays.asList(current.info().all());
            assertThat(all).allMatch(m -> m.getState() == MigrationState.SUCCESS, "every migration applied");
            assertThat(all.stream().filter(m -> m.getVersion().getVersion().equals("0008")).findFirst().orElseThrow()
                    .getDescription()).isEqualTo("questions faq");
            assertThat(jdbc.sql("SELECT title FROM site_page WHERE slug = 'prova'").query(String.class).single())
                    .as("data kept").isEqualTo("Prova");
            assertThat(jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE script LIKE '%/%'")
                    .query(Integer.class).single()).as("scripts named with their folder")
                    .isGreaterThanOrEqualTo(MigrationLayout.RENAMED.size());
        }
    }

    private static List<Resource> scripts() throws IOException {
        return new ArrayList<>(List.of(new PathMatchingResourcePatternResolver().getResources("classpath*:db/migration/**/*.sql")));
    }
}
