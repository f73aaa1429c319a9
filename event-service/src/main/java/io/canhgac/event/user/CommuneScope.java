package io.canhgac.event.user;

import java.util.List;
import java.util.Set;

/**
 * The communes whose cameras, events and alerts a user may see: every commune of the region, the
 * communes of one district, or one commune. Repositories turn it into a WHERE clause, so scoping
 * holds in the queries and not only in the page. A district's communes are read when the person
 * signs in; moving a commune between districts ends the sessions of those scoped to either.
 *
 * @param communes the communes allowed; ignored when {@code wholeRegion} is true
 */
public record CommuneScope(boolean wholeRegion, Set<String> communes) {

    public static final CommuneScope REGION = new CommuneScope(true, Set.of());

    public CommuneScope {
        communes = Set.copyOf(communes);
    }

    public static CommuneScope only(String communeId) {
        return new CommuneScope(false, Set.of(communeId));
    }

    /** The communes of one district; a district without communes sees nothing. */
    public static CommuneScope of(Set<String> communeIds) {
        return new CommuneScope(false, communeIds);
    }

    public boolean allows(String communeId) {
        return wholeRegion || communes.contains(communeId);
    }

    /**
     * Appends {@code AND <column> = ANY (?)} when the scope is limited, adding its argument.
     * A limited scope with no commune matches nothing, never everything.
     */
    public void restrict(StringBuilder sql, List<Object> args, String communeColumn) {
        if (!wholeRegion) {
            sql.append(" AND ").append(communeColumn).append(" = ANY (?)");
            args.add(communes.toArray(String[]::new));
        }
    }
}
