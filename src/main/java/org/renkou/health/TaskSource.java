package org.renkou.health;

import java.util.List;

/**
 * Work items another feature puts on the task list (an overdue referral), for the signed-in user: each source
 * decides whom its items concern and limits them to the user's areas.
 */
public interface TaskSource {
    List<Task> tasks();
}
