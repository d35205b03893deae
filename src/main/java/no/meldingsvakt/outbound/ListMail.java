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
 * Never to the monitored address itself: that would feed the mailbox its own output.
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
        MailFactory.Sender from = new MailFactory.Sender(org.address(), "Meldingsvakt " + org.name());
        for (String to : recipients) {
            String key = kind + ":" + org.id() + ":" + effectKey + ":" + to;
            String id = mail.messageId(key, domain(org));
            out.add(new OutgoingMail(kind, key, caseRef, id, org.address(), List.of(to), mail.copy(from, to, text, original, id)));
        }
        return out;
    }

    /** The organisation's own mail domain: where our Message-IDs live. */
    public static String domain(OrganisationConfig org) {
        return org.address().substring(org.address().indexOf('@') + 1);
    }
}
