package it.comune.immigrati.guides.internal;

import java.nio.file.Path;
import java.util.List;

import it.comune.immigrati.platform.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * {@code java -jar aci.jar import-guides <file-or-folder> [--publish]}: loads a Comune's own guides
 * (format in {@code content/guides/README.md}). Without {@code --publish} every new or changed text
 * waits in review for an editor's approval. Exit code 0 when every file was taken, 1 otherwise.
 */
@Component
class ImportCommand implements Command {

    private static final Logger log = LoggerFactory.getLogger(ImportCommand.class);

    private final GuideImport importer;

    ImportCommand(GuideImport importer) {
        this.importer = importer;
    }

    @Override
    public String name() {
        return "import-guides";
    }

    @Override
    public String usage() {
        return "import-guides <file-or-folder> [--publish]";
    }

    @Override
    public int run(List<String> arguments, List<String> options) throws java.io.IOException {
        if (arguments.size() != 1) {
            return 2;
        }
        GuideImport.Report report = importer.fromPath(Path.of(arguments.get(0)), options.contains("publish"), "import");
        log.info("Guides imported from {}: {}", arguments.get(0), report.describe());
        System.out.println(report.describe());
        return report.errors().isEmpty() ? 0 : 1;
    }
}
