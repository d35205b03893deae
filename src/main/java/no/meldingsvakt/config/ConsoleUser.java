package no.meldingsvakt.config;

import java.util.List;

/**
 * A console account: a BCrypt hash (made by {@code hash-password}), never a password, or none for a
 * user who only comes through the single sign-on proxy; a role; and the organisations it may see
 * (empty: all of them).
 */
public record ConsoleUser(String name, java.util.Optional<String> passwordHash, Role role, List<String> organisations) {
    public ConsoleUser {
        organisations = List.copyOf(organisations);
    }

    /** Staff read and close or reopen cases; an administrator also handles quarantine and calendar tokens. */
    public enum Role { STAFF, ADMIN }

    public boolean sees(String org) {
        return organisations.isEmpty() || organisations.contains(org);
    }

    public boolean admin() {
        return role == Role.ADMIN;
    }

    @Override
    public String toString() {
        return "ConsoleUser[" + name + ", " + role + ", " + (organisations.isEmpty() ? "all" : organisations) + ", hash ******]";
    }
}
