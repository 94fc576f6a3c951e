package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * How many people a dwelling is suitable for, by the health rules the Comune applies (in Lombardy the
 * D.M. Sanità of 5 July 1975): by surface (so many square metres for each of the first four occupants,
 * fewer for each further one; a studio flat by its own two thresholds) and by bedrooms (one person in a
 * single bedroom, two in a double), whichever is smaller, and only when the other checks pass: ceiling
 * height, a living room big enough, openable windows in the living room and kitchen, extraction in
 * windowless bathrooms, heating. The thresholds come from {@link Rules}, which the Comune configures.
 */
public final class HousingSuitability {

    private static final BigDecimal FOUR = BigDecimal.valueOf(4);

    private HousingSuitability() {
    }

    /** The local figures, in square metres and metres. */
    public record Rules(BigDecimal perPersonFirstFour, BigDecimal perFurtherPerson, BigDecimal singleBedroom,
            BigDecimal doubleBedroom, BigDecimal livingRoom, BigDecimal studioForOne, BigDecimal studioForTwo,
            BigDecimal minimumHeight) {
    }

    public enum Use {
        BEDROOM, LIVING_ROOM, KITCHEN, BATHROOM, OTHER;

        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static java.util.Optional<Use> byCode(String code) {
            return java.util.Arrays.stream(values()).filter(u -> u.code().equals(code)).findFirst();
        }
    }

    public record Room(Use use, BigDecimal surface, boolean openableWindow) {
    }

    /**
     * @param surface    the dwelling's net living surface
     * @param height     its ceiling height
     * @param studio     a studio flat (monolocale): one main room
     * @param rooms      its rooms
     * @param heating    it has heating
     * @param extraction windowless bathrooms have mechanical extraction
     */
    public record Dwelling(BigDecimal surface, BigDecimal height, boolean studio, List<Room> rooms, boolean heating,
            boolean extraction) {
    }

    /** A check that failed: its message key and the figures to show with it. */
    public record Failure(String key, List<Object> values) {
    }

    /**
     * @param bySurface  occupants the surface allows
     * @param byBedrooms occupants the bedrooms allow (for a studio flat, the same as by surface)
     * @param failures   the checks that failed; with any, the dwelling is suitable for nobody
     */
    public record Assessment(int bySurface, int byBedrooms, List<Failure> failures) {

        public int maximum() {
            return failures.isEmpty() ? Math.min(bySurface, byBedrooms) : 0;
        }

        public boolean fits(int occupants) {
            return occupants >= 1 && occupants <= maximum();
        }
    }

    static Assessment assess(Dwelling dwelling, Rules rules) {
        int bySurface = dwelling.studio() ? studioOccupants(dwelling.surface(), rules) : bySurface(dwelling.surface(), rules);
        int byBedrooms = dwelling.studio() ? bySurface : byBedrooms(dwelling.rooms(), rules);
        List<Failure> failures = new ArrayList<>();
        if (dwelling.height().compareTo(rules.minimumHeight()) < 0) {
            failures.add(new Failure("practices.housing.fail.height", List.of(dwelling.height(), rules.minimumHeight())));
        }
        if (dwelling.studio()) {
            if (bySurface == 0) {
                failures.add(new Failure("practices.housing.fail.studio", List.of(dwelling.surface(), rules.studioForOne())));
            }
        } else {
            List<Room> living = dwelling.rooms().stream().filter(r -> r.use() == Use.LIVING_ROOM).toList();
            if (living.isEmpty()) {
                failures.add(new Failure("practices.housing.fail.no-living-room", List.of(rules.livingRoom())));
            } else if (living.stream().noneMatch(r -> r.surface().compareTo(rules.livingRoom()) >= 0)) {
                failures.add(new Failure("practices.housing.fail.living-room", List.of(living.get(0).surface(), rules.livingRoom())));
            }
            if (byBedrooms == 0) {
                failures.add(new Failure("practices.housing.fail.no-bedroom", List.of(rules.singleBedroom())));
            }
        }
        if (dwelling.rooms().stream().anyMatch(r -> (r.use() == Use.LIVING_ROOM || r.use() == Use.KITCHEN) && !r.openableWindow())) {
            failures.add(new Failure("practices.housing.fail.window", List.of()));
        }
        if (!dwelling.extraction() && dwelling.rooms().stream().anyMatch(r -> r.use() == Use.BATHROOM && !r.openableWindow())) {
            failures.add(new Failure("practices.housing.fail.extraction", List.of()));
        }
        if (!dwelling.heating()) {
            failures.add(new Failure("practices.housing.fail.heating", List.of()));
        }
        return new Assessment(bySurface, byBedrooms, List.copyOf(failures));
    }

    /** The first four occupants need so much each, every further one less: 14 and 10 m² under the D.M. 1975. */
    static int bySurface(BigDecimal surface, Rules rules) {
        BigDecimal firstFour = rules.perPersonFirstFour().multiply(FOUR);
        if (surface.compareTo(firstFour) >= 0) {
            return 4 + surface.subtract(firstFour).divide(rules.perFurtherPerson(), 0, RoundingMode.FLOOR).intValueExact();
        }
        return surface.divide(rules.perPersonFirstFour(), 0, RoundingMode.FLOOR).intValueExact();
    }

    static int studioOccupants(BigDecimal surface, Rules rules) {
        if (surface.compareTo(rules.studioForTwo()) >= 0) {
            return 2;
        }
        return surface.compareTo(rules.studioForOne()) >= 0 ? 1 : 0;
    }

    /** A bedroom of the double size sleeps two, of the single size one, smaller none. */
    static int byBedrooms(List<Room> rooms, Rules rules) {
        return rooms.stream().filter(r -> r.use() == Use.BEDROOM)
                .mapToInt(r -> r.surface().compareTo(rules.doubleBedroom()) >= 0 ? 2 : r.surface().compareTo(rules.singleBedroom()) >= 0 ? 1 : 0)
                .sum();
    }
}
