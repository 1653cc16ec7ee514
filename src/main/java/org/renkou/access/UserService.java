package org.renkou.access;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.renkou.common.FieldProblem;
import org.renkou.common.Messages;
import org.renkou.common.NotFoundException;
import org.renkou.common.ValidationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Staff accounts: who they are, their role and the areas they cover. */
@Service
public class UserService {
    private static final String COLUMNS = "id, username, password_hash, display_name, role, area_codes, enabled, "
            + "failed_logins, locked_until";

    private final JdbcClient jdbc;
    private final PasswordEncoder passwordEncoder;
    private final AuditService audit;
    private final Messages messages;
    private final CredentialCache credentialCache;
    private final LoginThrottle throttle;

    UserService(JdbcClient jdbc, PasswordEncoder passwordEncoder, AuditService audit, Messages messages,
                CredentialCache credentialCache, LoginThrottle throttle) {
        this.jdbc = jdbc;
        this.throttle = throttle;
        this.credentialCache = credentialCache;
        this.passwordEncoder = passwordEncoder;
        this.audit = audit;
        this.messages = messages;
    }

    public Optional<UserAccount> find(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = ?").param(username)
                .query(UserService::map).optional();
    }

    public UserAccount get(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = ?").param(id)
                .query(UserService::map).optional().orElseThrow(() -> new NotFoundException("user " + id));
    }

    public List<UserAccount> list() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by username").query(UserService::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    /** Users whose area list names exactly this area. */
    public List<UserAccount> assignedTo(String areaCode) {
        return jdbc.sql("select " + COLUMNS + " from app_user where ? = any(area_codes) order by username")
                .param(areaCode).query(UserService::map).list();
    }

    @Transactional
    public UserAccount create(String username, String displayName, Role role, List<String> areaCodes,
                              String rawPassword) {
        List<FieldProblem> problems = new ArrayList<>();
        if (username == null || !username.matches("[A-Za-z0-9_.-]{3,40}")) {
            problems.add(messages.problem("username", "username"));
        } else if (find(username).isPresent()) {
            problems.add(messages.problem("username", "taken"));
        }
        checkPassword(rawPassword, problems);
        checkCommon(displayName, role, areaCodes, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        long id = jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, area_codes)
                values (?, ?, ?, ?, ?::text[]) returning id""")
                .params(username, passwordEncoder.encode(rawPassword), displayName.trim(), role.name(),
                        pgArray(areaCodes))
                .query(Long.class).single();
        audit.recordWorded(AuditAction.CREATE, "user", String.valueOf(id), "audit.detail.userCreated", username,
                audit.worded("role." + role), areas(areaCodes));
        return get(id);
    }

    @Transactional
    public void update(long id, String displayName, Role role, List<String> areaCodes, boolean enabled) {
        List<FieldProblem> problems = new ArrayList<>();
        checkCommon(displayName, role, areaCodes, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        get(id);
        jdbc.sql("update app_user set display_name = ?, role = ?, area_codes = ?::text[], enabled = ? where id = ?")
                .params(displayName.trim(), role.name(), pgArray(areaCodes), enabled, id).update();
        credentialCache.clear();
        audit.recordWorded(AuditAction.UPDATE, "user", String.valueOf(id), enabled ? "audit.detail.userChanged" : "audit.detail.userDisabled",
                audit.worded("role." + role), areas(areaCodes));
    }

    @Transactional
    public void resetPassword(long id, String rawPassword) {
        List<FieldProblem> problems = new ArrayList<>();
        checkPassword(rawPassword, problems);
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        get(id);
        jdbc.sql("update app_user set password_hash = ?, failed_logins = 0, locked_until = null where id = ?")
                .params(passwordEncoder.encode(rawPassword), id).update();
        credentialCache.clear();
        audit.recordWorded(AuditAction.UPDATE, "user", String.valueOf(id), "audit.detail.passwordReset");
    }

    /** Lets every address try the account's password again at once (and clears a lock of earlier versions). */
    @Transactional
    public void unlock(long id) {
        throttle.forget(get(id).username());
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = ?").param(id).update();
        audit.recordWorded(AuditAction.UPDATE, "user", String.valueOf(id), "audit.detail.unlocked");
    }

    /** Adds an area to a user's list (assigning staff to a village or grid). */
    @Transactional
    public void assignArea(String username, String areaCode) {
        UserAccount user = find(username).orElseThrow(() -> new NotFoundException("user " + username));
        if (!user.areaCodes().contains(areaCode)) {
            List<String> codes = new ArrayList<>(user.areaCodes());
            codes.add(areaCode);
            update(user.id(), user.displayName(), user.role(), codes, user.enabled());
        }
    }

    @Transactional
    public void unassignArea(String username, String areaCode) {
        UserAccount user = find(username).orElseThrow(() -> new NotFoundException("user " + username));
        List<String> codes = new ArrayList<>(user.areaCodes());
        if (codes.remove(areaCode)) {
            update(user.id(), user.displayName(), user.role(), codes, user.enabled());
        }
    }

    private void checkPassword(String raw, List<FieldProblem> problems) {
        if (raw == null || raw.length() < 8) {
            problems.add(messages.problem("password", "passwordLength", 8));
        }
    }

    private void checkCommon(String displayName, Role role, List<String> areaCodes, List<FieldProblem> problems) {
        if (displayName == null || displayName.isBlank()) {
            problems.add(messages.problem("displayName", "required"));
        }
        if (role == null) {
            problems.add(messages.problem("role", "required"));
        } else if (role.needsAreas() && areaCodes.isEmpty()) {
            problems.add(messages.problem("areaCodes", "areaRequired"));
        }
        for (String code : areaCodes) {
            if (!code.matches("\\d{6}|\\d{9}|\\d{12}|\\d{15}")) {
                problems.add(messages.problem("areaCodes", "areaCode", code));
            }
        }
    }

    private static String pgArray(List<String> codes) {
        return "{" + String.join(",", codes) + "}";
    }

    private static UserAccount map(ResultSet rs, int row) throws SQLException {
        Array codes = rs.getArray("area_codes");
        Timestamp locked = rs.getTimestamp("locked_until");
        return new UserAccount(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
                rs.getString("display_name"), Role.valueOf(rs.getString("role")),
                Arrays.asList((String[]) codes.getArray()), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant());
    }

    /** An account's areas for the audit log: their codes, or "all" for an account without a limit. */
    private String areas(List<String> areaCodes) {
        return areaCodes == null || areaCodes.isEmpty() ? audit.worded("audit.detail.allAreas") : String.join("、", areaCodes);
    }
}
