package org.renkou.cadres;

import java.util.List;
import org.renkou.outreach.Attendance;

/** A person serving in the cadre team: contact, account and register record where there are, posts, trainings. */
public record Cadre(long id, String name, String phone, String username, Long personId, String note, List<Post> posts,
                    List<Attendance> trainings) {

    public int trainingHours() {
        return trainings.stream().mapToInt(Attendance::hours).sum();
    }
}
