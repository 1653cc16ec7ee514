package org.renkou.portal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.renkou.common.Messages;
import org.renkou.common.ValidationException;
import org.renkou.people.Residents;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A resident proves who they are: ID number and name must match a person of the register, and a six-digit
 * one-time code goes to the phone on record. A code lives 10 minutes and is used once; five wrong tries lock the
 * person out of the portal for 15 minutes. The same answer is given whether or not the person exists.
 */
@Service
public class ResidentLogin {
    static final int CODE_MINUTES = 10;
    static final int MAX_ATTEMPTS = 5;
    static final int LOCK_MINUTES = 15;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final Residents residents;
    private final Notifications notifications;
    private final RateLimiter limiter;
    private final AuditService audit;
    private final Messages messages;

    ResidentLogin(JdbcClient jdbc, Residents residents, Notifications notifications, RateLimiter limiter, AuditService audit,
                  Messages messages) {
        this.jdbc = jdbc;
        this.residents = residents;
        this.notifications = notifications;
        this.limiter = limiter;
        this.audit = audit;
        this.messages = messages;
    }

    /** Starts a login: answers the person to verify (empty when there is none; the page says the same either way). */
    @Transactional
    public Optional<Long> start(String idNumber, String name, String clientAddress) {
        if (!limiter.allow("login:" + clientAddress, limiter.perAddress)) {
            throw new ValidationException(List.of(messages.problem("idNumber", "tooMany")));
        }
        Optional<Residents.Identified> who = residents.identify(idNumber, name).filter(p -> p.phone() != null);
        if (who.isEmpty() || locked(who.get().personId())) {
            return Optional.empty();
        }
        long person = who.get().personId();
        if (!limiter.allow("code:" + person, RateLimiter.PER_PHONE_PER_HOUR)) {
            return Optional.of(person);
        }
        String code = String.format("%06d", RANDOM.nextInt(1_000_000));
        jdbc.sql("update portal_code set used_at = now() where person_id = ? and used_at is null").param(person).update();
        jdbc.sql("insert into portal_code (person_id, code_hash, expires_at) values (?, ?, now() + make_interval(mins => ?))")
                .params(person, hash(person, code), CODE_MINUTES).update();
        notifications.sendCode(who.get().phone(), code);
        audit.recordAs("portal:" + person, AuditAction.CREATE, "person", String.valueOf(person), "portal one-time code");
        return Optional.of(person);
    }

    /**
     * Checks a code; true once for the right, fresh, unused code. Every try first takes one of the person's
     * remaining attempts in one guarded update (concurrent tries wait on the code's row and see each other's
     * count), so no more than five codes are ever compared; the right code gives its attempt back.
     */
    @Transactional
    public boolean verify(long personId, String code) {
        Optional<Claimed> claimed = jdbc.sql("""
                update portal_code c set attempts = c.attempts + 1
                where c.id = (select id from portal_code where person_id = ? and used_at is null and expires_at > now()
                              order by id desc limit 1)
                  and c.attempts + (select coalesce(sum(o.attempts), 0) from portal_code o where o.person_id = c.person_id
                                    and o.id <> c.id and o.created_at > now() - make_interval(mins => ?)) < ?
                returning c.id, c.code_hash""")
                .params(personId, LOCK_MINUTES, MAX_ATTEMPTS)
                .query((rs, i) -> new Claimed(rs.getLong(1), rs.getString(2))).optional();
        if (claimed.isEmpty()) {
            return false;
        }
        boolean right = code != null && MessageDigest.isEqual(claimed.get().hash().getBytes(StandardCharsets.UTF_8),
                hash(personId, code.trim()).getBytes(StandardCharsets.UTF_8));
        if (right) {
            jdbc.sql("update portal_code set used_at = now(), attempts = attempts - 1 where id = ?").param(claimed.get().id()).update();
            audit.recordAs("portal:" + personId, AuditAction.LOGIN, "person", String.valueOf(personId), "portal");
        } else {
            audit.recordAs("portal:" + personId, AuditAction.LOGIN_FAILED, "person", String.valueOf(personId), "portal: wrong code");
        }
        return right;
    }

    private record Claimed(long id, String hash) {
    }

    /** Too many wrong codes lately. */
    boolean locked(long personId) {
        return jdbc.sql("select coalesce(sum(attempts), 0) from portal_code where person_id = ?"
                        + " and created_at > now() - make_interval(mins => ?)").params(personId, LOCK_MINUTES)
                .query(Long.class).single() >= MAX_ATTEMPTS;
    }

    private static String hash(long personId, String code) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(sha.digest((personId + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
