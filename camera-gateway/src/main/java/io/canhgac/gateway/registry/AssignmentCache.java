package io.canhgac.gateway.registry;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.gateway.publish.GatewayJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;

/**
 * The registry's last answer to this gateway, on disk beside its outbox. It holds the cameras'
 * accounts, as the gateway's memory does, so it is readable by the gateway's own user only.
 */
public final class AssignmentCache {

    private static final Logger log = LoggerFactory.getLogger(AssignmentCache.class);
    private static final TypeReference<List<CameraAssignment>> LIST = new TypeReference<>() { };

    private final Path file;
    private final ObjectMapper json = GatewayJson.mapper();
    private List<CameraAssignment> written;

    public AssignmentCache(Path file) {
        this.file = file;
    }

    Optional<List<CameraAssignment>> read() {
        try {
            return Optional.of(json.readValue(file.toFile(), LIST));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            return Optional.empty();
        } catch (IOException e) {
            log.warn("The registry's last answer in {} does not read ({}); waiting for the centre", file, e.getMessage());
            return Optional.empty();
        }
    }

    synchronized void write(List<CameraAssignment> assignments) {
        if (assignments.equals(written)) {
            return;
        }
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.deleteIfExists(tmp);
            try {
                Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
                // not a POSIX file system: the folder's own protection has to do
            }
            json.writeValue(tmp.toFile(), assignments);
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            written = List.copyOf(assignments);
        } catch (IOException e) {
            log.warn("The registry's answer not kept on disk: {}", e.toString());
        }
    }
}
