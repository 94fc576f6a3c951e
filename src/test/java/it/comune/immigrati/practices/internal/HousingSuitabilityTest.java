package it.comune.immigrati.practices.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import it.comune.immigrati.practices.internal.HousingSuitability.Assessment;
import it.comune.immigrati.practices.internal.HousingSuitability.Dwelling;
import it.comune.immigrati.practices.internal.HousingSuitability.Room;
import it.comune.immigrati.practices.internal.HousingSuitability.Rules;
import it.comune.immigrati.practices.internal.HousingSuitability.Use;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Worked examples under the D.M. Sanità 1975 (DOMAIN.md §2), a Comune's smaller bedrooms, and the rule's properties. */
class HousingSuitabilityTest {

    static final Rules DM_1975 = rules("14", "10", "9", "14", "14", "28", "38", "2.70");
    private static final Rules SMALLER_BEDROOMS = rules("14", "10", "8", "12", "14", "28", "38", "2.70");

    private static Rules rules(String... figures) {
        BigDecimal[] f = java.util.Arrays.stream(figures).map(BigDecimal::new).toArray(BigDecimal[]::new);
        return new Rules(f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7]);
    }

    private static Room room(Use use, String surface) {
        return new Room(use, new BigDecimal(surface), true);
    }

    private static Dwelling flat(String surface, Room... rooms) {
        return new Dwelling(new BigDecimal(surface), new BigDecimal("2.70"), false, List.of(rooms), true, false);
    }

    @Test
    void aFlatOf70SquareMetresWithADoubleAndASingleBedroomIsForThree() {
        Dwelling dwelling = flat("70", room(Use.LIVING_ROOM, "20"), room(Use.KITCHEN, "9"), room(Use.BEDROOM, "15"),
                room(Use.BEDROOM, "10"), room(Use.BATHROOM, "5"));
        Assessment result = HousingSuitability.assess(dwelling, DM_1975);
        assertThat(result.bySurface()).isEqualTo(5); // 4 + ⌊(70 − 56) / 10⌋
        assertThat(result.byBedrooms()).isEqualTo(3);
        assertThat(result.maximum()).isEqualTo(3);
        assertThat(result.failures()).isEmpty();
        assertThat(result.fits(3)).isTrue();
        assertThat(result.fits(4)).isFalse();
    }

    @Test
    void bySurfaceBelow56SquareMetresEveryOccupantNeeds14() {
        assertThat(HousingSuitability.bySurface(new BigDecimal("55.9"), DM_1975)).isEqualTo(3);
        assertThat(HousingSuitability.bySurface(new BigDecimal("56"), DM_1975)).isEqualTo(4);
        assertThat(HousingSuitability.bySurface(new BigDecimal("65.99"), DM_1975)).isEqualTo(4);
        assertThat(HousingSuitability.bySurface(new BigDecimal("66"), DM_1975)).isEqualTo(5);
        assertThat(HousingSuitability.bySurface(new BigDecimal("13.9"), DM_1975)).isZero();
    }

    @Test
    void aStudioFlatIsForOneFrom28AndForTwoFrom38SquareMetres() {
        Dwelling small = new Dwelling(new BigDecimal("30"), new BigDecimal("2.70"), true,
                List.of(room(Use.LIVING_ROOM, "25"), room(Use.BATHROOM, "4")), true, false);
        assertThat(HousingSuitability.assess(small, DM_1975).maximum()).isEqualTo(1);
        Dwelling larger = new Dwelling(new BigDecimal("38"), new BigDecimal("2.70"), true,
                List.of(room(Use.LIVING_ROOM, "33"), room(Use.BATHROOM, "5")), true, false);
        assertThat(HousingSuitability.assess(larger, DM_1975).maximum()).isEqualTo(2);
        Dwelling tiny = new Dwelling(new BigDecimal("25"), new BigDecimal("2.70"), true, List.of(room(Use.LIVING_ROOM, "21")), true, false);
        Assessment none = HousingSuitability.assess(tiny, DM_1975);
        assertThat(none.maximum()).isZero();
        assertThat(none.failures()).extracting(HousingSuitability.Failure::key).containsExactly("practices.housing.fail.studio");
    }

    @Test
    void aLowCeilingASmallLivingRoomAClosedKitchenAndAnUnventedBathroomEachFailAndNamedWhy() {
        Dwelling dwelling = new Dwelling(new BigDecimal("60"), new BigDecimal("2.60"), false,
                List.of(room(Use.LIVING_ROOM, "12"), new Room(Use.KITCHEN, new BigDecimal("8"), false),
                        room(Use.BEDROOM, "14"), new Room(Use.BATHROOM, new BigDecimal("4"), false)), false, false);
        Assessment result = HousingSuitability.assess(dwelling, DM_1975);
        assertThat(result.failures()).extracting(HousingSuitability.Failure::key).containsExactly(
                "practices.housing.fail.height", "practices.housing.fail.living-room", "practices.housing.fail.window",
                "practices.housing.fail.extraction", "practices.housing.fail.heating");
        assertThat(result.maximum()).isZero();
        assertThat(result.fits(1)).isFalse();
        // the same flat with extraction in the bathroom no longer fails on it
        Dwelling vented = new Dwelling(dwelling.surface(), dwelling.height(), false, dwelling.rooms(), false, true);
        assertThat(HousingSuitability.assess(vented, DM_1975).failures()).extracting(HousingSuitability.Failure::key)
                .doesNotContain("practices.housing.fail.extraction");
    }

    @Test
    void aComuneWith8And12SquareMetreBedroomsCountsMoreBeds() {
        Dwelling dwelling = flat("62", room(Use.LIVING_ROOM, "16"), room(Use.KITCHEN, "8"), room(Use.BEDROOM, "12.5"),
                room(Use.BEDROOM, "8.5"), room(Use.BATHROOM, "5"));
        assertThat(HousingSuitability.assess(dwelling, DM_1975).byBedrooms()).isEqualTo(1);
        assertThat(HousingSuitability.assess(dwelling, SMALLER_BEDROOMS).byBedrooms()).isEqualTo(3);
        assertThat(HousingSuitability.assess(dwelling, SMALLER_BEDROOMS).maximum()).isEqualTo(3);
    }

    @Test
    void withoutALivingRoomOrAnyBedroomTheFlatIsForNobody() {
        Dwelling dwelling = flat("40", room(Use.KITCHEN, "10"), room(Use.BEDROOM, "8"), room(Use.BATHROOM, "4"));
        assertThat(HousingSuitability.assess(dwelling, DM_1975).failures()).extracting(HousingSuitability.Failure::key)
                .containsExactly("practices.housing.fail.no-living-room", "practices.housing.fail.no-bedroom");
    }

    @Property
    void moreSurfaceNeverAllowsFewerOccupants(@ForAll @IntRange(max = 3000) int decimetres, @ForAll @IntRange(max = 500) int more) {
        BigDecimal surface = BigDecimal.valueOf(decimetres, 1);
        BigDecimal larger = surface.add(BigDecimal.valueOf(more, 1));
        assertThat(HousingSuitability.bySurface(larger, DM_1975)).isGreaterThanOrEqualTo(HousingSuitability.bySurface(surface, DM_1975));
        assertThat(HousingSuitability.studioOccupants(larger, DM_1975)).isGreaterThanOrEqualTo(HousingSuitability.studioOccupants(surface, DM_1975));
    }

    @Property
    void everyOccupantHasAtLeastTheSurfaceOfAFurtherPerson(@ForAll @IntRange(max = 5000) int decimetres) {
        BigDecimal surface = BigDecimal.valueOf(decimetres, 1);
        int occupants = HousingSuitability.bySurface(surface, DM_1975);
        assertThat(BigDecimal.valueOf(occupants).multiply(DM_1975.perFurtherPerson())).isLessThanOrEqualTo(surface);
    }

    @Property
    void aLargerBedroomOrOneMoreNeverAllowsFewerOccupants(@ForAll("bedrooms") List<Integer> bedrooms,
            @ForAll @IntRange(max = 100) int grow, @ForAll @IntRange(min = 50, max = 250) int added) {
        List<Room> rooms = new ArrayList<>(List.of(room(Use.LIVING_ROOM, "20"), room(Use.KITCHEN, "8")));
        bedrooms.forEach(d -> rooms.add(new Room(Use.BEDROOM, BigDecimal.valueOf(d, 1), true)));
        int before = HousingSuitability.assess(flatOf(rooms), DM_1975).maximum();
        List<Room> grown = new ArrayList<>(rooms);
        Room first = grown.get(2);
        grown.set(2, new Room(Use.BEDROOM, first.surface().add(BigDecimal.valueOf(grow, 1)), true));
        assertThat(HousingSuitability.assess(flatOf(grown), DM_1975).maximum()).isGreaterThanOrEqualTo(before);
        List<Room> more = new ArrayList<>(rooms);
        more.add(new Room(Use.BEDROOM, BigDecimal.valueOf(added, 1), true));
        assertThat(HousingSuitability.assess(flatOf(more), DM_1975).maximum()).isGreaterThanOrEqualTo(before);
        assertThat(HousingSuitability.assess(flatOf(rooms), SMALLER_BEDROOMS).maximum()).isGreaterThanOrEqualTo(before);
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<List<Integer>> bedrooms() {
        return net.jqwik.api.Arbitraries.integers().between(50, 250).list().ofMinSize(1).ofMaxSize(5);
    }

    private static Dwelling flatOf(List<Room> rooms) {
        BigDecimal total = rooms.stream().map(Room::surface).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Dwelling(total, new BigDecimal("2.70"), false, rooms, true, false);
    }
}
