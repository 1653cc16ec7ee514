package org.renkou.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.renkou.cadres.CadreBulkLoader;
import org.renkou.cadres.CadreBulkLoader.NewCadre;
import org.renkou.cadres.CadreBulkLoader.NewPost;
import org.renkou.cadres.Post.Kind;
import org.renkou.common.ReportPeriod;
import org.renkou.outreach.OutreachService;
import org.renkou.outreach.Training;
import org.springframework.stereotype.Component;

/**
 * The demo town's cadre team (the report's third part): six town office staff, a 专干 for each village-level unit
 * but two (莲花村's left in December, 樟树村 never had the post), two women's group leaders in each village,
 * floating-population assistants where the inflow is, and volunteers; with the hours they attended at the two
 * trainings of the hundred-day campaign (the one-day training of the 专干 on 31 January, 35 attendees, and the
 * three days at 锦绣山庄 from 8 February, 50 cadres).
 */
@Component
class DemoTeam {
    static final String NO_POST = "224";
    static final String VACANT = "223";
    static final Set<String> ASSISTANTS = Set.of("001", "002", "202", "203", "204", "205");
    static final int VOLUNTEERS = 8;
    static final int DAY_HOURS = 6;
    static final int CLOSED_HOURS = 18;
    private static final String[] TOWN_POSTS = {"计生办主任", "统计信息专干", "流动人口专干", "药具管理专干", "宣传教育专干", "技术服务专干"};
    private static final String[] SURNAMES = "刘李陈王张黄彭罗唐曾谭邓胡易杨吴赵徐朱何郭梁宋谢周".split("");
    private static final String[] GIVEN = "芳娟敏静丽艳娜燕霞玲红梅英兰琴秀萍凤华洁莉慧婷建国志文斌明辉勇".split("");

    private final CadreBulkLoader loader;
    private final OutreachService outreach;

    DemoTeam(CadreBulkLoader loader, OutreachService outreach) {
        this.loader = loader;
        this.outreach = outreach;
    }

    void generate() {
        Random rnd = new Random(DemoTown.SEED + 19);
        Set<String> names = new HashSet<>(List.of("刘玉娥", "周敏"));
        List<NewCadre> cadres = new ArrayList<>();
        List<NewPost> posts = new ArrayList<>();
        String town = DemoTown.TOWN_CODE;
        List<String> staff = new ArrayList<>();
        for (int i = 0; i < TOWN_POSTS.length; i++) {
            String name = i == 0 ? "刘玉娥" : name(rnd, names);
            cadres.add(new NewCadre(name, phone(rnd), i == 0 ? "officer" : null));
            posts.add(new NewPost(Kind.TOWN_STAFF, town, "镇计生办" + TOWN_POSTS[i], name, since(rnd)));
            staff.add(name);
        }
        List<String> villageCadres = new ArrayList<>();
        List<String> leaders = new ArrayList<>();
        List<String> assistants = new ArrayList<>();
        for (DemoTown.Unit u : DemoTown.UNITS) {
            String code = town + u.suffix();
            if (!u.suffix().equals(NO_POST)) {
                String name = u.suffix().equals("201") ? "周敏" : u.suffix().equals(VACANT) ? null : name(rnd, names);
                if (name != null) {
                    cadres.add(new NewCadre(name, phone(rnd), u.suffix().equals("201") ? "cadre" : null));
                    villageCadres.add(name);
                }
                posts.add(new NewPost(Kind.VILLAGE_CADRE, code, u.name() + "计生专干", name, since(rnd)));
            }
            if (!u.community()) {
                for (int g = 1; g <= 2; g++) {
                    String name = name(rnd, names);
                    cadres.add(new NewCadre(name, phone(rnd), null));
                    posts.add(new NewPost(Kind.WOMENS_GROUP_LEADER, code, u.name() + "妇女组长（第" + g + "片）", name, since(rnd)));
                    leaders.add(name);
                }
            }
            if (ASSISTANTS.contains(u.suffix())) {
                String name = name(rnd, names);
                cadres.add(new NewCadre(name, phone(rnd), null));
                posts.add(new NewPost(Kind.FLOATING_ASSISTANT, code, u.name() + "流动人口协管员", name, since(rnd)));
                assistants.add(name);
            }
        }
        for (int v = 0; v < VOLUNTEERS; v++) {
            String name = name(rnd, names);
            cadres.add(new NewCadre(name, phone(rnd), null));
            posts.add(new NewPost(Kind.VOLUNTEER, town, "计生志愿者", name, since(rnd)));
        }
        Map<String, String> attendees = loader.load(cadres, posts, DemoTown.SOURCE);
        trainings(attendees, staff, villageCadres, leaders, assistants);
    }

    /**
     * 31 January: the 专干 and the assistants, taught by four of the town staff (35); 8–10 February: the town staff,
     * the 专干, the assistants and thirteen women's group leaders (50).
     */
    private void trainings(Map<String, String> attendees, List<String> staff, List<String> villageCadres, List<String> leaders,
                           List<String> assistants) {
        List<Training> sessions = outreach.trainings(new ReportPeriod(LocalDate.of(2012, 1, 1), LocalDate.of(2012, 2, 29)), 0, 20).items();
        long day = sessions.stream().filter(t -> t.days() == 1).findFirst().orElseThrow().id();
        long closed = sessions.stream().filter(t -> t.days() == 3).findFirst().orElseThrow().id();
        List<String> first = new ArrayList<>(staff.subList(2, 6));
        first.addAll(villageCadres);
        first.addAll(assistants);
        first.forEach(name -> outreach.recordAttendance(day, attendees.get(name), name, DAY_HOURS));
        List<String> second = new ArrayList<>(staff);
        second.addAll(villageCadres);
        second.addAll(assistants);
        second.addAll(leaders.subList(0, 50 - second.size()));
        second.forEach(name -> outreach.recordAttendance(closed, attendees.get(name), name, CLOSED_HOURS));
    }

    private static String name(Random rnd, Set<String> taken) {
        String name;
        do {
            name = SURNAMES[rnd.nextInt(SURNAMES.length)] + GIVEN[rnd.nextInt(GIVEN.length)] + (rnd.nextBoolean() ? GIVEN[rnd.nextInt(GIVEN.length)] : "");
        } while (!taken.add(name));
        return name;
    }

    private static String phone(Random rnd) {
        return "13" + (5 + rnd.nextInt(5)) + String.format("%08d", rnd.nextInt(100_000_000));
    }

    private static LocalDate since(Random rnd) {
        return LocalDate.of(2004, 3, 1).plusDays(rnd.nextInt(7 * 365));
    }
}
