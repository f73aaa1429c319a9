package io.canhgac.event.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The one rule both commands keep: they write only into a folder that does not exist yet or is empty. */
final class Folders {

    private Folders() {
    }

    static void requireEmpty(Path target, String command) throws IOException {
        if (!Files.exists(target)) {
            return;
        }
        if (!Files.isDirectory(target)) {
            throw new BackupException(command + " refused: " + target + " is a file, not a folder");
        }
        List<String> names;
        try (Stream<Path> entries = Files.list(target)) {
            names = entries.map(p -> p.getFileName().toString()).sorted().limit(4).toList();
        }
        if (!names.isEmpty()) {
            throw new BackupException(command + " refused: " + target + " is not empty (it holds " + String.join(", ", names)
                    + (names.size() == 4 ? ", …" : "") + "). It writes only into a new or empty folder, so that nothing is"
                    + " overwritten: move that folder aside or name another.");
        }
    }
}
