package no.meldingsvakt.app;

import no.meldingsvakt.template.Templates;
import com.google.inject.AbstractModule;
import com.google.inject.Provides;
import com.google.inject.Singleton;
import java.time.Clock;
import no.meldingsvakt.action.NoticePipeline;
import no.meldingsvakt.message.MessageReader;
import no.meldingsvakt.outbound.MailFactory;
import no.meldingsvakt.store.Cases;
import no.meldingsvakt.store.Store;

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
    NoticePipeline pipeline(Store store, Cases cases, MailFactory mail, Templates templates, Clock clock) {
        return new NoticePipeline(new MessageReader(), store, cases, mail, templates, clock);
    }
}
