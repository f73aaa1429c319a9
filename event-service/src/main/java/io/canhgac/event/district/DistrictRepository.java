package io.canhgac.event.district;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import java.util.List;
import java.util.Optional;

/** Regions, their districts and the districts' communes. */
@Repository
class DistrictRepository {

    /** One commune with where it sits; district and region are never null (commune.district_id is NOT NULL). */
    record Placed(String regionId, String regionName, String districtId, String districtName, String communeId,
                  String communeName) {
    }

    private final JdbcTemplate jdbc;

    DistrictRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Every region and district, with their communes if any (communeId null for a district without one). */
    List<Placed> all() {
        return jdbc.query("""
                SELECT r.id AS region_id, r.name AS region_name, d.id AS district_id, d.name AS district_name,
                       m.id AS commune_id, m.name AS commune_name
                FROM region r LEFT JOIN district d ON d.region_id = r.id LEFT JOIN commune m ON m.district_id = d.id
                ORDER BY r.name, r.id, d.name, d.id, m.name, m.id""",
                (rs, n) -> new Placed(rs.getString("region_id"), rs.getString("region_name"), rs.getString("district_id"),
                        rs.getString("district_name"), rs.getString("commune_id"), rs.getString("commune_name")));
    }

    boolean insertRegion(String id, String name) {
        return jdbc.update("INSERT INTO region (id, name) VALUES (?, ?) ON CONFLICT (id) DO NOTHING", id, name) == 1;
    }

    boolean regionExists(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM region WHERE id = ?)", Boolean.class, id));
    }

    boolean insertDistrict(String id, String regionId, String name) {
        return jdbc.update("INSERT INTO district (id, region_id, name) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING",
                id, regionId, name) == 1;
    }

    boolean districtExists(String id) {
        return Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM district WHERE id = ?)", Boolean.class, id));
    }

    /** The commune's district now, if the commune exists. */
    Optional<String> districtOf(String communeId) {
        return jdbc.queryForList("SELECT district_id FROM commune WHERE id = ?", String.class, communeId).stream().findFirst();
    }

    void move(String communeId, String districtId) {
        jdbc.update("UPDATE commune SET district_id = ? WHERE id = ?", districtId, communeId);
    }
}
