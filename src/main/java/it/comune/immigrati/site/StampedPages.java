package it.comune.immigrati.site;

import java.util.function.Supplier;

/**
 * Open GET answers under a path that the page cache may keep for anonymous callers while their stamp stays
 * the same: for answers that change with a module's own data and with time, not with public content (the
 * free times of a desk, asked for by hundreds at the minute new times open). A module declares a bean per
 * path; the answers must not carry anything of one caller (a token, a cookie).
 *
 * @param pattern a path pattern under an open route, as Spring MVC matches it
 * @param stamp   what the answers show now: a kept answer is served while this equals the stamp it was kept
 *                with; {@code null} keeps nothing
 */
public record StampedPages(String pattern, Supplier<Object> stamp) {
}
