package no.meldingsvakt.action;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import no.meldingsvakt.config.OrganisationConfig;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.template.Rendered;

/**
 * One copy per recipient of the selected lists (an address on two lists still gets one), each a
 * Norwegian summary with the original attached whole. Never to the monitored address itself:
 * that would feed the mailbox its own output.
 */
public final class Redistribute {
    private final MailFactory mail;

    public Redistribute(MailFactory mail) {
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
            String id = mail.messageId(key, SendReceipt.domain(org));
            out.add(new OutgoingMail(kind, key, caseRef, id, org.address(), List.of(to), mail.copy(from, to, text, original, id)));
        }
        return out;
    }

}
