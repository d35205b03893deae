package no.meldingsvakt.mailbox;

import org.eclipse.angus.mail.imap.IMAPFolder;
import jakarta.mail.MessagingException;
import no.meldingsvakt.config.FolderConfig;
import no.meldingsvakt.store.Intake;

/**
 * Files a message whose effects are stored, always by UID, never by sequence number. Chosen per
 * connection: moved where the server offers MOVE, otherwise flagged with the keyword (a
 * quarantined message is then copied to the quarantine folder as well).
 */
interface Marker {
    void mark(IMAPFolder f, long uid, Intake.MessageStatus status) throws MessagingException;

    static Marker moveTo(FolderConfig folders) {
        return (f, uid, status) -> UidCommands.move(f, uid, target(folders, status));
    }

    static Marker keyword(FolderConfig folders) {
        return (f, uid, status) -> {
            if (status == Intake.MessageStatus.QUARANTINED) {
                UidCommands.copy(f, uid, folders.quarantine());
            }
            UidCommands.addKeyword(f, uid, folders.keyword());
        };
    }

    private static String target(FolderConfig folders, Intake.MessageStatus status) {
        return status == Intake.MessageStatus.QUARANTINED ? folders.quarantine() : folders.processed();
    }
}
