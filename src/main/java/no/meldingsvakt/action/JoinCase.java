package no.meldingsvakt.action;

import no.meldingsvakt.store.CaseRecord;

import java.util.Optional;
import no.meldingsvakt.classify.Category;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Intake;

/**
 * Finds the case a message belongs to (a case reference in the subject, a reply on its thread, or
 * an open case about the same organisation and subject), or gives it a new one. Automatic mail
 * opens no case; another organisation writing on someone else's thread gets a case of its own.
 */
public final class JoinCase implements Step {
    private final Cases cases;
    private final FollowCase follow;

    public JoinCase(Cases cases, FollowCase follow) {
        this.cases = cases;
        this.follow = follow;
    }

    @Override
    public Optional<Intake> apply(Draft d) {
        boolean opensCase = d.c().category() != Category.AUTOMATIC;
        Optional<String> joined = CaseRefs.find(d.m.subject()).filter(ref -> cases.exists(d.org.id(), ref))
                .or(() -> cases.forThread(d.org.id(), d.threadParents()));
        Optional<CaseRecord> joinedCase = joined.flatMap(cases::get);
        if (joinedCase.isPresent() && opensCase && !d.c().automatic() && FollowCase.anotherOrganisation(d.org, joinedCase.get(), d.m)) {
            // «Vi har samme problem» from another organisation on someone else's thread is its own case.
            d.audit("related-case", "on the thread of " + joinedCase.get().ref() + " from another organisation ("
                    + d.m.fromAddress().orElse("?") + "); opened as a case of its own");
            joined = Optional.empty();
            joinedCase = Optional.empty();
        } else if (joined.isEmpty() && opensCase) {
            joined = follow.similar(d.org, d.a, d.in.arrivedAt());
            joined.ifPresent(r -> d.audit("joined-similar", "same subject and organisation as " + r));
            joinedCase = joined.flatMap(cases::get);
        }
        d.joined = joined;
        d.joinedCase = joinedCase;
        d.ref = joined.orElseGet(() -> CaseRefs.newRef(d.org.id(), d.key, d.in.arrivedAt()));
        d.newCase = joined.isEmpty() && opensCase;
        d.caseRef = joined.isPresent() || d.newCase ? Optional.of(d.ref) : Optional.empty();
        joined.ifPresent(r -> d.audit("joined-case", r));
        d.fillValues(d.caseRef.orElse("–"));
        return Optional.empty();
    }
}
