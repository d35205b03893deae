package no.meldingsvakt.outbound;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.template.Rendered;

/**
 * Mail to an organisation's lists: one copy per recipient of the selected lists (an address on two
 * lists still gets one), each a Norwegian text with the original attached whole where there is one.
 * Never to the monitored address itself: that would feed the mailbox its own output. Nobody's copy
 * carries text of their own, so the copies are built once, stored once and leave in one SMTP
 * transaction; each recipient still has an outbox row of its own (its key, status and audit).
 */
public final class ListMail {
    private final MailFactory mail;

    public ListMail(MailFactory mail) {
        this.mail = mail;
    }

    public static List<String> recipients(OrganisationConfig org, List<String> lists) {
        Set<String> out = new LinkedHashSet<>();
        for (String list : lists) {
            for (String a : org.lists().get(list).addresses()) {
                if (!a.equalsIgnoreCase(org.address())) {
                    out.add(a.toLowerCase(java.util.Locale.ROOT));
                }
            }
        }
        return List.copyOf(out);
    }

    public List<OutgoingMail> compose(OrganisationConfig org, String kind, String effectKey, Optional<String> caseRef,
            List<String> recipients, Rendered text, Optional<byte[]> original) {
        List<OutgoingMail> out = new ArrayList<>();
        if (recipients.isEmpty()) {
            return out;
        }
        MailFactory.Sender from = new MailFactory.Sender(org.address(), "Meldingsvakt " + org.name());
        String shared = kind + ":" + org.id() + ":" + effectKey;
        String id = mail.messageId(shared, domain(org));
        byte[] raw = mail.copy(from, recipients, text, original, id);
        for (String to : recipients) {
            OutgoingMail m = new OutgoingMail(kind, shared + ":" + to, caseRef, id, org.address(), List.of(to), raw);
            out.add(recipients.size() == 1 ? m : m.sharing(shared));
        }
        return out;
    }

    /** The organisation's own mail domain: where our Message-IDs live. */
    public static String domain(OrganisationConfig org) {
        return org.address().substring(org.address().indexOf('@') + 1);
    }
}
