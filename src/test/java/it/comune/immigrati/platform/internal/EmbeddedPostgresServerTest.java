package it.comune.immigrati.platform.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedPostgresServerTest {

    @TempDir
    Path dataDirectory;

    @Test
    void refusesADirectoryOfAnotherMajorVersionAtOnce() throws Exception {
        Files.writeString(dataDirectory.resolve("PG_VERSION"), "16\n");
        assertThatThrownBy(() -> EmbeddedPostgresServer.refuseOtherMajorVersion(dataDirectory))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("PostgreSQL 16")
                .hasMessageContaining("embeds PostgreSQL 17");
    }

    @Test
    void acceptsItsOwnVersionAndAnEmptyDirectory() throws Exception {
        assertThatCode(() -> EmbeddedPostgresServer.refuseOtherMajorVersion(dataDirectory)).doesNotThrowAnyException();
        Files.writeString(dataDirectory.resolve("PG_VERSION"), "17\n");
        assertThatCode(() -> EmbeddedPostgresServer.refuseOtherMajorVersion(dataDirectory)).doesNotThrowAnyException();
    }

    @Test
    void leavesAStalePidFileOfAnotherProgramAlone() throws Exception {
        // pid of this very JVM: alive, but not a postgres serving this directory, so never signalled
        Files.writeString(dataDirectory.resolve("postmaster.pid"),
                ProcessHandle.current().pid() + "\n" + dataDirectory + "\n");
        assertThatCode(() -> EmbeddedPostgresServer.stopOrphanedPostmaster(dataDirectory)).doesNotThrowAnyException();
    }
}
