package it.comune.immigrati.accounts.internal;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The absolute lifetime of a session: the idle timeout alone lets a session that is used every few
 * minutes (or a stolen cookie kept busy) live for ever. A session older than the limit is invalidated
 * before Spring Security reads it, so the request goes on as anonymous and a staff page sends it to sign in.
 * Runs right after Spring Session's filter, so the session's creation time is the one in PostgreSQL.
 */
class SessionLifetimeFilter extends OncePerRequestFilter {

    private final long maxLifetimeMillis;

    SessionLifetimeFilter(Duration maxLifetime) {
        this.maxLifetimeMillis = maxLifetime.toMillis();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && System.currentTimeMillis() - session.getCreationTime() > maxLifetimeMillis) {
            session.invalidate();
        }
        chain.doFilter(request, response);
    }
}
