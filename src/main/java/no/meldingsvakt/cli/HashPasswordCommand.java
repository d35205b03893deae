package no.meldingsvakt.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import org.springframework.security.crypto.bcrypt.BCrypt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Makes the BCrypt hash for a console account's {@code password_hash}. The password is read from
 * the terminal without echo (or one line of standard input), never from the command line, where
 * it would land in the shell's history and the process list.
 */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = "Read a password (no echo, or one line on stdin) and print its BCrypt hash for console.users[].password_hash.")
final class HashPasswordCommand implements Callable<Integer> {
    static final int MIN_LENGTH = 10;

    @Option(names = "--cost", defaultValue = "12", description = "BCrypt cost (10-16). Default: ${DEFAULT-VALUE}.")
    int cost;

    @Override
    public Integer call() throws Exception {
        if (cost < 10 || cost > 16) {
            System.err.println("--cost must be between 10 and 16");
            return Main.CONFIG_ERROR;
        }
        String password;
        Console console = System.console();
        if (console != null) {
            char[] first = console.readPassword("Password: ");
            char[] again = console.readPassword("Again: ");
            if (first == null || again == null || !new String(first).equals(new String(again))) {
                System.err.println("The two passwords differ.");
                return 1;
            }
            password = new String(first);
        } else {
            password = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        }
        if (password == null || password.length() < MIN_LENGTH) {
            System.err.println("Use at least " + MIN_LENGTH + " characters.");
            return 1;
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > 72) {
            System.err.println("BCrypt reads at most 72 bytes; use a shorter password.");
            return 1;
        }
        System.out.println(BCrypt.hashpw(password, BCrypt.gensalt(cost)));
        return 0;
    }
}
