package org.renkou.portal;

import java.time.LocalDate;
import org.renkou.access.AccessService;
import org.renkou.access.SystemPrincipal;
import org.renkou.common.Dates;
import org.renkou.health.ResidentHealth;
import org.renkou.people.Residents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.CronTask;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.scheduling.support.CronTrigger;
import org.springframework.stereotype.Component;

/** Each morning: appointments of tomorrow and checks due in running campaigns, once each, opt-outs respected. */
@Component
class Reminders implements SchedulingConfigurer {
    private final AppointmentService appointments;
    private final ResidentHealth health;
    private final Residents residents;
    private final Notifications notifications;
    private final JdbcClient jdbc;
    private final AccessService access;
    private final String cron;

    Reminders(AppointmentService appointments, ResidentHealth health, Residents residents, Notifications notifications,
              JdbcClient jdbc, AccessService access, PortalSettings settings) {
        this.cron = settings.remindersCron();
        this.access = access;
        this.appointments = appointments;
        this.health = health;
        this.residents = residents;
        this.notifications = notifications;
        this.jdbc = jdbc;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addCronTask(new CronTask(this::run, new CronTrigger(cron, Dates.ZONE)));
    }

    void run() {
        access.runAs(SystemPrincipal.REMINDERS, this::remind);
    }

    private void remind() {
        LocalDate tomorrow = Dates.today().plusDays(1);
        for (AppointmentService.Appointment a : appointments.dueForReminder(tomorrow)) {
            notifications.send(a.phone(), null, "APPOINTMENT", "提醒：您预约的" + a.slot().pointName() + "服务在明天 "
                    + a.slot().startsAt().atZoneSameInstant(Dates.ZONE).toLocalTime() + "，预约号 " + a.reference() + "。");
            appointments.markReminded(a.id());
        }
        for (long[] due : health.dueToday()) {
            String kind = "CHECK_DUE:" + due[1];
            boolean told = jdbc.sql("select count(*) from portal_notification where person_id = ? and kind = ?")
                    .params(due[0], kind).query(Long.class).single() > 0;
            if (!told) {
                residents.phone(due[0]).ifPresent(phone -> notifications.send(phone, due[0], kind,
                        "提醒：本期三查服务正在进行，请您按时到村（居）或卫生院参加检查。"));
            }
        }
    }
}
