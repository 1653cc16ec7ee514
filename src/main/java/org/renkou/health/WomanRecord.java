package org.renkou.health;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.renkou.people.Person;

/** Everything of one woman's reproductive health on one page. */
public record WomanRecord(Person person, int age, List<Contraception> contraception, List<RosterLine> checks,
                          List<Pregnancy> pregnancies, List<Birth> children, List<BirthPermit> permits,
                          List<Procedure> procedures) {

    @JsonProperty
    public Contraception current() {
        return contraception.stream().filter(c -> c.endedOn() == null).findFirst().orElse(null);
    }
}
