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
        TrustConfig trust,
        List<String> reportTo) {

    public boolean receiptFor(Category category) {
        CategoryPolicy p = policy.get(category);
        return p != null && p.receipt();
    }

    /** A builder: an organisation has too many parts to pass by position. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a OrganisationConfig by name instead of by position; every component must be set. */
    public static final class Builder {
        private String id;
        private String name;
        private String address;
        private String user;
        private AuthConfig auth;
        private ServerConfig imap;
        private ServerConfig smtp;
        private FolderConfig folders;
        private boolean idle;
        private int pollSeconds;
        private Map<String, RecipientList> lists;
        private List<Route> routes;
        private List<String> fallbackLists;
        private Optional<String> adminList;
        private Map<Category, CategoryPolicy> policy;
        private ReceiptLimit receiptLimit;
        private BusinessHoursConfig businessHours;
        private long maxMessageBytes;
        private Optional<Path> templatesDir;
        private NoticeChecks checks;
        private CasePolicy cases;
        private TrustConfig trust;
        private List<String> reportTo = List.of();

        private Builder() {}

        public Builder id(String id) {
            this.id = id;
            return this;
        }

        public Builder name(String name) {
            this.name = name;
            return this;
        }

        public Builder address(String address) {
            this.address = address;
            return this;
        }

        public Builder user(String user) {
            this.user = user;
            return this;
        }

        public Builder auth(AuthConfig auth) {
            this.auth = auth;
            return this;
        }

        public Builder imap(ServerConfig imap) {
            this.imap = imap;
            return this;
        }

        public Builder smtp(ServerConfig smtp) {
            this.smtp = smtp;
            return this;
        }

        public Builder folders(FolderConfig folders) {
            this.folders = folders;
            return this;
        }

        public Builder idle(boolean idle) {
            this.idle = idle;
            return this;
        }

        public Builder pollSeconds(int pollSeconds) {
            this.pollSeconds = pollSeconds;
            return this;
        }

        public Builder lists(Map<String, RecipientList> lists) {
            this.lists = lists;
            return this;
        }

        public Builder routes(List<Route> routes) {
            this.routes = routes;
            return this;
        }

        public Builder fallbackLists(List<String> fallbackLists) {
            this.fallbackLists = fallbackLists;
            return this;
        }

        public Builder adminList(Optional<String> adminList) {
            this.adminList = adminList;
            return this;
        }

        public Builder policy(Map<Category, CategoryPolicy> policy) {
            this.policy = policy;
            return this;
        }

        public Builder receiptLimit(ReceiptLimit receiptLimit) {
            this.receiptLimit = receiptLimit;
            return this;
        }

        public Builder businessHours(BusinessHoursConfig businessHours) {
            this.businessHours = businessHours;
            return this;
        }

        public Builder maxMessageBytes(long maxMessageBytes) {
            this.maxMessageBytes = maxMessageBytes;
            return this;
        }

        public Builder templatesDir(Optional<Path> templatesDir) {
            this.templatesDir = templatesDir;
            return this;
        }

        public Builder checks(NoticeChecks checks) {
            this.checks = checks;
            return this;
        }

        public Builder cases(CasePolicy cases) {
            this.cases = cases;
            return this;
        }

        public Builder trust(TrustConfig trust) {
            this.trust = trust;
            return this;
        }

        /** The lists that get the monthly report (none: no report is mailed). */
        public Builder reportTo(List<String> reportTo) {
            this.reportTo = List.copyOf(reportTo);
            return this;
        }

        public OrganisationConfig build() {
            return new OrganisationConfig(id, name, address, user, auth, imap, smtp, folders, idle, pollSeconds, lists, routes, fallbackLists, adminList, policy, receiptLimit, businessHours, maxMessageBytes, templatesDir, checks, cases, trust, reportTo);
        }
    }
}
