package org.renkou.people;

import java.time.LocalDate;
import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Permission;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * The verification rounds typed in by hand as four totals before rounds were visited household by household
 * (核查, {@code /api/v1/register-checks}): kept readable as history, labelled as typed. The register coverage and
 * accuracy indicators come from the verification feature's visits, not from these totals.
 */
@Service
@NamedInterface("register")
public class RegisterChecks {
    /** A typed round; {@code source} is always TYPED (hand-typed totals, no visits behind them). */
    public record Round(long id, String areaCode, LocalDate checkedOn, int found, int inRegister, int recordsChecked,
                        int recordsCorrect, String note, String source) {
    }

    private final JdbcClient jdbc;
    private final AccessService access;

    RegisterChecks(JdbcClient jdbc, AccessService access) {
        this.jdbc = jdbc;
        this.access = access;
    }

    public List<Round> rounds() {
        access.require(Permission.READ_AGGREGATES);
        return jdbc.sql("select * from register_check_round order by checked_on desc, id desc limit 200")
                .query((rs, i) -> new Round(rs.getLong("id"), rs.getString("area_code"), rs.getObject("checked_on", LocalDate.class),
                        rs.getInt("found"), rs.getInt("in_register"), rs.getInt("records_checked"), rs.getInt("records_correct"),
                        rs.getString("note"), "TYPED")).list();
    }
}
