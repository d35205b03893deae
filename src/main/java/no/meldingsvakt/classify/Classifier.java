package no.meldingsvakt.classify;

import java.util.Optional;
import no.meldingsvakt.message.ParsedMessage;

/** Combines subject rules, automatic-mail checks and service detection into one verdict. */
public final class Classifier {
    private Classifier() {}

    public static Classification classify(ParsedMessage m, String monitoredAddress) {
        Optional<String> automatic = AutomaticMailDetector.reason(m, monitoredAddress);
        Optional<Category> notice = SubjectClassifier.classify(SubjectNormalizer.normalize(m.subject()));
        boolean loopOrReport = automatic.isPresent()
                && (automatic.get().startsWith("sent from the monitored") || automatic.get().startsWith("delivery or read report"));
        Category category = notice.filter(c -> !loopOrReport)
                .orElse(automatic.isPresent() ? Category.AUTOMATIC : Category.UNKNOWN);
        return new Classification(category, automatic, ServiceDetector.detect(m.subject() + "\n" + m.text()));
    }
}
