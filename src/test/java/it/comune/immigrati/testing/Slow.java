package it.comune.immigrati.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * A test that starts a browser, another JVM or another PostgreSQL. A developer iterating runs the fast
 * tier without them ({@code -DexcludedGroups=slow}); CI and {@code ./run-tests} run everything.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag("slow")
public @interface Slow {
}
