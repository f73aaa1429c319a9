package io.canhgac.event.camera;

import io.canhgac.config.DistrictInventory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitialization;
import org.springframework.stereotype.Component;

/**
 * Writes the district inventory's communes and cameras into the registry after the schema
 * migrations and before the web server takes requests; statuses are kept. Upserts, so it is safe
 * on every start.
 */
@Component
@DependsOnDatabaseInitialization
class InventorySeeder implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(InventorySeeder.class);

    private final DistrictInventory inventory;
    private final CameraRepository cameras;

    InventorySeeder(DistrictInventory inventory, CameraRepository cameras) {
        this.inventory = inventory;
        this.cameras = cameras;
    }

    @Override
    public void afterPropertiesSet() {
        inventory.communes().forEach(cameras::upsertCommune);
        inventory.cameras().forEach(cameras::upsertCamera);
        log.info("Registry holds district {}: {} communes, {} cameras", inventory.district(),
                inventory.communes().size(), inventory.cameras().size());
    }
}
