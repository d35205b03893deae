package no.meldingsvakt.app;

import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import no.meldingsvakt.action.AnswerFromStaff;
import no.meldingsvakt.action.Assess;
import no.meldingsvakt.action.FollowCase;
import no.meldingsvakt.action.JoinCase;
import no.meldingsvakt.action.NoticePipeline;
import no.meldingsvakt.action.RecordCase;
import no.meldingsvakt.action.Redistribute;
import no.meldingsvakt.action.ReportBounce;
import no.meldingsvakt.action.SendReceipt;
import no.meldingsvakt.action.SkipDuplicate;
import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.outbound.ListMail;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.Store;
import no.meldingsvakt.template.Templates;

/** Reading, classifying and deciding: the part of the service that needs no network. */
final class PipelineModule extends AbstractModule {
    @Provides
    @Singleton
    MailFactory mailFactory(Clock clock, Store store) {
        // Keyed with the store's own secret: the ids of the copies we send cannot be guessed.
        return new MailFactory(clock, store.secrets().get("message-id"));
    }

    @Provides
    @Singleton
    ListMail lists(MailFactory mail) {
        return new ListMail(mail);
    }

    @Provides
    @Singleton
    FollowCase followCase(Store store, MailFactory mail, Clock clock) {
        return new FollowCase(store.cases(), mail, clock);
    }

    /** The steps, in the order they run on each message. */
    @Provides
    @Singleton
    NoticePipeline pipeline(Store store, MailFactory mail, ListMail lists, FollowCase follow, Templates templates, Clock clock) {
        return NoticePipeline.builder().reader(new MessageReader()).templates(templates).lists(lists).clock(clock)
                .step(new SkipDuplicate(store.messages()))
                .step(new Assess())
                .step(new ReportBounce(store.outbox(), lists))
                .step(new AnswerFromStaff(store.outbox(), store.cases(), follow, lists))
                .step(new JoinCase(store.cases(), follow))
                .step(new SendReceipt(store.outbox(), mail, clock))
                .step(new Redistribute(lists))
                .step(new RecordCase(follow))
                .build();
    }
}
