package io.canhgac.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks a district inventory (YAML). */
public final class DistrictInventoryLoader {

    /** The demo district shipped in this module. */
    public static final String DEMO_RESOURCE = "district/nong-son.yaml";

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_-]{0,63}");

    private final ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true);

    public DistrictInventory loadDemo() {
        try (InputStream in = DistrictInventoryLoader.class.getClassLoader().getResourceAsStream(DEMO_RESOURCE)) {
            if (in == null) {
                throw new InventoryException("demo inventory " + DEMO_RESOURCE + " is missing from the classpath");
            }
            return check(yaml.readValue(in, DistrictInventory.class), DEMO_RESOURCE);
        } catch (IOException e) {
            throw new InventoryException("cannot read " + DEMO_RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public DistrictInventory load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return check(yaml.readValue(in, DistrictInventory.class), file.toString());
        } catch (IOException e) {
            throw new InventoryException("cannot read inventory " + file + ": " + e.getMessage(), e);
        }
    }

    /** Loads {@code location} if given, else the demo district. */
    public DistrictInventory loadOrDemo(String location) {
        return location == null || location.isBlank() ? loadDemo() : load(Path.of(location));
    }

    static DistrictInventory check(DistrictInventory inventory, String source) {
        if (inventory.communes().isEmpty()) {
            throw new InventoryException(source + ": no communes");
        }
        Set<String> communeIds = new HashSet<>();
        for (Commune commune : inventory.communes()) {
            requireId(commune.id(), source + ": commune");
            if (!communeIds.add(commune.id())) {
                throw new InventoryException(source + ": commune id '" + commune.id() + "' appears twice");
            }
        }
        Set<String> cameraIds = new HashSet<>();
        Set<String> hosts = new HashSet<>();
        for (CameraSpec camera : inventory.cameras()) {
            if (camera.host() != null && !hosts.add(camera.host())) {
                throw new InventoryException(source + ": camera '" + camera.id() + "' reuses host " + camera.host());
            }
            requireId(camera.id(), source + ": camera");
            if (!cameraIds.add(camera.id())) {
                throw new InventoryException(source + ": camera id '" + camera.id() + "' appears twice");
            }
            if (!communeIds.contains(camera.commune())) {
                throw new InventoryException(source + ": camera '" + camera.id()
                        + "' names unknown commune '" + camera.commune() + "'");
            }
            if (camera.phaseSeconds() < 0) {
                throw new InventoryException(source + ": camera '" + camera.id() + "' has a negative phaseSeconds");
            }
        }
        return inventory;
    }

    private static void requireId(String id, String what) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new InventoryException(what + " id '" + id + "' must be 1-64 letters, digits, '-' or '_'");
        }
    }
}
