package org.renkou.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.common.IdNumber;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo town gives the seed report's figures exactly on the reference date 2012-03-15. */
@RenkouTest
class DemoTownTest {
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    /** Persons of the demo town with this status on the reference date, from the dated status periods. */
    private long onReferenceDate(String status, String extra) {
        return jdbc.sql("""
                select count(*) from person p join person_status_period s on s.person_id = p.id
                where p.village_code like '430105100%' and not p.entered_by_mistake and s.status = ?
                  and s.valid_from <= ? and (s.valid_to is null or s.valid_to > ?)""" + extra)
                .params(status, DemoTown.REFERENCE_DATE, DemoTown.REFERENCE_DATE).query(Long.class).single();
    }

    @Test
    void theRegisterGivesTheReportsPopulationFigures() {
        long registered = onReferenceDate("REGISTERED", "");
        long inflow = onReferenceDate("INFLOW", "");
        long outflow = onReferenceDate("OUTFLOW", "");
        assertThat(registered + inflow).as("常住").isEqualTo(47_150);
        assertThat(inflow).as("流入").isEqualTo(7_304);
        assertThat(outflow).as("流出").isEqualTo(1_076);
        assertThat(registered + outflow).as("户籍").isEqualTo(40_922);
        assertThat(onReferenceDate("INFLOW", " and p.sex = '1'")).isEqualTo(4_499);
        assertThat(onReferenceDate("INFLOW", " and p.sex = '2'")).isEqualTo(2_805);
        LocalDate ref = DemoTown.REFERENCE_DATE;
        assertThat(onReferenceDate("INFLOW", " and p.sex = '2' and p.birth_date > date '" + ref.minusYears(50)
                + "' and p.birth_date <= date '" + ref.minusYears(15) + "'")).as("流入育龄妇女").isEqualTo(1_643);
    }

    @Test
    void theFloatingPopulationGrewFrom5230In2008To8380() {
        Api officer = Api.as(port, "officer", "officer123");
        String q = "/api/v1/indicators?area=430105100&codes=POP_INFLOW,POP_OUTFLOW&period=";
        List<Integer> in2008 = officer.get(q + "2008").json("$[*].value");
        List<Integer> now = officer.get(q + "2011-10-01..2012-03-15").json("$[*].value");
        assertThat(in2008.get(0) + in2008.get(1)).isEqualTo(5_230);
        assertThat(now.get(0) + now.get(1)).isEqualTo(8_380);
        List<Integer> in2010 = officer.get(q + "2010").json("$[*].value");
        assertThat(in2010.get(0) + in2010.get(1)).isBetween(5_231, 8_379);
    }

    @Test
    void theSameFiguresComeThroughTheApi() {
        Api officer = Api.as(port, "officer", "officer123");
        String town = "/api/v1/persons?size=1&area=430105100";
        assertThat(officer.get(town + "&status=INFLOW").<Integer>json("$.total")).isEqualTo(7_304);
        assertThat(officer.get(town + "&status=INFLOW&sex=1").<Integer>json("$.total")).isEqualTo(4_499);
        assertThat(officer.get(town + "&status=OUTFLOW").<Integer>json("$.total")).isEqualTo(1_076);
        assertThat(officer.get(town + "&status=REGISTERED").<Integer>json("$.total"))
                .as("today's children under 3 were born after the report").isEqualTo(47_150 - 7_304 + DemoTown.CHILDREN_TODAY);
    }

    @Test
    void inflowLivesWhereTheReportSays() {
        List<String> top = jdbc.sql("""
                select a.name from person p join area a on a.code = p.village_code
                where p.status = 'INFLOW' and p.village_code like '430105100%'
                group by a.name order by count(*) desc limit 7""").query(String.class).list();
        assertThat(top).containsExactlyInAnyOrder("捞居社区", "彭居社区", "高源村", "凤羽村", "捞刀河村", "大明村", "板塘村");
        assertThat(jdbc.sql("select distinct move_reason from person where status = 'INFLOW' and village_code = '430105100203' and not entered_by_mistake")
                .query(String.class).list()).containsExactly("来企业务工");
    }

    @Test
    void everyIdNumberIsValidAndAgreesWithTheRecord() {
        List<Object[]> rows = jdbc.sql("select id_number, birth_date, sex from person where village_code like '430105100%' and id_number is not null")
                .query((rs, i) -> new Object[]{rs.getString(1), rs.getDate(2).toLocalDate(), rs.getString(3)}).list();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(48_226);
        for (Object[] r : rows) {
            IdNumber.Parsed p = IdNumber.parse((String) r[0]);
            assertThat(p.valid()).as((String) r[0]).isTrue();
            assertThat(new IdNumber(p.normalized()).birthDate()).isEqualTo(r[1]);
            assertThat(new IdNumber(p.normalized()).sexCode()).isEqualTo(r[2]);
        }
        assertThat(jdbc.sql("select count(*) from household where village_code like '430105100%'").query(Long.class).single())
                .isGreaterThan(10_000);
    }
}
