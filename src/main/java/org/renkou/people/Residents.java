package org.renkou.people;

import java.util.Optional;
import org.renkou.common.IdNumber;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * What the public portal may learn from the register, and only about the resident who asks: whether an ID
 * number and name belong together (and the phone on record, to send a one-time code to), and then that one
 * person's own registration. No staff account is involved; the portal audits these reads as the resident.
 */
@NamedInterface("residents")
@Service
public class Residents {
    /** A person as identified by ID number and name, with the phone a one-time code goes to. */
    public record Identified(long personId, String phone) {
    }

    /** A resident's own registration, as the portal shows it. */
    public record OwnRecord(long personId, String name, String maskedIdNumber, String sex, String status,
                            String villageName, String householdNo, String hukouCode) {
    }

    private final JdbcClient jdbc;

    Residents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The person whose (normalised) ID number and exact name match, if any. */
    public Optional<Identified> identify(String idNumber, String name) {
        IdNumber.Parsed parsed = IdNumber.parse(idNumber == null ? "" : idNumber.trim().toUpperCase());
        if (parsed.normalized() == null || name == null || name.isBlank()) {
            return Optional.empty();
        }
        return jdbc.sql("select id, phone from person where id_number = ? and name = ? and not entered_by_mistake"
                        + " and status in ('REGISTERED', 'INFLOW', 'OUTFLOW')")
                .params(parsed.normalized(), name.trim()).query((rs, i) -> new Identified(rs.getLong(1), rs.getString(2)))
                .optional();
    }

    /** The phone on record, for reminders. */
    public Optional<String> phone(long personId) {
        return jdbc.sql("select phone from person where id = ? and phone is not null").param(personId).query(String.class).optional();
    }

    public OwnRecord ownRecord(long personId) {
        return jdbc.sql("""
                select p.id, p.name, p.id_number, p.sex, p.status, a.name, h.household_no, p.hukou_code
                from person p join area a on a.code = p.village_code left join household h on h.id = p.household_id
                where p.id = ?""").param(personId)
                .query((rs, i) -> new OwnRecord(rs.getLong(1), rs.getString(2), IdNumber.mask(rs.getString(3)), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8))).single();
    }
}
