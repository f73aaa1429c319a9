package io.canhgac.event.camera;

import io.canhgac.config.DistrictInventory;
import io.canhgac.config.DistrictInventoryLoader;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class InventoryConfiguration {

    @Bean
    DistrictInventory districtInventory(@Value("${canhgac.inventory:}") String location) {
        return new DistrictInventoryLoader().loadOrDemo(location);
    }
}
