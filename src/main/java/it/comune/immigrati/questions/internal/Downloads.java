package it.comune.immigrati.questions.internal;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** An attachment as a download, for residents and staff alike: never shown inline, never cached. */
public final class Downloads {

    private Downloads() {
    }

    public static ResponseEntity<byte[]> of(QuestionStore.AttachmentContent file) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(file.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(file.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                                .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .header("Content-Security-Policy", "default-src 'none'; sandbox")
                .body(file.content());
    }
}
