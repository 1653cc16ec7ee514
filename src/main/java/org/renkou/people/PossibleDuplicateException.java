package org.renkou.people;

import java.util.List;
import org.springframework.modulith.NamedInterface;

/** Adding a person who is probably in the register already: answered 409 with the candidates. */
@NamedInterface("register")
public class PossibleDuplicateException extends RuntimeException {
    private final transient List<DuplicateCheck.Candidate> candidates;

    public PossibleDuplicateException(List<DuplicateCheck.Candidate> candidates) {
        super("probably in the register already: " + candidates.stream().map(c -> c.personId()).toList());
        this.candidates = List.copyOf(candidates);
    }

    public List<DuplicateCheck.Candidate> candidates() {
        return candidates;
    }
}
