package it.comune.immigrati.guides;

import it.comune.immigrati.testing.Slow;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import it.comune.immigrati.AreaCittadiniImmigratiApplication;
import it.comune.immigrati.testing.AciTest;
import it.comune.immigrati.testing.TestStaff;
import it.comune.immigrati.testing.WebClient;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The documented import command, run as a Comune runs it ({@code java ... import-guides <folder> --publish})
 * in its own JVM against this installation's database: good files are published, a bad one is named,
 * and the imported Romanian guide is found by Romanian search with its stemming.
 */
@AciTest
@Slow
class ImportCommandTest {

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    org.springframework.security.crypto.password.PasswordEncoder passwords;

    @TempDir
    Path folder;

    @Test
    void importsAFolderOfGuideFilesAndReportsTheOnesItRefuses() throws Exception {
        Path guide = Files.createDirectories(folder.resolve("permis-de-munca-sezonier"));
        Files.writeString(guide.resolve("it.md"), """
                ---
                slug: permesso-lavoro-stagionale
                language: it
                title: Permesso di soggiorno per lavoro stagionale
                topic: lavoro
                situations: [lavoro]
                summary: Chi arriva per un lavoro stagionale in agricoltura o nel turismo.
                review_by: 2027-06-30
                sources:
                  - title: D.Lgs. 286/1998, art. 24
                    url: https://www.normattiva.it/
                    checked: 2026-11-20
                ---
                ## A chi è rivolto

                Ai lavoratori stagionali con nulla osta.
                """, StandardCharsets.UTF_8);
        Files.writeString(guide.resolve("ro.md"), """
                ---
                slug: permesso-lavoro-stagionale
                language: ro
                title: Permisul de ședere pentru muncă sezonieră
                provenance: unreviewed
                summary: Pentru cine vine la o muncă sezonieră în agricultură sau în turism.
                sources:
                  - title: D.Lgs. 286/1998, art. 24
                    url: https://www.normattiva.it/
                ---
                ## Cui se adresează

                Lucrătorilor sezonieri care au primit autorizația de muncă.
                """, StandardCharsets.UTF_8);
        Files.writeString(guide.resolve("es.md"), """
                ---
                slug: permesso-lavoro-stagionale
                language: es
                title: Permiso de residencia por trabajo de temporada
                provenance: reviewed
                ---
                ## A quién se dirige

                A los trabajadores de temporada con nulla osta.
                """, StandardCharsets.UTF_8);
        Files.writeString(guide.resolve("fr.md"), "---\nslug: permesso-lavoro-stagionale\nlanguage: fr\n---\nSans titre.\n");

        HikariDataSource database = (HikariDataSource) dataSource;
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-cp", System.getProperty("java.class.path"), AreaCittadiniImmigratiApplication.class.getName(),
                "import-guides", folder.toString(), "--publish",
                "--spring.datasource.url=" + database.getJdbcUrl(), "--spring.datasource.username=" + database.getUsername(),
                "--spring.datasource.password=" + (database.getPassword() == null ? "" : database.getPassword()),
                "--aci.data-dir=" + folder.resolve("data")));
        Path log = folder.resolve("import.log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the command ends by itself").isTrue();
        String output = Files.readString(log);
        assertThat(process.exitValue()).as(output).isEqualTo(1);
        assertThat(output).contains("4 files: 1 new guides, 3 new versions, 0 unchanged, 1 refused", "fr.md: 'title' is missing");

        WebClient visitor = new WebClient(port);
        assertThat(visitor.get("/guide/permesso-lavoro-stagionale").body()).contains("Permesso di soggiorno per lavoro stagionale");
        // the Romanian file says it was prepared without review: residents are told, in Romanian, and pointed to the Italian
        assertThat(visitor.get("/guide/permesso-lavoro-stagionale?lang=ro").body())
                .contains("Permisul de ședere pentru muncă sezonieră", "lang=\"ro\"", "id=\"unreviewed\"",
                        "Această traducere nu a fost încă verificată de birou",
                        "href=\"/guide/permesso-lavoro-stagionale?testo=it\"")
                .as("no 'checked by the office on' beside 'not yet checked'").doesNotContain("Verificat de birou");
        assertThat(new WebClient(port).get("/guide/permesso-lavoro-stagionale?lang=es").body())
                .contains("Permiso de residencia por trabajo de temporada").doesNotContain("id=\"unreviewed\"");
        assertThat(new WebClient(port).get("/guide/permesso-lavoro-stagionale").body()).doesNotContain("id=\"unreviewed\"");
        // the editors' table shows which translations wait for a check; a mediator checks one and the notice goes
        TestStaff.Account mediator = TestStaff.create(jdbc, passwords, "MEDIATOR");
        WebClient staff = new WebClient(port);
        TestStaff.login(staff, mediator);
        long id = jdbc.sql("SELECT id FROM guide WHERE slug = 'permesso-lavoro-stagionale'").query(Long.class).single();
        String table = staff.get("/ufficio/guide").body();
        String row = table.substring(table.indexOf("/ufficio/guide/" + id + "/ro\""));
        assertThat(row.substring(0, row.indexOf("</td>"))).contains("da controllare");
        String romanian = "/ufficio/guide/" + id + "/ro";
        assertThat(staff.get(romanian).body()).contains("id=\"mark-checked\"");
        assertThat(staff.get("/ufficio/guide/" + id + "/es").body()).doesNotContain("id=\"mark-checked\"");
        assertThat(staff.submit(romanian, romanian + "/verificata", java.util.Map.of()).statusCode()).isEqualTo(302);
        assertThat(new WebClient(port).get("/guide/permesso-lavoro-stagionale?lang=ro").body())
                .contains("Permisul de ședere").doesNotContain("id=\"unreviewed\"");
        assertThat(staff.get(romanian).body()).doesNotContain("id=\"mark-checked\"");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'guide.translation-checked' AND actor = :a")
                .param("a", mediator.username()).query(Integer.class).single()).isEqualTo(1);
        // Romanian stemming: "lucrător" (singular, no diacritics) finds "lucrătorilor"; "sezoniera" finds "sezonieră"
        String found = visitor.get("/api/v1/search?lang=ro&tipo=guide&q=lucrator+sezoniera", "Accept", "application/json").body();
        assertThat(found).contains("\"url\":\"/guide/permesso-lavoro-stagionale\"");
    }
}
