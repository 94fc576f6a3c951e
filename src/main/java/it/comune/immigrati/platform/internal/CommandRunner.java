package it.comune.immigrati.platform.internal;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import it.comune.immigrati.platform.Command;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** Runs the {@link Command} named by the first word on the command line, if there is one. */
@Component
@Order(50)
class CommandRunner implements ApplicationRunner, ExitCodeGenerator {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final List<Command> commands;
    private volatile int exitCode;

    CommandRunner(List<Command> commands) {
        this.commands = commands;
    }

    @Override
    public void run(ApplicationArguments args) throws Exception {
        List<String> words = args.getNonOptionArgs();
        if (words.isEmpty()) {
            return;
        }
        Optional<Command> command = commands.stream().filter(c -> c.name().equals(words.get(0))).findFirst();
        if (command.isEmpty()) {
            log.error("Unknown command {}. Commands: {}", words.get(0), commands.stream()
                    .sorted(Comparator.comparing(Command::name)).map(Command::usage).toList());
            exitCode = 2;
            return;
        }
        exitCode = command.get().run(words.subList(1, words.size()), List.copyOf(args.getOptionNames()));
        if (exitCode == 2) {
            log.error("Usage: {}", command.get().usage());
        }
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
