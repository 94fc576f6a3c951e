package it.comune.immigrati;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

/** The module boundaries of DESIGN.md §3 hold: no cycles, no reaching into another module's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(AreaCittadiniImmigratiApplication.class);

    @Test
    void modulesRespectTheirBoundaries() {
        modules.verify();
    }

    @Test
    void theExpectedModulesExist() {
        assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
                .contains("platform", "site", "accounts", "mail");
    }

    /** Writes the module documentation (PlantUML and a canvas per module) under target/spring-modulith-docs. */
    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
