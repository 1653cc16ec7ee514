package org.renkou.people;

import java.util.Collection;
import java.util.List;
import org.springframework.modulith.NamedInterface;

/**
 * Asked before a person is added at the desk or through the API: the records of the register that are probably
 * the same person. Implemented by the linkage feature (people does not depend on it); without one, nothing is
 * checked beyond the ID number.
 */
@NamedInterface("duplicates")
public interface DuplicateCheck {
    /** A record the new one probably duplicates, with the score and the reasons in the user's language. */
    record Candidate(long personId, double score, List<String> reasons) {
    }

    /** The probable duplicates of the person about to be added, the most alike first. */
    List<Candidate> candidates(PersonForm form);

    /** The user said the new person is not any of these: remembered, so they are not offered as pairs again. */
    void rememberDistinct(long newPersonId, Collection<Long> others);

    /**
     * An import added these persons (in the import's transaction, which is still open): each probable duplicate
     * among them and against the register is queued as an open pair with the import as its source; answers how many.
     */
    int queueImported(long importJobId, List<Long> addedPersonIds);

    /** How many pairs an import queued, whatever was decided on them since. */
    long queuedByImport(long importJobId);
}
