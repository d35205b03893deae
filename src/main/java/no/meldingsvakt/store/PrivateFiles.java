package no.meldingsvakt.store;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Files that hold what partners wrote (the store, its WAL, the sent journal) are the service
 * user's alone: created 0600 in a 0700 directory, and tightened to 0600 when found looser.
 * SQLite gives its WAL and shared-memory files the database file's own permissions.
 */
public final class PrivateFiles {
    private PrivateFiles() {}

    public static void createParent(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null && !Files.isDirectory(parent)) {
            if (posix(parent.getParent())) {
                Files.createDirectories(parent, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            } else {
                Files.createDirectories(parent);
            }
        }
    }

    /** Creates the file 0600 if it is missing; makes an existing one 0600. */
    public static void create(Path file) throws IOException {
        try {
            if (posix(file.toAbsolutePath().getParent())) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            restrict(file);
        }
    }

    public static void restrict(Path file) throws IOException {
        if (Files.exists(file) && posix(file.toAbsolutePath().getParent())) {
            Files.setPosixFilePermissions(file, Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                    java.nio.file.attribute.PosixFilePermission.OWNER_WRITE));
        }
    }

    private static boolean posix(Path dir) {
        return dir != null && dir.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
