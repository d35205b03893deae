package no.meldingsvakt.auth;

import no.meldingsvakt.config.Secret;

/** A fixed password. */
record PasswordCredentials(String user, Secret password) implements Credentials {
    @Override
    public String secret(boolean refresh) {
        return password.reveal();
    }

    @Override
    public boolean oauth2() {
        return false;
    }
}
