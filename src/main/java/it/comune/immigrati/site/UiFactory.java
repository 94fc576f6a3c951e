package it.comune.immigrati.site;

import jakarta.servlet.http.HttpServletRequest;

/** Builds the {@link Ui} of a request, for views rendered outside a controller (error pages, mail previews). */
public interface UiFactory {

    Ui ui(HttpServletRequest request);
}
