package io.canhgac.gateway.outbox;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.canhgac.contract.StreamReport;
import io.canhgac.gateway.publish.GatewayJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Each camera's latest stream figures, kept until the centre takes them: only the newest report of a
 * camera matters, so a new one replaces the old (an outage of a day leaves one report per camera, not
 * seventeen thousand). One small file, replaced by rename; not forced to disk, since figures lost in
 * a power cut are replaced five seconds after the gateway is back.
 */
public final class StreamReportSlot {

    private static final Logger log = LoggerFactory.getLogger(StreamReportSlot.class);
    private static final TypeReference<List<StreamReport>> LIST = new TypeReference<>() { };

    /** What waits now; {@code version} says whether anything came after it. */
    public record Taken(List<StreamReport> reports, long version) {
    }

    private final Path file;
    private final ObjectMapper json = GatewayJson.mapper();
    private final Map<String, StreamReport> latest = new LinkedHashMap<>();
    private long version;

    public StreamReportSlot(Path file) throws IOException {
        this.file = file;
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            json.readValue(file.toFile(), LIST).forEach(r -> latest.put(r.cameraId(), r));
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            // nothing kept
        } catch (IOException e) {
            log.warn("Stream figures kept in {} do not read ({}); starting without them", file, e.getMessage());
        }
    }

    public synchronized void put(List<StreamReport> reports) {
        if (reports.isEmpty()) {
            return;
        }
        reports.forEach(r -> latest.put(r.cameraId(), r));
        version++;
        save();
    }

    public synchronized Optional<Taken> take() {
        return latest.isEmpty() ? Optional.empty() : Optional.of(new Taken(List.copyOf(latest.values()), version));
    }

    /** The centre has what {@link #take} gave at {@code version}: cleared, unless newer figures came meanwhile. */
    public synchronized void acknowledge(long taken) {
        if (taken == version && !latest.isEmpty()) {
            latest.clear();
            save();
        }
    }

    private void save() {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try {
            json.writeValue(tmp.toFile(), new ArrayList<>(latest.values()));
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            log.debug("Stream figures not kept on disk: {}", e.toString());
        }
    }
}
