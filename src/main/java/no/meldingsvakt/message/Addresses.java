package no.meldingsvakt.message;

import java.util.Locale;

/** The domain of a mail address, and whether two domains belong together: one place for both. */
public final class Addresses {
    private Addresses() {}

    /** "Kari@Hemit.no" → "hemit.no"; a bare domain is returned lower-cased. */
    public static String domain(String addressOrDomain) {
        return addressOrDomain.substring(addressOrDomain.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
    }

    /**
     * Whether two addresses or domains are the same organisation's mail domain: equal, or one a
     * subdomain of the other (RFC 7489's relaxed alignment without a public-suffix list; a bare
     * top-level domain never counts). "orkland.kommune.no" and "malvik.kommune.no" are not related.
     */
    public static boolean related(String a, String b) {
        String x = domain(a);
        String y = domain(b);
        return x.equals(y) || (x.endsWith("." + y) && y.contains(".")) || (y.endsWith("." + x) && x.contains("."));
    }
}
