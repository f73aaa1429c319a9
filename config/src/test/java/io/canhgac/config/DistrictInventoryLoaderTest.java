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
        assertThat(inventory.cameras()).hasSizeGreaterThanOrEqualTo(3);
        assertThat(inventory.commune("que-loc")).map(Commune::name).contains("Quế Lộc");
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
