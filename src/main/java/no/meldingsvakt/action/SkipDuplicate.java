package no.meldingsvakt.action;

import java.util.List;
import java.util.Optional;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.Intake.MessageStatus;
import no.meldingsvakt.store.MessageLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives the message its key, and finishes it when the same mail was processed before (same
 * Message-ID, sender and body). Another mail that reuses a Message-ID gets a key of its own: whoever
 * sent first must not be able to suppress it.
 */
public final class SkipDuplicate implements Step {
    private static final Logger LOG = LoggerFactory.getLogger(SkipDuplicate.class);
    private final MessageLog messages;

    public SkipDuplicate(MessageLog messages) {
        this.messages = messages;
    }

    @Override
    public Optional<Intake> apply(Draft d) {
        String baseKey = CaseRefs.messageKey(d.m.messageId(), d.in.bytes());
        d.fingerprint = CaseRefs.fingerprint(d.m.fromAddress(), d.in.bytes());
        Optional<MessageLog.Seen> first = messages.seenMessageKey(d.org.id(), baseKey);
        boolean clash = first.isPresent() && first.get().fingerprint() != null && !first.get().fingerprint().equals(d.fingerprint);
        d.key = clash ? baseKey + "#" + d.fingerprint.substring(0, 16) : baseKey;
        Optional<MessageLog.Seen> same = clash ? messages.seenMessageKey(d.org.id(), d.key) : first;
        if (same.isPresent()) {
            d.key = baseKey;
            return Optional.of(d.intake().category("", "").status(MessageStatus.DUPLICATE, "same mail already processed")
                    .caseRef(Optional.of(same.get().caseRef()).filter(s -> !s.isEmpty()))
                    .audit(List.of(new Intake.AuditEntry("duplicate", baseKey))).build());
        }
        if (clash) {
            d.audit("message-id-clash", baseKey + " was already used by another mail (other sender or content); processed as " + d.key);
            LOG.warn("mailbox {}: Message-ID {} already seen with another sender or content; processing this mail as well", d.org.id(), baseKey);
        }
        return Optional.empty();
    }
}
