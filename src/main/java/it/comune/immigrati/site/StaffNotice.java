package it.comune.immigrati.site;

import java.util.List;
import java.util.Set;

/**
 * Something on the staff home page that needs attention ("3 guides past their review date"). Modules
 * declare beans of this type; the home page asks each of them for what the signed-in member should see.
 */
@FunctionalInterface
public interface StaffNotice {

    /** What a staff member with these roles should see now; empty when nothing needs attention. */
    List<Item> itemsFor(Set<String> roles);

    /** The same for one member: work waiting for them in person (texts they may approve, their overdue questions). */
    default List<Item> itemsFor(String username, Set<String> roles) {
        return itemsFor(roles);
    }

    /** A notice about the member's own work: what {@code items} gives for their username and roles. */
    static StaffNotice perMember(java.util.function.BiFunction<String, Set<String>, List<Item>> items) {
        return new StaffNotice() {
            @Override
            public List<Item> itemsFor(Set<String> roles) {
                return List.of();
            }

            @Override
            public List<Item> itemsFor(String username, Set<String> roles) {
                return items.apply(username, roles);
            }
        };
    }

    /** A message (key and arguments) and the page that deals with it. */
    record Item(String messageKey, List<Object> args, String path) {
    }
}
