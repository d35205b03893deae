package no.meldingsvakt.testing;

import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

/** Reading received mail in assertions without checked exceptions. */
public final class Mails {
    private Mails() {}

    public static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The readable text of a received mail (its own body, not an attached original). */
    public static String text(MimeMessage m) {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            m.writeTo(out);
            return new no.meldingsvakt.message.MessageReader().read(out.toByteArray()).text();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Message-ID of the original attached to a redistributed copy. */
    public static String originalId(MimeMessage copy) {
        try {
            Multipart mixed = (Multipart) copy.getContent();
            return ((MimeMessage) mixed.getBodyPart(1).getContent()).getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
