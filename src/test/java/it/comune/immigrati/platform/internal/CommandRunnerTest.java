package it.comune.immigrati.platform.internal;

import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.platform.Command;
import org.junit.jupiter.api.Test;
import org.springframework.boot.DefaultApplicationArguments;

import static org.assertj.core.api.Assertions.assertThat;

/** The first word of the command line picks a module's {@link Command}; the application knows none by name. */
class CommandRunnerTest {

    private final List<String> ran = new ArrayList<>();

    private final Command greet = new Command() {
        @Override
        public String name() {
            return "greet";
        }

        @Override
        public String usage() {
            return "greet <name> [--loud]";
        }

        @Override
        public int run(List<String> arguments, List<String> options) {
            if (arguments.size() != 1) {
                return 2;
            }
            ran.add(arguments.get(0) + options);
            return 0;
        }
    };

    private int run(String... args) throws Exception {
        CommandRunner runner = new CommandRunner(List.of(greet));
        runner.run(new DefaultApplicationArguments(args));
        return runner.getExitCode();
    }

    @Test
    void runsTheNamedCommandWithItsArgumentsAndOptions() throws Exception {
        assertThat(run("greet", "Amina", "--loud")).isZero();
        assertThat(ran).containsExactly("Amina[loud]");
    }

    @Test
    void anUnknownCommandOrAWrongUsageExitsWithTwo() throws Exception {
        assertThat(run("salute", "Amina")).isEqualTo(2);
        assertThat(run("greet")).isEqualTo(2);
        assertThat(ran).isEmpty();
    }

    @Test
    void withoutAWordTheNodeStartsAndNothingRuns() throws Exception {
        assertThat(run("--server.port=0")).isZero();
        assertThat(ran).isEmpty();
    }
}
