package org.renkou.people;

import java.time.LocalDate;
import java.util.List;
import javax.sql.DataSource;
import org.renkou.common.PgCopy;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.renkou.access.AuditAction;
import org.renkou.access.AuditService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads many households and persons at once through PostgreSQL's COPY, for the demo town and bulk imports.
 * The caller has validated the rows; ids are assigned here. Status periods are derived in SQL: a person's
 * status began on their arrival, departure or death date, and before a departure they were registered.
 */
@NamedInterface("loading")
@Service
public class BulkLoader {
    /** A household to load; {@code key} links persons to it within one load. */
    public record NewHousehold(int key, String householdNo, String villageCode, String gridCode, String address) {
    }

    /** A person to load; {@code householdKey} refers to a {@link NewHousehold} of the same load, or null. */
    public record NewPerson(String idNumber, String name, String sex, LocalDate birthDate, String ethnicity,
                            String maritalStatus, String education, Integer householdKey, String relation,
                            String hukouCode, String villageCode, String gridCode, PersonStatus status,
                            LocalDate arrivedOn, LocalDate leftOn, LocalDate diedOn, String moveReason,
                            String otherPlaceCode, String phone, String address) {
    }

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final AccessService access;
    private final AuditService audit;

    BulkLoader(JdbcClient jdbc, DataSource dataSource, AccessService access, AuditService audit) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.access = access;
        this.audit = audit;
    }

    /** The ids given to the first household and the first person of a load; the others follow in order. */
    public record Loaded(long firstHousehold, long firstPerson) {
    }

    @Transactional
    public Loaded load(List<NewHousehold> households, List<NewPerson> persons, String source) {
        access.require(Permission.WRITE_REGISTER);
        long firstHousehold = reserve("household_id_seq", households.size());
        long firstPerson = reserve("person_id_seq", persons.size());
        java.util.Map<Integer, Long> householdIds = new java.util.HashMap<>();
        PgCopy h = new PgCopy();
        for (int i = 0; i < households.size(); i++) {
            NewHousehold x = households.get(i);
            householdIds.put(x.key(), firstHousehold + i);
            h.row(firstHousehold + i, x.householdNo(), x.villageCode(), x.gridCode(), x.address());
        }
        PgCopy p = new PgCopy();
        for (int i = 0; i < persons.size(); i++) {
            NewPerson x = persons.get(i);
            p.row(firstPerson + i, x.idNumber(), x.name(), x.sex(), x.birthDate(), x.ethnicity(), x.maritalStatus(),
                    x.education(), x.householdKey() == null ? null : householdIds.get(x.householdKey()),
                    x.relation(), x.hukouCode(), x.villageCode(), x.gridCode(), x.status().name(), x.arrivedOn(),
                    x.leftOn(), x.diedOn(), x.moveReason(), x.otherPlaceCode(), x.phone(), x.address());
        }
        h.into(dataSource, "household (id, household_no, village_code, grid_code, address)");
        p.into(dataSource, "person (id, id_number, name, sex, birth_date, ethnicity, marital_status, education, household_id,"
                + " relation, hukou_code, village_code, grid_code, status, arrived_on, left_on, died_on, move_reason,"
                + " other_place_code, phone, address)");
        StatusPeriods.derive(jdbc, "id >= ? and id < ?", firstPerson, firstPerson + persons.size());
        audit.recordWorded(AuditAction.IMPORT, "person", null, "audit.detail.personsLoaded", source, households.size(),
                persons.size());
        return new Loaded(firstHousehold, firstPerson);
    }

    /** Takes a block of ids from a sequence so the rows can refer to each other before they are written. */
    private long reserve(String sequence, int count) {
        if (count == 0) {
            return 0;
        }
        long last = jdbc.sql("select setval(?, nextval(?) + ? - 1)").params(sequence, sequence, count)
                .query(Long.class).single();
        return last - count + 1;
    }
}
