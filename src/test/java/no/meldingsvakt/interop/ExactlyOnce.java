package no.meldingsvakt.interop;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeMessage;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.meldingsvakt.testing.Emails;
import no.meldingsvakt.testing.Harness;
import no.meldingsvakt.testing.Mails;
import no.meldingsvakt.testing.RealMail;

/**
 * The bar of the crash and fail-over tests: every staff member holds exactly one copy of each
 * notice meant for them, and each partner at most one receipt per case. A mail whose send was
 * interrupted between the final "." and the "250" (a kill, a freeze past the outbox claim) may
 * arrive twice, but only if the audit flagged it as a possible duplicate.
 */
final class ExactlyOnce {
    static final String KARI = "kari@hemit.test";
    static final String OLA = "ola@nabokommune.test";
    private final Set<String> copies = new HashSet<>();
    private final Set<String> receipts = new HashSet<>();

    /** From the audit's possible-duplicate details: copy:<org>:<message-id>:<recipient> or receipt:<case>, maybe with a note after a space. */
    ExactlyOnce(List<String> flaggedDetails) {
        for (String detail : flaggedDetails) {
            String key = detail.split(" ")[0];
            if (key.startsWith("receipt:")) {
                receipts.add(key.substring("receipt:".length()));
            } else if (key.startsWith("copy:")) {
                int colon = key.lastIndexOf(':');
                copies.add(key.substring(colon + 1) + " " + key.substring(key.indexOf(':', 5) + 1, colon));
            }
        }
    }

    int flagged() {
        return copies.size() + receipts.size();
    }

    @Override
    public String toString() {
        return copies + " " + receipts;
    }

    void check(RealMail real, List<Emails> sent, int expectedCopies, List<String> partners, String context) throws Exception {
        Map<String, Integer> held = new HashMap<>();
        for (String staff : Harness.STAFF) {
            for (MimeMessage m : real.inbox(staff)) {
                held.merge(staff + " " + Mails.originalId(m), 1, Integer::sum);
            }
        }
        assertThat(held).as("copies per recipient and notice (" + context + ")")
                .allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(copies.contains(k) ? v : 1))
                .allSatisfy((k, v) -> assertThat(v).as(k).isBetween(1, 2));
        for (Emails e : sent) {
            assertThat(held.keySet()).as("someone got " + e.messageIdValue()).anyMatch(k -> k.endsWith(" " + e.messageIdValue()));
        }
        assertThat(held.size()).as("every recipient holds every notice meant for them").isEqualTo(expectedCopies);
        for (String partner : partners) {
            assertThat(real.inbox(partner)).extracting(Mails::subject).as("receipts to " + partner)
                    .filteredOn(s -> receipts.stream().noneMatch(s::contains)).doesNotHaveDuplicates();
        }
    }

    /**
     * One round's notices: an error from Kari (to it and plo: it, plo, sykepleier), an inquiry from
     * Ola (to the fallback list leder: leder, plo), another error. Returns how many copies they make.
     */
    static int sendRound(RealMail real, int round, List<Emails> sent) {
        int copies = 0;
        for (int i = 0; i < 3; i++) {
            boolean inquiry = i == 1;
            Emails e = inquiry ? Emails.inquiry().from(OLA).subject("Spørsmål " + round + "-" + i) : Emails.errorNotice().from(KARI);
            copies += inquiry ? 2 : 3;
            sent.add(e);
            real.send(e.bytes(), Emails.MAILBOX);
        }
        return copies;
    }
}
