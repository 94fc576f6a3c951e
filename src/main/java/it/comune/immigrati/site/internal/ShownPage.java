package it.comune.immigrati.site.internal;

import java.time.Instant;

import it.comune.immigrati.site.Language;

/** A content page as a visitor sees it; {@code fallback} when it is shown in Italian for want of a translation. */
public record ShownPage(String title, String html, Language language, boolean fallback, Instant updatedAt) {
}
