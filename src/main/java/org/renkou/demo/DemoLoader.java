package org.renkou.demo;

import java.util.List;
import org.renkou.access.AccessService;
import org.renkou.access.Role;
import org.renkou.access.SystemPrincipal;
import org.renkou.access.UserService;
import org.renkou.area.AreaService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Loads the demo town into an empty database when {@code renkou.demo} is on; "auto" (the default) means
 * on with the embedded database and off with a configured server.
 */
@Component
@Order(10)
@EnableConfigurationProperties(DemoSettings.class)
class DemoLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoLoader.class);

    /** The demo accounts the README lists: user, password, name, role, areas. */
    static final List<Object[]> ACCOUNTS = List.of(
            new Object[]{"admin", "admin123", "系统管理员", Role.ADMIN, List.of()},
            new Object[]{"officer", "officer123", "镇计生办 刘玉娥", Role.TOWN_OFFICER, List.of(DemoTown.TOWN_CODE)},
            new Object[]{"county", "county123", "县计生办 赵建国", Role.COUNTY_OFFICER, List.of(DemoTown.COUNTY_CODE)},
            new Object[]{"cadre", "cadre123", "捞刀河村专干 周敏", Role.VILLAGE_CADRE, List.of(DemoTown.TOWN_CODE + "201")},
            new Object[]{"grid", "grid1234", "捞刀河村第1网格 王强", Role.GRID_WORKER, List.of(DemoTown.TOWN_CODE + "201001")},
            new Object[]{"police", "police123", "派出所 李军", Role.POLICE, List.of(DemoTown.TOWN_CODE)},
            new Object[]{"clinic", "clinic123", "卫生院 陈芳", Role.CLINIC, List.of(DemoTown.TOWN_CODE)},
            new Object[]{"supervisor", "super123", "区卫健局 张主任", Role.SUPERVISOR, List.of()});

    private final DemoTownGenerator generator;
    private final DemoAssessment assessment;
    private final DemoTeam team;
    private final AreaService areas;
    private final UserService users;
    private final AccessService access;
    private final String demo;
    private final boolean embeddedDatabase;

    DemoLoader(DemoTownGenerator generator, DemoAssessment assessment, DemoTeam team, AreaService areas, UserService users, AccessService access,
               DemoSettings settings, DataSourceProperties dataSource) {
        this.generator = generator;
        this.assessment = assessment;
        this.team = team;
        this.areas = areas;
        this.users = users;
        this.access = access;
        this.demo = settings.demo();
        this.embeddedDatabase = dataSource.getUrl() == null || dataSource.getUrl().isBlank();
    }

    @Override
    public void run(ApplicationArguments args) {
        boolean on = "auto".equals(demo) ? embeddedDatabase : Boolean.parseBoolean(demo);
        if (!on || !areas.roots().isEmpty()) {
            return;
        }
        access.runAs(SystemPrincipal.DEMO, this::load);
    }

    @SuppressWarnings("unchecked")
    private void load() {
        long start = System.currentTimeMillis();
        generator.generate();
        assessment.generate();
        team.generate();
        for (Object[] a : ACCOUNTS) {
            if (users.find((String) a[0]).isEmpty()) {
                users.create((String) a[0], (String) a[2], (Role) a[3], (List<String>) a[4], (String) a[1]);
            }
        }
        log.info("Demo town {} loaded in {} ms (synthetic data)", DemoTown.TOWN_NAME, System.currentTimeMillis() - start);
    }
}
