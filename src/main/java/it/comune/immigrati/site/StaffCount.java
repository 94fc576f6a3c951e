package it.comune.immigrati.site;

import java.util.Optional;
import java.util.Set;

/**
 * A count on a tile of the staff home (3 texts waiting for approval), declared by the module whose page
 * the tile opens. Asked each time the staff home is shown: keep it to one cheap query.
 */
public interface StaffCount {

    /** The path of the staff menu entry whose tile shows the count. */
    String path();

    /** What a member with these roles should read on the tile; empty to show nothing. */
    default Optional<Item> countFor(Set<String> roles) {
        return Optional.empty();
    }

    /** The same for one member: work waiting for them in person (questions assigned to them). */
    default Optional<Item> countFor(String username, Set<String> roles) {
        return countFor(roles);
    }

    /** A message of the module's bundle with the count as its argument. */
    record Item(String messageKey, long count) {
    }
}
