package it.comune.immigrati.appointments.internal;

import java.util.Optional;
import java.util.function.Function;

import it.comune.immigrati.platform.AciProperties;
import it.comune.immigrati.platform.RateLimit;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a private link of the module names (an appointment, a place on the waiting list). Private pages
 * are never cached nor indexed; a client that tries many unknown links, of either kind, is refused
 * before the lookup, so guessing a 128-bit token is hopeless.
 */
@Component
class PrivateLinks {

    private final RateLimit guesses;

    PrivateLinks(AciProperties aci) {
        this.guesses = RateLimit.of(aci.security().maxUnknownLinksPerClient(), aci.security().clientFailureWindow());
    }

    <T> T find(String token, Function<String, Optional<T>> lookup, HttpServletRequest request, HttpServletResponse response) {
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Robots-Tag", "noindex, nofollow");
        String client = request.getRemoteAddr();
        if (guesses.exhausted(client)) {
            throw new ResponseStatusException(HttpStatus.TOO_MANY_REQUESTS);
        }
        Optional<T> found = token.length() == 22 ? lookup.apply(token) : Optional.empty();
        if (found.isEmpty()) {
            guesses.take(client);
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return found.get();
    }
}
