package it.comune.immigrati.platform;

import java.util.Optional;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

/**
 * What a resident's private link names (an appointment, a place on a waiting list, a reminder). Private
 * pages are never cached nor indexed; a client that tries many unknown links, of any kind, is refused
 * before the lookup, so guessing a 128-bit token is hopeless. One for every module, so the count of a
 * client's misses is one count.
 */
@Component
public class PrivateLinks {

    private final RateLimit guesses;

    PrivateLinks(AciProperties aci) {
        this.guesses = RateLimit.of(aci.security().maxUnknownLinksPerClient(), aci.security().clientFailureWindow());
    }

    /** What {@code token} names, or 404 (429 after too many misses from the client); sets the headers of a private page. */
    public <T> T find(String token, Function<String, Optional<T>> lookup, HttpServletRequest request, HttpServletResponse response) {
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
