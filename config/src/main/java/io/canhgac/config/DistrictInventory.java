package io.canhgac.config;

import java.util.List;
import java.util.Optional;

/** The district's communes and camera points, as written in the inventory file. */
public record DistrictInventory(String district, String timezone, List<Commune> communes, List<CameraSpec> cameras) {

    public DistrictInventory {
        communes = communes == null ? List.of() : List.copyOf(communes);
        cameras = cameras == null ? List.of() : List.copyOf(cameras);
    }

    public Optional<Commune> commune(String id) {
        return communes.stream().filter(c -> c.id().equals(id)).findFirst();
    }
}
