package it.comune.immigrati.appointments.internal;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import it.comune.immigrati.accounts.StaffDirectory;
import it.comune.immigrati.accounts.StaffDirectory.StaffMember;
import it.comune.immigrati.accounts.StaffRole;
import org.springframework.stereotype.Component;

/** The staff as the appointment pages name and offer them, sorted by name. */
@Component
class DeskStaff {

    private final StaffDirectory staff;

    DeskStaff(StaffDirectory staff) {
        this.staff = staff;
    }

    private Stream<StaffMember> active() {
        return staff.activeMembers().stream().sorted(Comparator.comparing(StaffMember::displayName));
    }

    /** Everyone active by username, for showing who gave, booked or mediates an appointment. */
    Map<String, String> names() {
        Map<String, String> names = new LinkedHashMap<>();
        active().forEach(m -> names.put(m.username(), m.displayName()));
        return names;
    }

    /** Who can be chosen to give a service or be away: everyone active who works at the desk. */
    List<AppointmentRecords.StaffChoice> choices() {
        return active().filter(m -> m.roles().contains(StaffRole.OPERATOR) || m.roles().contains(StaffRole.MEDIATOR)
                || m.roles().contains(StaffRole.SUPERVISOR))
                .map(m -> new AppointmentRecords.StaffChoice(m.username(), m.displayName())).toList();
    }
}
