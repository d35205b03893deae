package no.meldingsvakt.action;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import no.meldingsvakt.calendar.BusinessCalendar;

/**
 * Case references like {@code MV-261122-K7Q2XA}: the date the case opened and six characters
 * derived from the message, so the same message always yields the same reference.
 */
public final class CaseRefs {
    private static final Pattern REF = Pattern.compile("\\bMV-(\\d{6})-([A-Z2-7]{6})\\b");
    private static final char[] BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyMMdd").withZone(BusinessCalendar.OSLO);

    private CaseRefs() {}

    public static String newRef(String org, String messageKey, Instant opened) {
        byte[] h = sha256(org + "\n" + messageKey);
        StringBuilder sb = new StringBuilder("MV-").append(DAY.format(opened)).append('-');
        for (int i = 0; i < 6; i++) {
            sb.append(BASE32[(h[i] & 0xff) % 32]);
        }
        return sb.toString();
    }

    /** A case reference written anywhere in a subject, e.g. kept in a reply's "SV: Mottatt: … [MV-…]". */
    public static Optional<String> find(String subject) {
        Matcher m = REF.matcher(subject.toUpperCase(java.util.Locale.ROOT));
        return m.find() ? Optional.of(m.group()) : Optional.empty();
    }

    /** The identity of a message for de-duplication: its Message-ID, or a hash of its bytes when it has none. */
    public static String messageKey(Optional<String> messageId, byte[] raw) {
        return messageId.orElseGet(() -> "sha256:" + java.util.HexFormat.of().formatHex(sha256(raw)));
    }

    private static byte[] sha256(String s) {
        return sha256(s.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
