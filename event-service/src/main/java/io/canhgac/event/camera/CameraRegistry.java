package io.canhgac.event.camera;

import io.canhgac.contract.registry.CameraAssignment;
import io.canhgac.contract.registry.DeviceDescription;
import io.canhgac.contract.registry.MotionSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The registry's device records: what onboarding stores, and what gateways are told to watch. */
@Repository
class CameraRegistry {

    private final JdbcTemplate jdbc;
    private final CredentialCipher cipher;

    CameraRegistry(JdbcTemplate jdbc, CredentialCipher cipher) {
        this.jdbc = jdbc;
        this.cipher = cipher;
    }

    boolean communeExists(String communeId) {
        return jdbc.queryForObject("SELECT count(*) FROM commune WHERE id = ?", Integer.class, communeId) > 0;
    }

    Optional<String> communeOf(String cameraId) {
        return jdbc.queryForList("SELECT commune_id FROM camera WHERE id = ?", String.class, cameraId).stream().findFirst();
    }

    /** The camera already registered for this device: same device service, or same maker and serial number. */
    Optional<String> findDevice(DeviceDescription device) {
        return jdbc.queryForList("""
                SELECT id FROM camera
                WHERE device_service = ?
                   OR (serial_number IS NOT NULL AND serial_number <> '' AND serial_number = ? AND manufacturer = ?)
                ORDER BY (device_service = ?) DESC NULLS LAST, id LIMIT 1""", String.class,
                device.deviceService(), device.serialNumber(), device.manufacturer(), device.deviceService())
                .stream().findFirst();
    }

    Optional<String> findByDeviceService(String deviceService) {
        return jdbc.queryForList("SELECT id FROM camera WHERE device_service = ? ORDER BY id LIMIT 1", String.class,
                deviceService).stream().findFirst();
    }

    /** The next free "<commune>-NN" id for a camera onboarded without one. */
    String nextId(String communeId) {
        List<String> taken = jdbc.queryForList("SELECT id FROM camera WHERE id LIKE ?", String.class, communeId + "-%");
        for (int n = 1; ; n++) {
            String id = String.format("%s-%02d", communeId, n);
            if (!taken.contains(id)) {
                return id;
            }
        }
    }

    /** Inserts or updates the camera with everything onboarding learnt; position and name only when given. */
    void saveOnboarded(String id, String communeId, String name, Double latitude, Double longitude,
                       DeviceDescription d, String username, String password) {
        byte[] secret = password == null || password.isEmpty() ? null : cipher.encrypt(id, password);
        jdbc.update("""
                INSERT INTO camera (id, name, commune_id, latitude, longitude) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = COALESCE(?, camera.name), commune_id = EXCLUDED.commune_id,
                    latitude = COALESCE(EXCLUDED.latitude, camera.latitude),
                    longitude = COALESCE(EXCLUDED.longitude, camera.longitude)""",
                id, name == null ? id : name, communeId, latitude, longitude, name);
        jdbc.update("""
                UPDATE camera SET device_service = ?, manufacturer = ?, model = ?, firmware = ?, serial_number = ?,
                    hardware_id = ?, main_profile = ?, main_stream = ?, sub_profile = ?, sub_stream = ?, snapshot_uri = ?,
                    ptz = ?, username = ?, password_secret = ?, onboarded_at = now()
                WHERE id = ?""",
                d.deviceService(), d.manufacturer(), d.model(), d.firmware(), d.serialNumber(), d.hardwareId(),
                d.mainProfile(), d.mainStream(), d.subProfile(), d.subStream(), d.snapshotUri(), d.ptz(),
                username, secret, id);
    }

    /**
     * Stores a camera of a site's own inventory. Name, commune and position follow the site's file
     * unless a technician edited the camera here (as for the district's own inventory); a camera the
     * site had dropped and lists again is switched back on. {@code device} null: the site could not
     * reach the camera yet, so what the registry knew of it is kept.
     */
    void saveAnnounced(String id, String communeId, String name, Double latitude, Double longitude,
                       DeviceDescription d, String username, String password) {
        jdbc.update("""
                INSERT INTO camera (id, name, commune_id, latitude, longitude) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name, commune_id = EXCLUDED.commune_id,
                    latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, enabled = true
                WHERE camera.edited_at IS NULL""", id, name == null || name.isBlank() ? id : name, communeId, latitude, longitude);
        if (d == null) {
            return;
        }
        byte[] secret = password == null || password.isEmpty() ? null : cipher.encrypt(id, password);
        jdbc.update("""
                UPDATE camera SET device_service = ?, manufacturer = ?, model = ?, firmware = ?, serial_number = ?,
                    hardware_id = ?, main_profile = ?, main_stream = ?, sub_profile = ?, sub_stream = ?, snapshot_uri = ?,
                    ptz = ?, username = ?, password_secret = ?, onboarded_at = COALESCE(onboarded_at, now())
                WHERE id = ?""",
                d.deviceService(), d.manufacturer(), d.model(), d.firmware(), d.serialNumber(), d.hardwareId(),
                d.mainProfile(), d.mainStream(), d.subProfile(), d.subStream(), d.snapshotUri(), d.ptz(),
                username, secret, id);
    }

    /** Switches off the switched-on cameras of these communes that are not listed; their ids. */
    List<String> switchOffUnlisted(List<String> communes, List<String> listed) {
        return jdbc.queryForList("""
                UPDATE camera SET enabled = false
                WHERE commune_id = ANY (?) AND enabled AND NOT (id = ANY (?)) RETURNING id""", String.class,
                communes.toArray(String[]::new), listed.toArray(String[]::new));
    }

    /** The cameras of a commune. */
    List<String> camerasOf(String communeId) {
        return jdbc.queryForList("SELECT id FROM camera WHERE commune_id = ? ORDER BY id", String.class, communeId);
    }

    /**
     * The cameras a gateway must pull: the onboarded, switched-on cameras of the communes it holds; a
     * gateway that holds no commune gets those of the communes that no gateway holds.
     */
    List<CameraAssignment> assignments(UUID gatewayId) {
        return jdbc.query("""
                SELECT id, name, commune_id, device_service, sub_stream, main_stream, snapshot_uri, ptz, username,
                       password_secret, motion, main_profile
                FROM camera WHERE""" + pulledBy("?") + " ORDER BY id", (rs, n) -> assignment(rs), gatewayId, gatewayId);
    }

    /**
     * The rule of {@link #assignments} as a condition on {@code camera}'s columns, the gateway's id
     * written as {@code gateway} (twice: give a {@code ?} two arguments).
     */
    static String pulledBy(String gateway) {
        return (" sub_stream IS NOT NULL AND enabled"
                + " AND (commune_id IN (SELECT commune_id FROM gateway_commune WHERE gateway_id = %1$s)"
                + " OR (NOT EXISTS (SELECT 1 FROM gateway_commune WHERE gateway_id = %1$s)"
                + " AND commune_id NOT IN (SELECT commune_id FROM gateway_commune)))").formatted(gateway);
    }

    private CameraAssignment assignment(ResultSet rs) throws SQLException {
        String id = rs.getString("id");
        Password password = password(id, rs.getBytes("password_secret"));
        return new CameraAssignment(id, rs.getString("name"), rs.getString("commune_id"), rs.getString("device_service"),
                rs.getString("sub_stream"), rs.getString("main_stream"), rs.getString("snapshot_uri"), rs.getBoolean("ptz"),
                rs.getString("username"), password.clear(), password.problem(), MotionJson.read(rs.getString("motion")),
                rs.getString("main_profile"));
    }

    /** A stored password opened with the key, or why it cannot be (a changed key, a damaged row). */
    private Password password(String cameraId, byte[] secret) {
        if (secret == null) {
            return new Password(null, null);
        }
        try {
            return new Password(cipher.decrypt(cameraId, secret), null);
        } catch (CredentialCipher.UndecryptableException e) {
            return new Password(null, e.getMessage());
        }
    }

    private record Password(String clear, String problem) {
    }

    /** A commune named by its id or, as the CSV export writes it, by its name. */
    Optional<String> communeIdFor(String idOrName) {
        return jdbc.queryForList("SELECT id FROM commune WHERE id = ? OR lower(name) = lower(?) ORDER BY (id = ?) DESC LIMIT 1",
                String.class, idOrName, idOrName, idOrName).stream().findFirst();
    }

    /** A technician's edit; marks the camera edited so the inventory file no longer overwrites it. False if there is no such camera. */
    boolean edit(String id, CameraEdit edit) {
        return jdbc.update("""
                UPDATE camera SET name = ?, commune_id = ?, location = ?, latitude = ?, longitude = ?,
                    enabled = COALESCE(?, enabled), edited_at = now()
                WHERE id = ?""", edit.name().trim(), edit.communeId().trim(), blankToNull(edit.location()),
                edit.latitude(), edit.longitude(), edit.enabled(), id) == 1;
    }

    /** Where and how to reach a camera over ONVIF, with its stored account decrypted if the key opens it. */
    Optional<OnvifAccess> onvifAccess(String id) {
        return jdbc.query("SELECT device_service, username, password_secret FROM camera WHERE id = ?", (rs, n) -> {
            Password password = password(id, rs.getBytes("password_secret"));
            return new OnvifAccess(rs.getString("device_service"), rs.getString("username"), password.clear(), password.problem());
        }, id).stream().findFirst();
    }

    /**
     * @param deviceService   null for a camera never onboarded or known by its stream only
     * @param passwordProblem why the stored password cannot be used, or null
     */
    record OnvifAccess(String deviceService, String username, String password, String passwordProblem) {
    }

    /** Stores a tested account, the password sealed to this camera's id. False if there is no such camera. */
    boolean setCredentials(String id, String username, String password) {
        byte[] secret = password == null || password.isEmpty() ? null : cipher.encrypt(id, password);
        return jdbc.update("UPDATE camera SET username = ?, password_secret = ? WHERE id = ?", username, secret, id) == 1;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    /** @return false if there is no such camera */
    boolean setMotion(String cameraId, MotionSettings settings) {
        return jdbc.update("UPDATE camera SET motion = ?::jsonb WHERE id = ?",
                settings == null ? null : MotionJson.write(settings), cameraId) == 1;
    }
}
