package it.comune.immigrati.platform;

/**
 * An open form whose page is the same for every visitor, so that it can be served whole from the page
 * cache: anonymous POSTs to its path carry no CSRF token. What the token would prevent, a form on another
 * site posting here in a visitor's name, is refused by the browser's own headers instead ({@code
 * Sec-Fetch-Site: cross-site}, or an {@code Origin} of another host). Only for forms whose answer gives
 * the poster nothing of the visitor's (holding a free time, not changing a booking). A module declares a
 * bean per form.
 *
 * @param pattern the form's action as a path pattern ({@code /appuntamenti/servizio/{service}/{office}})
 */
public record TokenFreeForm(String pattern) {
}
