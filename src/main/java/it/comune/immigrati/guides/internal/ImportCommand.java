package it.comune.immigrati.guides.internal;

import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar aci.jar import-guides <file-or-folder> [--publish]}: loads a Comune's own guides
 * (format in {@code content/guides/README.md}). Without {@code --publish} every new or changed text
 * waits in review for an editor's approval. Exit code 0 when every file was taken, 1 otherwise.
 */
@Component
@Order(50)
class ImportCommand implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);
    static final String NAME = "import-guides";

    private final GuideImport importer;
    private volatile int exitCode;

    ImportCommand(GuideImport importer) {
        this.importer = importer;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty() || !NAME.equals(words.get(0))) {
            return;
        }
        if (words.size() != 2) {
            log.error("Usage: import-guides <file-or-folder> [--publish]");
            exitCode = 2;
            return;
        }
        GuideImport.Report report = importer.fromPath(Path.of(words.get(1)), args.containsOption("publish"), "import");
        log.info("Guides imported from {}: {}", words.get(1), report.describe());
        System.out.println(report.describe());
        exitCode = report.errors().isEmpty() ? 0 : 1;
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
