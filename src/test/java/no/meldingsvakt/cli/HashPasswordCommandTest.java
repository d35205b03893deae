package no.meldingsvakt.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.bcrypt.BCrypt;

class HashPasswordCommandTest {
    @Test
    void the_hash_verifies_the_password_and_never_contains_it() {
        Captured c = withStdin("et langt passord\n", "hash-password", "--cost", "10");
        assertThat(c.status()).isZero();
        String hash = c.out().strip();
        assertThat(hash).startsWith("$2a$10$").doesNotContain("passord");
        assertThat(BCrypt.checkpw("et langt passord", hash)).isTrue();
        assertThat(BCrypt.checkpw("et annet passord", hash)).isFalse();
    }

    @Test
    void a_short_password_is_refused() {
        Captured c = withStdin("kort\n", "hash-password");
        assertThat(c.status()).isEqualTo(1);
        assertThat(c.out()).isEmpty();
        assertThat(c.err()).contains("at least 10 characters");
    }

    private static Captured withStdin(String input, String... args) {
        InputStream old = System.in;
        System.setIn(new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)));
        try {
            return Captured.run(args);
        } finally {
            System.setIn(old);
        }
    }
}
