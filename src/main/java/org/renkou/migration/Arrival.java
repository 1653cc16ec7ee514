package org.renkou.migration;

import java.time.LocalDate;
import org.renkou.people.PersonForm;

/**
 * An inflow person's arrival (流入): who they are (a person form; status, arrival date and hukou place are
 * taken from here), why they came, where they work and live, how long they expect to stay, and whether they
 * are a key subject (重点对象: pregnant, gave birth this year, no marriage-and-childbearing certificate, no
 * long-acting contraception), which shortens the deadline of the verification request.
 */
public record Arrival(PersonForm person, LocalDate arrivedOn, String reason, String employer, String housing,
                      String landlord, Integer expectedStayMonths, boolean keySubject) {
}
