package it.comune.immigrati.testing;

import java.util.Map;

import it.comune.immigrati.platform.AciProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** The application's settings as Spring binds them from these keys (full names, e.g. aci.mail.timeout), defaults for the rest. */
public final class Settings {

    private Settings() {
    }

    public static AciProperties aci(Map<String, String> keys) {
        return new Binder(new MapConfigurationPropertySource(keys)).bindOrCreate("aci", AciProperties.class);
    }
}
