package no.meldingsvakt.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** GreenMail with the monitored mailbox, the staff and the given partners, and a started service on it. */
public final class MailWorld implements AutoCloseable {
    public final MailServer mail;
    public final Harness harness;

    private MailWorld(MailServer mail, Harness harness) {
        this.mail = mail;
        this.harness = harness;
    }

    /** @param extraYaml appended inside the organisation entry of the standard test config */
    public static MailWorld start(Path dir, String extraYaml, String... partners) {
        List<String> users = new ArrayList<>(List.of(Emails.MAILBOX));
        users.addAll(Harness.STAFF);
        users.addAll(List.of(partners));
        MailServer mail = MailServer.start(users.toArray(String[]::new));
        Harness harness = new Harness(dir, Harness.yaml(dir, mail.imapPort(), mail.smtpPort(), extraYaml));
        harness.start();
        return new MailWorld(mail, harness);
    }

    @Override
    public void close() {
        harness.close();
        mail.close();
    }
}
