package it.comune.immigrati.questions.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.questions.internal.QuestionRecords.NewAttachment;
import org.springframework.stereotype.Component;
import org.springframework.web.multipart.MultipartFile;

/** Checks uploaded files against the desk's rules: how many, how big, and what they really are. */
@Component
class Attachments {

    private final QuestionsProperties settings;

    Attachments(QuestionsProperties settings) {
        this.settings = settings;
    }

    record Checked(List<NewAttachment> files, List<String> errors) {
    }

    Checked check(List<MultipartFile> uploads) {
        List<NewAttachment> files = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        List<MultipartFile> present = uploads.stream().filter(f -> f != null && !f.isEmpty()).toList();
        if (present.size() > settings.maxAttachments()) {
            errors.add("questions.error.attachments.count");
            return new Checked(List.of(), errors);
        }
        for (MultipartFile upload : present) {
            if (upload.getSize() > settings.maxAttachmentSize().toBytes()) {
                errors.add("questions.error.attachments.size");
                continue;
            }
            byte[] content = bytes(upload);
            var type = FileTypes.detect(content);
            if (type.isEmpty()) {
                errors.add("questions.error.attachments.type");
                continue;
            }
            files.add(new NewAttachment(safeName(upload.getOriginalFilename(), type.get()), type.get(), content));
        }
        return new Checked(files, errors.stream().distinct().toList());
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

    private static byte[] bytes(MultipartFile upload) {
        try {
            return upload.getBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
