package it.comune.immigrati.site;

import java.util.List;

/** One page of a long public list (FAQ, guides), numbered from 1, and how many pages there are. */
public record Paged<T>(List<T> items, int page, int pages) {

    /** The requested page of {@code all}, or the nearest that exists. */
    public static <T> Paged<T> of(List<T> all, int requested, int size) {
        int pages = Math.max(1, (all.size() + size - 1) / size);
        int page = Math.min(Math.max(requested, 1), pages);
        return new Paged<>(all.subList((page - 1) * size, Math.min(all.size(), page * size)), page, pages);
    }
}
