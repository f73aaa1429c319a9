package io.canhgac.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DistrictInventoryLoaderTest {

    private final DistrictInventoryLoader loader = new DistrictInventoryLoader();

    @Test
    void demoDistrictHasTheFiveCommunesAndValidCameras() {
        DistrictInventory inventory = loader.loadDemo();
        assertThat(inventory.district()).isEqualTo("Nông Sơn");
        assertThat(inventory.communes()).extracting(Commune::name)
                .containsExactly("Quế Lộc", "Sơn Viên", "Phước Ninh", "Quế Lâm", "Ninh Phước");
        assertThat(inventory.cameras()).hasSize(46);
        assertThat(inventory.commune("que-loc")).map(Commune::name).contains("Quế Lộc");
        for (Commune commune : inventory.communes()) {
            assertThat(inventory.cameras().stream().filter(c -> c.commune().equals(commune.id())).count())
                    .as(commune.name()).isBetween(8L, 11L);
        }
        for (CameraSpec camera : inventory.cameras()) {
            assertThat(camera.host()).as(camera.id()).startsWith("127.0.");
            assertThat(camera.username()).isNotBlank();
            assertThat(camera.password()).hasSizeGreaterThanOrEqualTo(8);
            assertThat(camera.model()).isNotBlank();
            assertThat(camera.latitude()).isBetween(15.6, 15.8);
        }
        assertThat(inventory.cameras().stream().filter(CameraSpec::ptz).count()).isGreaterThanOrEqualTo(5);
    }

    @Test
    void queTrungJoinsAsAnotherSite() throws Exception {
        try (var in = getClass().getClassLoader().getResourceAsStream("district/que-trung.yaml")) {
            Path file = Files.createTempFile("que-trung", ".yaml");
            Files.write(file, in.readAllBytes());
            DistrictInventory site = loader.load(file);
            assertThat(site.communes()).extracting(Commune::name).containsExactly("Quế Trung");
            assertThat(site.cameras()).hasSize(2);
        }
    }

    @Test
    void reusedHostIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("hosts.yaml");
        Files.writeString(file, """
                district: X
                timezone: Asia/Ho_Chi_Minh
                communes: [ { id: a, name: A } ]
                cameras:
                  - { id: C1, name: c, commune: a, host: 127.0.10.11, scene: idle, phaseSeconds: 0 }
                  - { id: C2, name: d, commune: a, host: 127.0.10.11, scene: idle, phaseSeconds: 0 }
                """);
        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("'C2' reuses host 127.0.10.11");
    }

    @Test
    void unknownCommuneIsNamed(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("bad.yaml");
        Files.writeString(file, """
                district: X
                timezone: Asia/Ho_Chi_Minh
                communes: [ { id: a, name: A } ]
                cameras: [ { id: C1, name: c, commune: b, scene: idle, phaseSeconds: 0 } ]
                """);
        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InventoryException.class)
                .hasMessageContaining("camera 'C1'").hasMessageContaining("unknown commune 'b'");
    }

    @Test
    void duplicateCameraIdIsRefused(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("dup.yaml");
        Files.writeString(file, """
                district: X
                timezone: Asia/Ho_Chi_Minh
                communes: [ { id: a, name: A } ]
                cameras:
                  - { id: C1, name: c, commune: a, scene: idle, phaseSeconds: 0 }
                  - { id: C1, name: d, commune: a, scene: idle, phaseSeconds: 0 }
                """);
        assertThatThrownBy(() -> loader.load(file)).hasMessageContaining("'C1' appears twice");
    }

    @Test
    void unknownFieldIsATypoNotSilence(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, """
                district: X
                timezone: Asia/Ho_Chi_Minh
                comunes: []
                cameras: []
                """);
        assertThatThrownBy(() -> loader.load(file)).isInstanceOf(InventoryException.class).hasMessageContaining("comunes");
    }
}
