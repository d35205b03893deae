package no.meldingsvakt.cli;

import java.io.PrintStream;
import java.util.stream.Collectors;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.config.AppConfig;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.config.Route;

/** What Meldingsvakt understood from a config file, in a few lines per organisation; secrets show only their source. */
final class ConfigSummary {
    private ConfigSummary() {}

    static void print(AppConfig c, PrintStream out) {
        out.println("Config " + c.source() + " is valid.");
        out.println("Store: " + c.storePath().toAbsolutePath() + " (kept " + c.retention().toDays() + " days)");
        out.println("Limits: " + c.messageDeadline().toSeconds() + " s per message");
        c.templatesDir().ifPresent(t -> out.println("Templates: " + t));
        out.println("Health: alert after " + c.health().unwatchedAfter().toMinutes() + " min unwatched, "
                + c.health().authFailures() + " failed logins or " + c.health().undeliverableAfter().toMinutes() + " min undeliverable; "
                + c.fallbackSmtp().map(f -> "fallback SMTP " + f.server().host() + ":" + f.server().port()).orElse("no fallback SMTP"));
        for (OrganisationConfig o : c.organisations()) {
            out.println();
            out.println(o.name() + " [" + o.id() + "] watching " + o.address());
            out.println("  IMAP " + o.imap().host() + ":" + o.imap().port() + " " + o.imap().security().name().toLowerCase()
                    + (o.idle() ? ", IDLE" : ", polling every " + o.pollSeconds() + " s") + ", user " + o.user()
                    + ", " + describe(o.auth()));
            out.println("  SMTP " + o.smtp().host() + ":" + o.smtp().port() + " " + o.smtp().security().name().toLowerCase());
            out.println("  Trust: " + o.trust().describe());
            if (o.trust().none()) {
                out.println("  WARNING: " + o.id() + " has trust: none: anyone can forge a From line, get receipts sent where they choose,"
                        + " answer or close cases. Set trust.authserv_ids (see the README's Security section).");
            }
            out.println("  Folders: processed -> " + o.folders().processed() + ", unreadable -> " + o.folders().quarantine());
            o.lists().values().forEach(l -> out.println("  List " + l.name() + ": " + l.addresses().size() + " recipient(s)"));
            for (Route r : o.routes()) {
                out.println("  Route " + r.name() + ": " + describe(r) + " -> " + String.join(", ", r.lists()));
            }
            out.println("  Otherwise -> " + String.join(", ", o.fallbackLists()));
            o.adminList().ifPresent(a -> out.println("  Admin reports -> " + a));
            out.println("  Receipts for: " + java.util.Arrays.stream(Category.values()).filter(o::receiptFor).map(Category::id)
                    .collect(Collectors.joining(", ")) + " (max " + o.receiptLimit().max() + " per sender per "
                    + o.receiptLimit().window().toMinutes() + " min)");
        }
    }

    private static String describe(no.meldingsvakt.config.AuthConfig auth) {
        if (auth instanceof no.meldingsvakt.config.AuthConfig.Password p) {
            return "password from " + p.password().source();
        }
        no.meldingsvakt.config.AuthConfig.OAuth2 o = (no.meldingsvakt.config.AuthConfig.OAuth2) auth;
        return "OAuth2 (" + o.provider().name().toLowerCase() + ", token from " + o.tokenUrl().getHost() + ", "
                + o.clientSecret().map(s -> "secret from " + s.source()).orElse("certificate " + o.certificate().orElse(null)) + ")";
    }

    private static String describe(Route r) {
        StringBuilder sb = new StringBuilder();
        if (!r.categories().isEmpty()) {
            sb.append("category ").append(r.categories().stream().map(Category::id).sorted().collect(Collectors.joining("|"))).append(' ');
        }
        if (!r.services().isEmpty()) {
            sb.append("service ").append(String.join("|", r.services())).append(' ');
        }
        if (!r.senderDomains().isEmpty()) {
            sb.append("from ").append(String.join("|", r.senderDomains())).append(' ');
        }
        r.time().ifPresent(t -> sb.append(t.name().toLowerCase()).append(' '));
        return sb.length() == 0 ? "everything" : sb.toString().strip();
    }
}
