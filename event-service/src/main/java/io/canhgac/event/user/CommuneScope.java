package io.canhgac.event.user;

import java.util.List;
import java.util.Set;

/**
 * The communes whose cameras, events and alerts a user may see. Repositories turn it into a
 * WHERE clause, so scoping holds in the queries and not only in the page.
 *
 * @param communes the communes allowed; ignored when {@code district} is true
 */
public record CommuneScope(boolean district, Set<String> communes) {

    public static final CommuneScope DISTRICT = new CommuneScope(true, Set.of());

    public CommuneScope {
        communes = Set.copyOf(communes);
    }

    public static CommuneScope only(String communeId) {
        return new CommuneScope(false, Set.of(communeId));
    }

    public boolean allows(String communeId) {
        return district || communes.contains(communeId);
    }

    /**
     * Appends {@code AND <column> = ANY (?)} when the scope is limited, adding its argument.
     * A limited scope with no commune matches nothing, never everything.
     */
    public void restrict(StringBuilder sql, List<Object> args, String communeColumn) {
        if (!district) {
            sql.append(" AND ").append(communeColumn).append(" = ANY (?)");
            args.add(communes.toArray(String[]::new));
        }
    }
}
