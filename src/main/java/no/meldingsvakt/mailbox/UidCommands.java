package no.meldingsvakt.mailbox;

import jakarta.mail.MessagingException;
import org.eclipse.angus.mail.iap.Argument;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BASE64MailboxEncoder;

/**
 * Moves, copies and flags one message by its UID. Angus' own {@code moveMessages},
 * {@code copyMessages} and {@code setFlags} name messages by sequence number, which shifts
 * whenever another session expunges: the command can then hit a different message than the one
 * whose effects were stored. A UID never names another message.
 */
final class UidCommands {
    private UidCommands() {}

    /** {@code UID MOVE} (RFC 6851). */
    static void move(IMAPFolder f, long uid, String target) throws MessagingException {
        run(f, "UID MOVE", uid, target);
    }

    /** {@code UID COPY}. */
    static void copy(IMAPFolder f, long uid, String target) throws MessagingException {
        run(f, "UID COPY", uid, target);
    }

    /** {@code UID STORE uid +FLAGS.SILENT (keyword)}. */
    static void addKeyword(IMAPFolder f, long uid, String keyword) throws MessagingException {
        f.doCommand(p -> {
            Argument a = new Argument();
            a.writeAtom(Long.toString(uid));
            a.writeAtom("+FLAGS.SILENT");
            a.writeAtom("(" + keyword + ")");
            p.simpleCommand("UID STORE", a);
            return null;
        });
    }

    private static void run(IMAPFolder f, String command, long uid, String target) throws MessagingException {
        f.doCommand(p -> {
            Argument a = new Argument();
            a.writeAtom(Long.toString(uid));
            a.writeString(BASE64MailboxEncoder.encode(target));
            p.simpleCommand(command, a);
            return null;
        });
    }
}
