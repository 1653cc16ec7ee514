package org.renkou.people;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** A household (户) with its members; the head's relation code is 02 (户主). */
@NamedInterface("register")
public record Household(long id, String householdNo, String villageCode, String gridCode, String address,
                        List<PersonSummary> members) {
}
