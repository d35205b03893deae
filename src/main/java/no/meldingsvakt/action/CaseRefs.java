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

    /**
     * What makes two mails the same mail beyond their Message-ID: the sender and the body (the
     * bytes after the header block, which relays and servers add to). Hex SHA-256.
     */
    public static String fingerprint(Optional<String> sender, byte[] raw) {
        int body = bodyStart(raw);
        byte[] who = (sender.orElse("").toLowerCase(java.util.Locale.ROOT) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(who);
            d.update(raw, body, raw.length - body);
            return java.util.HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int bodyStart(byte[] raw) {
        for (int i = 0; i + 1 < raw.length; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return Math.min(raw.length, i + (raw[i + 1] == '\n' ? 2 : 3));
            }
        }
        return raw.length;
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
