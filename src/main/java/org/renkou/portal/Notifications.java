package org.renkou.portal;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Notices and reminders (告知, 提醒) to residents: kept for their portal page and sent through the sender,
 * unless the phone has opted out (then kept but not sent). One-time codes are sent whatever the opt-out.
 */
@Service
public class Notifications {
    public record Notification(String kind, String message, boolean sent, java.time.Instant at) {
    }

    private final JdbcClient jdbc;
    private final MessageSender sender;

    Notifications(JdbcClient jdbc, MessageSender sender) {
        this.jdbc = jdbc;
        this.sender = sender;
    }

    void send(String phone, Long personId, String kind, String message) {
        boolean optedOut = optedOut(phone);
        if (!optedOut) {
            sender.send(phone, message);
        }
        jdbc.sql("insert into portal_notification (phone, person_id, kind, message, sent) values (?, ?, ?, ?, ?)")
                .params(phone, personId, kind, message, !optedOut).update();
    }

    /** A one-time code goes out even to a phone that opted out of reminders, and is never stored in clear. */
    void sendCode(String phone, String code) {
        sender.send(phone, "您的人口家庭服务查询验证码为 " + code + "，10 分钟内有效。请勿告诉他人。");
    }

    boolean optedOut(String phone) {
        return jdbc.sql("select count(*) from portal_optout where phone = ?").param(phone).query(Long.class).single() > 0;
    }

    void setOptOut(String phone, boolean out) {
        if (out) {
            jdbc.sql("insert into portal_optout (phone) values (?) on conflict do nothing").param(phone).update();
        } else {
            jdbc.sql("delete from portal_optout where phone = ?").param(phone).update();
        }
    }

    List<Notification> forPhone(String phone) {
        return jdbc.sql("select kind, message, sent, created_at from portal_notification where phone = ? order by id desc limit 50")
                .param(phone).query((rs, i) -> new Notification(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getTimestamp(4).toInstant())).list();
    }
}
