package it.comune.immigrati.questions.internal.intake;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.questions.internal.Channel;
import it.comune.immigrati.questions.internal.QuestionRecords.NewAttachment;
import it.comune.immigrati.questions.internal.intake.Submission.Upload;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/**
 * Checks files against a channel's rules ({@link ChannelRules}): how many, how big, and what they really
 * are ({@link FileTypes}, by content). A form is refused with the reasons; an e-mail keeps what passes.
 */
@Component
public class Attachments {

    private final ChannelRules channels;

    Attachments(ChannelRules channels) {
        this.channels = channels;
    }

    public record Checked(List<NewAttachment> files, List<String> errors) {
    }

    /** Files uploaded through a web page (a new question, a message on the private page, a staff answer). */
    public Checked check(List<MultipartFile> uploads) {
        return check(uploads(uploads), channels.of(Channel.WEB));
    }

    static List<Upload> uploads(List<MultipartFile> uploads) {
        return uploads == null ? List.of() : uploads.stream().filter(f -> f != null && !f.isEmpty())
                .map(f -> new Upload(f.getOriginalFilename(), f.getSize(), f::getInputStream)).toList();
    }

    Checked check(List<Upload> uploads, ChannelRules.Rule rule) {
        List<NewAttachment> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        if (rule.form() && uploads.size() > rule.maxFiles()) {
            errors.add("questions.error.attachments.count");
            return new Checked(List.of(), errors);
        }
        for (Upload upload : uploads) {
            if (files.size() >= rule.maxFiles()) {
                continue; // only where the channel leaves files out: a form with too many was refused above
            }
            if (upload.size() > rule.maxFileSize()) {
                errors.add("questions.error.attachments.size");
                continue;
            }
            var type = FileTypes.detect(head(upload));
            if (type.isEmpty()) {
                errors.add("questions.error.attachments.type");
                continue;
            }
            files.add(new NewAttachment(safeName(upload.name(), type.get()), type.get(), upload.size(), upload.content()));
        }
        return new Checked(files, rule.form() ? errors.stream().distinct().toList() : List.of());
    }

    /** The file name as the resident's device gave it, without paths or control characters. */
    static String safeName(String original, String contentType) {
        String name = original == null ? "" : original.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[\\p{Cntrl}\"<>|*?:]", "_").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "allegato" + name;
        }
        String extension = switch (contentType) {
            case "application/pdf" -> ".pdf";
            case "image/png" -> ".png";
            default -> ".jpg";
        };
        if (!name.toLowerCase(java.util.Locale.ROOT).matches(".*\\.(pdf|png|jpe?g)$")) {
            name = name + extension;
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /** The first bytes, which say what a file is. */
    private static byte[] head(Upload upload) {
        try (java.io.InputStream in = upload.content().open()) {
            return in.readNBytes(16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
