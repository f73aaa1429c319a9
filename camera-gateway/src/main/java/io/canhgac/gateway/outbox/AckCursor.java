package io.canhgac.gateway.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;

/**
 * The last sequence the centre acknowledged, on disk: written whole to a temporary file, forced, then
 * renamed over the old one, so a crash leaves the old value or the new, never half of one. A cursor
 * that cannot be read counts as zero: everything is sent again, which the centre's idempotent ingest
 * stores once.
 */
final class AckCursor {

    private static final Logger log = LoggerFactory.getLogger(AckCursor.class);

    private final Path file;
    private final Path temporary;

    AckCursor(Path file) {
        this.file = file;
        this.temporary = file.resolveSibling(file.getFileName() + ".tmp");
    }

    long read() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).trim();
        } catch (NoSuchFileException e) {
            return 0;
        }
        String[] parts = text.split(" ");
        try {
            if (parts.length == 2 && Long.parseLong(parts[1], 16) == crc(parts[0])) {
                return Long.parseLong(parts[0]);
            }
        } catch (NumberFormatException e) {
            // said below
        }
        log.warn("Outbox: the acknowledgement cursor {} is damaged ('{}'); every event on disk is sent again", file, text);
        return 0;
    }

    void write(long sequence) throws IOException {
        String value = Long.toString(sequence);
        byte[] line = (value + " " + Long.toHexString(crc(value)) + "\n").getBytes(StandardCharsets.US_ASCII);
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(line));
            channel.force(true);
        }
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static long crc(String value) {
        CRC32 crc = new CRC32();
        crc.update(value.getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }
}
