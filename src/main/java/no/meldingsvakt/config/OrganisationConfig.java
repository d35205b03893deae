package no.meldingsvakt.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import no.meldingsvakt.classify.Category;

/** Everything Meldingsvakt knows about one organisation and its meldingsansvarlig mailbox. */
public record OrganisationConfig(
        String id,
        String name,
        String address,
        String user,
        AuthConfig auth,
        ServerConfig imap,
        ServerConfig smtp,
        FolderConfig folders,
        boolean idle,
        int pollSeconds,
        Map<String, RecipientList> lists,
        List<Route> routes,
        List<String> fallbackLists,
        Optional<String> adminList,
        Map<Category, CategoryPolicy> policy,
        ReceiptLimit receiptLimit,
        BusinessHoursConfig businessHours,
        long maxMessageBytes,
        Optional<Path> templatesDir,
        NoticeChecks checks,
        CasePolicy cases,
        TrustConfig trust) {

    public boolean receiptFor(Category category) {
        CategoryPolicy p = policy.get(category);
        return p != null && p.receipt();
    }
}
