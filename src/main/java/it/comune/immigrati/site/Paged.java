package it.comune.immigrati.site;

import java.util.List;
import java.util.function.BiFunction;

/** One page of a long public list (FAQ, guides), numbered from 1, and how many pages there are. */
public record Paged<T>(List<T> items, int page, int pages) {

    /** The requested page of {@code all}, or the nearest that exists. */
    public static <T> Paged<T> of(List<T> all, int requested, int size) {
        return read(all.size(), requested, size, (offset, limit) -> all.subList(offset, Math.min(all.size(), offset + limit)));
    }

    /**
     * The requested page, or the nearest that exists, of a list of {@code total} items that only
     * {@code read(offset, limit)} loads: for lists too long to hold whole.
     */
    public static <T> Paged<T> read(int total, int requested, int size, BiFunction<Integer, Integer, List<T>> read) {
        int pages = Math.max(1, (total + size - 1) / size);
        int page = Math.min(Math.max(requested, 1), pages);
        return new Paged<>(read.apply((page - 1) * size, size), page, pages);
    }
}
