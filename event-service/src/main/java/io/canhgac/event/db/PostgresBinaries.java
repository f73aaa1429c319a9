package io.canhgac.event.db;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Stream;

/** Unpacks the PostgreSQL build shipped in zonky's binaries jar, once per version, into a shared folder. */
final class PostgresBinaries {

    static final String ARCHIVE = "postgres-linux-x86_64.txz";

    private PostgresBinaries() {
    }

    /** The folder holding bin/, lib/ and share/, unpacked if needed; safe when several JVMs race. */
    static Path install(Path cacheRoot, String version) throws IOException {
        Path home = cacheRoot.resolve("postgres-" + version);
        if (Files.isExecutable(home.resolve("bin/postgres"))) {
            return home;
        }
        Files.createDirectories(cacheRoot);
        Path staging = Files.createTempDirectory(cacheRoot, "postgres-unpacking-");
        try (InputStream resource = PostgresBinaries.class.getClassLoader().getResourceAsStream(ARCHIVE)) {
            if (resource == null) {
                throw new IOException(ARCHIVE + " is not on the classpath (io.zonky.test.postgres binaries jar missing)");
            }
            unpack(resource, staging);
            Files.move(staging, home, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
            deleteTree(staging); // another process finished first
        } catch (IOException e) {
            deleteTree(staging);
            if (!Files.isExecutable(home.resolve("bin/postgres"))) {
                throw e;
            }
        }
        return home;
    }

    private static void unpack(InputStream resource, Path target) throws IOException {
        try (TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(new BufferedInputStream(resource)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path out = target.resolve(entry.getName()).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("archive entry escapes the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else if (entry.isSymbolicLink()) {
                    Files.createDirectories(out.getParent());
                    Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(tar, out, StandardCopyOption.REPLACE_EXISTING);
                    if ((entry.getMode() & 0100) != 0) {
                        Set<PosixFilePermission> perms = EnumSet.copyOf(Files.getPosixFilePermissions(out));
                        perms.add(PosixFilePermission.OWNER_EXECUTE);
                        Files.setPosixFilePermissions(out, perms);
                    }
                }
            }
        }
    }

    static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // best effort: a temp folder left behind is harmless
        }
    }
}
