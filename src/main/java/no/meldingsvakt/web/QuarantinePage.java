package no.meldingsvakt.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.mailbox.QuarantineRelease;
import no.meldingsvakt.store.MessageLog;
import no.meldingsvakt.store.Store;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * «Karantene» (administrators only): the messages that could not be processed, with their reason.
 * Released: the store lets go of its key, then the message goes back to the inbox and the watcher
 * takes it like new mail; if the mailbox refuses, the release is taken back. Discarded: it stays in
 * the quarantine folder, off this list.
 */
final class QuarantinePage {
    private static final Logger LOG = LoggerFactory.getLogger(QuarantinePage.class);
    private final Store store;
    private final QuarantineRelease release;

    QuarantinePage(Store store, QuarantineRelease release) {
        this.store = store;
        this.release = release;
    }

    Map<String, Object> model(Viewer v) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (OrganisationConfig o : v.organisations()) {
            for (MessageLog.Quarantined q : store.messages().quarantined(o.id())) {
                Map<String, Object> r = new HashMap<>();
                r.put("id", q.id());
                r.put("org", o.name());
                r.put("received", Views.time(q.receivedAt()));
                r.put("sender", q.sender());
                r.put("subject", q.subject());
                r.put("reason", q.reason());
                rows.add(r);
            }
        }
        return Map.of("rows", rows, "count", rows.size());
    }

    Optional<MessageLog.Quarantined> find(Viewer v, long id) {
        return store.messages().quarantinedById(id).filter(q -> v.sees(q.org()));
    }

    /** Returns what to tell the administrator. */
    String release(Viewer v, MessageLog.Quarantined q, OrganisationConfig org) {
        if (!store.messages().settle(q.id(), "released", v.user().name(), "sent to " + org.folders().inbox() + " for another try")) {
            return "Meldingen var allerede behandlet.";
        }
        try {
            if (release.putBack(org, q.messageKey())) {
                LOG.info("console: {} released quarantined message {} of {}", v.user().name(), q.id(), org.id());
                return "Meldingen er lagt tilbake i innboksen og behandles på nytt.";
            }
            store.messages().unsettle(q.id(), "not found in " + org.folders().quarantine());
            return "Fant ikke meldingen i mappen " + org.folders().quarantine() + ". Den er ikke sluppet.";
        } catch (Exception e) {
            LOG.warn("console: release of quarantined message {} of {} failed: {}", q.id(), org.id(), e.toString());
            store.messages().unsettle(q.id(), e.toString());
            return "Kunne ikke legge meldingen tilbake i innboksen: " + e.getMessage();
        }
    }

    String discard(Viewer v, MessageLog.Quarantined q, String note) {
        boolean done = store.messages().settle(q.id(), "discarded", v.user().name(), note.isBlank() ? "forkastet i konsollet" : note);
        return done ? "Meldingen er forkastet (den ligger fortsatt i karantenemappen)." : "Meldingen var allerede behandlet.";
    }
}
