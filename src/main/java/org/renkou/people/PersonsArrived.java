package org.renkou.people;

import java.time.LocalDate;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Published when persons arrive in the register as inflow (流入) other than through an arrival form, e.g. by an
 * import, in the transaction that adds them: whoever keeps in touch with their hukou places listens.
 */
@NamedInterface("register")
public record PersonsArrived(List<Arrived> persons) {
    /** An inflow person as the hukou place is asked about them. */
    public record Arrived(long id, String idNumber, String name, LocalDate birthDate, String sex, String hukouCode) {
    }
}
