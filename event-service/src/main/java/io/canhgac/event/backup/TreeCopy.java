package io.canhgac.event.backup;

import io.canhgac.event.media.Sha256;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * Copies a folder into the backup (or back), hashing each file as it is written, so the manifest holds
 * the hash of the bytes that were actually copied. A file that vanishes mid-walk (PostgreSQL drops a
 * temporary relation, an upload is renamed) is skipped: it was not part of what is being kept.
 */
final class TreeCopy {

    private final Progress progress;
    final List<FileEntry> files = new ArrayList<>();
    final LinkedHashSet<String> directories = new LinkedHashSet<>();

    TreeCopy(Progress progress) {
        this.progress = progress;
    }

    /**
     * @param source folder to copy (missing: nothing copied)
     * @param target where its content goes
     * @param prefix the name of {@code target} inside the backup, for the manifest
     * @param skip   relative paths (with '/') to leave out; a skipped directory is still recorded, empty
     */
    void copy(Path source, Path target, String prefix, Predicate<String> skip) throws IOException {
        if (!Files.isDirectory(source)) {
            return;
        }
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String relative = relative(source, dir);
                Files.createDirectories(target.resolve(relative));
                directories.add(join(prefix, relative));
                return !relative.isEmpty() && skip.test(relative) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String relative = relative(source, file);
                if (attrs.isRegularFile() && !skip.test(relative)) {
                    copyFile(file, target.resolve(relative), join(prefix, relative));
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    /** Copies one file, recording it under {@code name}; a file gone before it could be opened is skipped. */
    FileEntry copyFile(Path from, Path to, String name) throws IOException {
        try (InputStream in = Files.newInputStream(from)) {
            Files.createDirectories(to.getParent());
            String sha256;
            long size;
            MessageDigest digest = Sha256.digest();
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(to), digest)) {
                size = in.transferTo(out);
            }
            sha256 = Sha256.hex(digest);
            FileEntry entry = new FileEntry(name, size, sha256);
            files.add(entry);
            progress.file(size);
            return entry;
        } catch (NoSuchFileException gone) {
            return null; // removed between the walk and the copy
        }
    }

    /** Writes a file the backup makes itself (PostgreSQL's backup label), recorded like a copied one. */
    void write(Path to, String name, byte[] content) throws IOException {
        Files.createDirectories(to.getParent());
        Files.write(to, content);
        files.add(new FileEntry(name, content.length, Sha256.of(content)));
        progress.file(content.length);
    }

    static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }

    static String join(String prefix, String relative) {
        return relative.isEmpty() ? prefix : prefix + "/" + relative;
    }
}
