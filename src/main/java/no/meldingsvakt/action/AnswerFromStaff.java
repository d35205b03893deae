package no.meldingsvakt.action;

import no.meldingsvakt.store.CaseRecord;

import java.util.List;
import java.util.Optional;
import no.meldingsvakt.outbound.ListMail;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Intake;
import no.meldingsvakt.store.OutgoingMail;
import no.meldingsvakt.store.Outbox;

/**
 * A staff member answered a copy, reminder or escalation: the text written above the quote goes
 * on to the partner, the case is marked answered, and nothing else is passed on. An answer is a
 * capability: it must reply to a Message-ID only our own mail carries, come from the own domains
 * and be authenticated where trust is configured.
 */
public final class AnswerFromStaff implements Step {
    private final Outbox outbox;
    private final Cases cases;
    private final FollowCase follow;
    private final ListMail lists;

    public AnswerFromStaff(Outbox outbox, Cases cases, FollowCase follow, ListMail lists) {
        this.outbox = outbox;
        this.cases = cases;
        this.follow = follow;
        this.lists = lists;
    }

    @Override
    public Optional<Intake> apply(Draft d) {
        if (d.c().automatic() || !FollowCase.fromStaff(d.org, d.m, d.a.sender())) {
            return Optional.empty();
        }
        Optional<CaseRecord> answered = outbox.staffMailCase(d.org.id(), d.threadParents()).flatMap(cases::get);
        return answered.map(k -> answer(d, k));
    }

    private Intake answer(Draft d, CaseRecord k) {
        String by = d.m.fromAddress().orElse("?");
        List<String> thread = d.m.messageId().map(List::of).orElse(List.of());
        if (FollowCase.alreadyToPartner(k, d.m)) {
            // Written to the partner directly with the mailbox on copy: sending it on would give the partner two.
            d.audit("staff-reply", "addressed to the partner by " + by + "; not sent on");
        } else {
            Optional<String> written = ReplyText.written(d.m.text());
            if (written.isEmpty()) {
                // Below the quote or between its lines: relaying it would send the internal summary along.
                d.mails.addAll(lists.compose(d.org, OutgoingMail.REPORT, "reply-refused:" + d.key, Optional.of(k.ref()), List.of(by),
                        d.renderer.render("staff-reply-refused", follow.refusedValues(d.org, k, d.m)), Optional.empty()));
                d.audit("staff-reply-refused", "the answer by " + by
                        + " could not be told apart from the quoted text; nothing was sent on and the writer was told");
                return d.classified("staff-reply").caseRef(Optional.of(k.ref())).threadIds(thread).build();
            }
            Optional<OutgoingMail> relayed = follow.relay(d.org, d.renderer, k, d.m, written.get(), d.key);
            relayed.ifPresent(d.mails::add);
            d.audit("staff-reply", relayed.map(x -> "sent on to " + x.recipients()).orElse("no partner address to send it to"));
        }
        d.audit("answered", "reply through Meldingsvakt by " + by);
        return d.classified("staff-reply").caseRef(Optional.of(k.ref())).caseChange(Optional.of(Intake.CaseChange.answered(by)))
                .threadIds(thread).build();
    }
}
