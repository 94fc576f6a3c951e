package it.comune.immigrati.guides.internal;

import it.comune.immigrati.platform.Topics;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import it.comune.immigrati.guides.internal.GuideRecords.Guide;
import it.comune.immigrati.guides.internal.GuideRecords.Translation;
import it.comune.immigrati.site.Language;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads guides written as files ({@code <slug>/<language>.md}, see {@code content/guides/README.md}):
 * the demo content shipped with the application, or a Comune's own through the import command. A file
 * whose text is already the guide's current one changes nothing, so importing twice is harmless; a
 * changed file becomes a new version, published at once or sent to review.
 */
@Service
class GuideImport {

    /** What an import did; {@code errors} names each file that was skipped and why. */
    record Report(int files, int newGuides, int newVersions, int unchanged, List<String> errors) {

        String describe() {
            return "%d files: %d new guides, %d new versions, %d unchanged, %d refused%s".formatted(files, newGuides,
                    newVersions, unchanged, errors.size(), errors.isEmpty() ? "" : "\n  " + String.join("\n  ", errors));
        }
    }

    private record Named(String name, String content) {
    }

    private final GuideStore store;
    private final GuideWorkflow workflow;
    private final TransactionTemplate transactions;
    private final List<String> topics;

    GuideImport(GuideStore store, GuideWorkflow workflow, TransactionTemplate transactions, Topics topicCodes) {
        this.store = store;
        this.workflow = workflow;
        this.transactions = transactions;
        this.topics = topicCodes.codes();
    }

    /** Imports one {@code .md} file, or every {@code .md} file under a folder. */
    Report fromPath(Path path, boolean publish, String staff) throws IOException {
        List<Named> files = new ArrayList<>();
        if (Files.isRegularFile(path)) {
            files.add(new Named(path.toString(), Files.readString(path, StandardCharsets.UTF_8)));
        } else if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path, 2)) {
                for (Path file : walk.filter(p -> Files.isRegularFile(p) && p.getFileName().toString().endsWith(".md")
                        && !p.getFileName().toString().equalsIgnoreCase("README.md")).sorted().toList()) {
                    files.add(new Named(path.relativize(file).toString(), Files.readString(file, StandardCharsets.UTF_8)));
                }
            }
        } else {
            throw new java.nio.file.NoSuchFileException(path.toString());
        }
        return importFiles(files, publish, staff);
    }

    /** Imports the guides shipped inside the application. */
    Report fromClasspath(String folder, boolean publish, String staff) throws IOException {
        List<Named> files = new ArrayList<>();
        Resource[] resources = new PathMatchingResourcePatternResolver().getResources("classpath*:" + folder + "/*/*.md");
        for (Resource resource : resources) {
            try (var in = resource.getInputStream()) {
                files.add(new Named(resource.getFilename(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
            }
        }
        return importFiles(files, publish, staff);
    }

    private Report importFiles(List<Named> files, boolean publish, String staff) {
        List<String> errors = new ArrayList<>();
        Map<String, List<GuideFile>> bySlug = new LinkedHashMap<>();
        for (Named file : files) {
            try {
                GuideFile parsed = GuideFile.parse(file.content());
                if (parsed.topic() != null && !topics.contains(parsed.topic())) {
                    throw new GuideFile.FormatException("unknown topic '" + parsed.topic() + "'; use one of " + topics);
                }
                bySlug.computeIfAbsent(parsed.slug(), s -> new ArrayList<>()).add(parsed);
            } catch (GuideFile.FormatException e) {
                errors.add(file.name() + ": " + e.getMessage());
            }
        }
        int[] counts = new int[3]; // new guides, new versions, unchanged
        for (List<GuideFile> group : bySlug.values()) {
            // Italian first: translations remember the Italian version they were made from
            group.sort(Comparator.comparing((GuideFile f) -> f.language() != Language.DEFAULT).thenComparing(f -> f.language().code()));
            try {
                transactions.executeWithoutResult(status -> importGuide(group, publish, staff, counts));
            } catch (IllegalArgumentException e) {
                errors.add(group.get(0).slug() + ": " + e.getMessage());
            }
        }
        return new Report(files.size(), counts[0], counts[1], counts[2], List.copyOf(errors));
    }

    private void importGuide(List<GuideFile> files, boolean publish, String staff, int[] counts) {
        GuideFile first = files.get(0);
        Optional<Guide> existing = store.bySlug(first.slug());
        long id;
        if (existing.isEmpty()) {
            if (first.topic() == null) {
                throw new IllegalArgumentException("a new guide needs a topic");
            }
            id = workflow.create(first.slug(), first.topic(), first.situations(), first.reviewBy(), staff);
            counts[0]++;
        } else {
            Guide guide = existing.get();
            id = guide.id();
            if (first.language() == Language.DEFAULT && first.topic() != null) {
                workflow.updateDetails(id, first.topic(), first.situations(), guide.related(),
                        first.reviewBy() != null ? first.reviewBy() : guide.reviewBy(), staff);
            }
        }
        for (GuideFile file : files) {
            Optional<Translation> translation = store.translation(id, file.language());
            boolean same = translation.flatMap(t -> store.version(t.workingVersionId()))
                    .map(v -> v.text().equals(file.text())).orElse(false);
            if (same) {
                counts[2]++;
                Translation current = translation.get();
                if (publish && current.pendingChanges()) {
                    workflow.publishImported(id, file.language(), staff);
                }
                continue;
            }
            workflow.save(id, file.language(), file.text(), staff, "import", file.unreviewed());
            counts[1]++;
            if (publish) {
                workflow.publishImported(id, file.language(), staff);
            } else {
                workflow.submit(id, file.language(), staff);
            }
        }
    }
}
