package io.canhgac.event.district;

import io.canhgac.event.user.CommuneScope;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The region → district → commune tree, cut to what a person's scope allows. */
final class DistrictDirectory {

    record CommuneItem(String id, String name) {
    }

    record DistrictItem(String id, String name, List<CommuneItem> communes) {
    }

    record RegionItem(String id, String name, List<DistrictItem> districts) {
    }

    private DistrictDirectory() {
    }

    /**
     * Rows in region, district, commune order. A limited scope keeps its communes only, and the
     * districts and regions that hold one: a district operator does not learn of the other districts.
     */
    static List<RegionItem> tree(List<DistrictRepository.Placed> rows, CommuneScope scope) {
        Map<String, RegionItem> regions = new LinkedHashMap<>();
        Map<String, DistrictItem> districts = new LinkedHashMap<>();
        for (DistrictRepository.Placed row : rows) {
            boolean allowed = row.communeId() != null && scope.allows(row.communeId());
            if (!scope.wholeRegion() && !allowed) {
                continue;
            }
            RegionItem region = regions.computeIfAbsent(row.regionId(),
                    id -> new RegionItem(id, row.regionName(), new ArrayList<>()));
            if (row.districtId() == null) {
                continue;
            }
            DistrictItem district = districts.computeIfAbsent(row.districtId(), id -> {
                DistrictItem made = new DistrictItem(id, row.districtName(), new ArrayList<>());
                region.districts().add(made);
                return made;
            });
            if (allowed) {
                district.communes().add(new CommuneItem(row.communeId(), row.communeName()));
            }
        }
        return List.copyOf(regions.values());
    }
}
