package no.meldingsvakt.mailbox;

import java.util.Optional;

/** Asks, on a connection that is open anyway, how a folder of an organisation's mailbox stands. */
@FunctionalInterface
public interface FolderProbe {
    /** Empty when no open connection can ask: the caller then looks for itself. */
    Optional<FolderStatus> status(String org, String folder);

    static FolderProbe none() {
        return (org, folder) -> Optional.empty();
    }
}
