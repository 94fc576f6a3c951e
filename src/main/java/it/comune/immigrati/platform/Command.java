package it.comune.immigrati.platform;

import java.util.List;

/**
 * Something an operator runs once against the database from the command line
 * ({@code java -jar aci.jar <name> <arguments...>}) instead of starting a node. A module declares a
 * bean of this type; the application finds it by its first word.
 */
public interface Command {

    /** The first word on the command line, e.g. {@code import-guides}. */
    String name();

    /** What to type, e.g. {@code import-guides <file-or-folder> [--publish]}. */
    String usage();

    /**
     * Runs the command with the words after its name and the {@code --options} given.
     *
     * @return the process exit code: 0 success, 1 done with errors, 2 wrong usage
     */
    int run(List<String> arguments, List<String> options) throws Exception;
}
