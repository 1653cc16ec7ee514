import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.renkou.RenkouApplication;
import org.renkou.access.AccessService;
import org.renkou.access.SystemPrincipal;
import org.renkou.common.IdNumber;
import org.renkou.people.BulkLoader;
import org.renkou.people.DuplicateCheck;
import org.renkou.people.PersonForm;
import org.renkou.people.PersonStatus;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Record linkage at 1,000,000 persons (issue 16). Builds a register of 1,000,000 persons in households, with 2%
 * planted duplicates of every kind DOMAIN.md names and look-alikes that are two people (twins, namesakes), keeps
 * the truth, then runs a whole-register linkage run through the API (as admin) in this JVM (started with
 * -Xmx1g) and measures: time, comparisons made (blocking's reduction from n(n-1)/2), precision of AUTO, recall of
 * AUTO + REVIEW, the share of true pairs among REVIEW, recall by kind, look-alikes queued; the floor of reading
 * the register (people_for_linkage, every column read, nothing built); the entry duplicate check's p50/p99.
 * -Dpersons=N for a smaller register.
 */
public class LinkageBench {
    static final int TOTAL = Integer.getInteger("persons", 1_000_000);
    static final String TOWN = "430105100";
    static final String[] SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶"
            + "程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤易").split("");
    static final String[] GIVEN = ("伟强军勇杰涛明超辉刚平华芳娟敏静丽艳娜燕霞玲红梅英兰琴秀萍波斌宇浩鹏飞磊洋林建国志文"
            + "海峰云玉凤桂珍春晓东亮成俊婷慧佳欣雪琳颖丹晶婷鑫倩莉").split("");
    /** Characters read alike (the second is the "homophone" a clerk writes). */
    static final Map<Character, Character> HOMOPHONES = pairs("伟玮华桦明铭丽莉芳方军君勇永杰洁涛韬红宏英瑛兰岚琴芹萍平"
            + "敏闵燕艳霞侠玲灵梅玫秀绣波博斌彬宇禹浩皓鹏朋飞菲磊垒洋阳林琳建剑志智文雯海还峰锋云芸玉钰凤风春纯东冬亮靓"
            + "成诚俊骏婷亭慧惠佳家欣新雪学颖影丹单晶菁鑫新倩茜");
    /** Simplified to traditional, as old paper records and Hong Kong/Taiwan documents write them. */
    static final Map<Character, Character> TRADITIONAL = pairs("陈陳刘劉张張杨楊黄黃赵趙吴吳郑鄭谢謝韩韓冯馮邓鄧罗羅华華"
            + "伟偉军軍红紅兰蘭丽麗艳艷涛濤刚剛辉輝强強马馬孙孫许許龙龍钟鍾陆陸叶葉苏蘇卢盧贺賀顾顧龚龔钱錢严嚴汤湯"
            + "凤鳳云雲东東亮亮俊俊婷婷飞飛鹏鵬峰峰颖穎晓曉");
    static final String[] MINORITY = {"阿依古丽·买买提", "热依拉·艾力", "古丽娜尔·托合提", "艾尔肯·吐尔逊", "迪丽娜尔·阿不都",
            "买买提·依明", "努尔艾力·沙吾提", "帕丽达·阿布拉"};
    static final DateTimeFormatter DIGITS = DateTimeFormatter.BASIC_ISO_DATE;
    static final LocalDate FIRST_BIRTH = LocalDate.of(1935, 1, 1);
    static final int DAYS = (int) (LocalDate.of(2024, 12, 31).toEpochDay() - FIRST_BIRTH.toEpochDay());

    /** What a planted duplicate differs in (besides its ID number, see {@link IdKind}). */
    enum Kind { SAME_NAME, HOMOPHONE, TRADITIONAL, SPACE_OR_DOT, FULL_WIDTH_NAME, DAY_MONTH_SWAPPED, DATE_ONE_DIGIT,
        DATE_NEAR, TWO_ERRORS }

    /** The duplicate's ID number: absent, the 15-digit form, two digits transposed (confirmed as printed), a
     * wrong check character, full-width digits. The original's own number never repeats (the register refuses it). */
    enum IdKind { ABSENT, FIFTEEN_DIGITS, TRANSPOSED, CHECK_ONLY, FULL_WIDTH }

    record Planted(int original, int copy, Kind kind, IdKind idKind) {
    }

    /** The generated register: each row's fields, rows refer to households by key. */
    static final class Gen {
        final Random rnd = new Random(16);
        final List<String> villages = new ArrayList<>();
        final int[][] seqByDay = new int[DAYS + 1][2];
        final List<BulkLoader.NewHousehold> households = new ArrayList<>();
        final List<BulkLoader.NewPerson> persons = new ArrayList<>();
        int householdKey;
        /** The batch's rows before twins, namesakes and duplicates: the ones those copy. */
        int bases;
        final List<Planted> duplicates = new ArrayList<>();
        final List<int[]> twins = new ArrayList<>();
        final List<int[]> namesakes = new ArrayList<>();
        final Map<Kind, Integer> kinds = new EnumMap<>(Kind.class);
    }

    /**
     * -Dkeep=DIR keeps the register (and its truth, in table bench_linkage_truth) in DIR, so a second run of the
     * bench measures a changed linkage on the same register without building it again.
     */
    public static void main(String[] args) throws Exception {
        String keep = System.getProperty("keep");
        ConfigurableApplicationContext app = SpringApplication.run(RenkouApplication.class, "--server.port=0",
                keep == null ? "--renkou.embedded-db.ephemeral=true" : "--renkou.data-dir=" + keep,
                "--renkou.demo=true", "--logging.level.root=WARN",
                "--logging.level.org.renkou.linkage=INFO", "--spring.main.banner-mode=off");
        try (app) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Truth truth = Truth.kept(jdbc);
            if (truth == null) {
                long before = jdbc.sql("select count(*) from person").query(Long.class).single();
                long t0 = System.nanoTime();
                long[] ids = app.getBean(AccessService.class).runAs(SystemPrincipal.DEMO,
                        () -> build(app.getBean(BulkLoader.class), jdbc, (int) (TOTAL - before)));
                truth = Truth.of(GEN, ids);
                truth.keep(jdbc);
                jdbc.sql("vacuum analyze").update();
                System.out.printf("register: %,d persons (%,d generated + the demo town) in %.0f s; planted %,d duplicates"
                                + " (%s), %,d twin pairs, %,d namesake pairs%n",
                        jdbc.sql("select count(*) from person").query(Long.class).single(), ids.length,
                        (System.nanoTime() - t0) / 1e9, GEN.duplicates.size(), GEN.kinds, GEN.twins.size(), GEN.namesakes.size());
            } else {
                System.out.printf("register: %,d persons, kept in %s; planted %,d duplicates, %,d twin pairs, %,d namesake pairs%n",
                        jdbc.sql("select count(*) from person").query(Long.class).single(), keep,
                        truth.duplicates.size(), truth.twins.size(), truth.namesakes.size());
            }
            floor(jdbc);
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            for (String w : System.getProperty("weights", "standard").split(",")) {
                if (!w.equals("standard")) {
                    estimateAndAdopt(port);
                }
                long run = run(port, jdbc, w);
                evaluate(jdbc, run, truth, w);
            }
            entryCheck(app.getBean(DuplicateCheck.class), jdbc, truth);
        }
    }

    /** A planted duplicate by person ids: the original, its copy, what the copy differs in. */
    record Dup(long original, long copy, String kind, String idKind) {
    }

    /** What the generated register holds, by person ids: the planted duplicates and the look-alikes. */
    record Truth(long first, long last, List<Dup> duplicates, List<long[]> twins, List<long[]> namesakes) {
        static Truth of(Gen g, long[] ids) {
            List<Dup> dups = new ArrayList<>();
            g.duplicates.forEach(p -> dups.add(new Dup(ids[p.original()], ids[p.copy()], p.kind().name(), p.idKind().name())));
            List<long[]> twins = new ArrayList<>();
            g.twins.forEach(t -> twins.add(new long[]{ids[t[0]], ids[t[1]]}));
            List<long[]> namesakes = new ArrayList<>();
            g.namesakes.forEach(t -> namesakes.add(new long[]{ids[t[0]], ids[t[1]]}));
            return new Truth(ids[0], ids[ids.length - 1], dups, twins, namesakes);
        }

        void keep(JdbcClient jdbc) {
            List<String> kinds = new ArrayList<>(List.of("RANGE"));
            List<String> idKinds = new ArrayList<>(java.util.Collections.singletonList(null));
            List<Long> a = new ArrayList<>(List.of(first));
            List<Long> b = new ArrayList<>(List.of(last));
            duplicates.forEach(d -> {
                kinds.add(d.kind());
                idKinds.add(d.idKind());
                a.add(d.original());
                b.add(d.copy());
            });
            for (List<long[]> pairs : List.of(twins, namesakes)) {
                pairs.forEach(t -> {
                    kinds.add(pairs == twins ? "TWINS" : "NAMESAKES");
                    idKinds.add(null);
                    a.add(t[0]);
                    b.add(t[1]);
                });
            }
            jdbc.sql("create table bench_linkage_truth (kind text, id_kind text, a bigint, b bigint)").update();
            jdbc.sql("insert into bench_linkage_truth select * from unnest(?, ?, ?, ?)")
                    .params(kinds.toArray(String[]::new), idKinds.toArray(String[]::new), a.toArray(Long[]::new),
                            b.toArray(Long[]::new)).update();
        }

        /** The truth kept by an earlier run with -Dkeep, or null. */
        static Truth kept(JdbcClient jdbc) {
            if (!jdbc.sql("select to_regclass('bench_linkage_truth') is not null").query(Boolean.class).single()) {
                return null;
            }
            long[] range = new long[2];
            List<Dup> dups = new ArrayList<>();
            List<long[]> twins = new ArrayList<>();
            List<long[]> namesakes = new ArrayList<>();
            jdbc.sql("select kind, id_kind, a, b from bench_linkage_truth").query((RowCallbackHandler) rs -> {
                long[] ab = {rs.getLong(3), rs.getLong(4)};
                switch (rs.getString(1)) {
                    case "RANGE" -> System.arraycopy(ab, 0, range, 0, 2);
                    case "TWINS" -> twins.add(ab);
                    case "NAMESAKES" -> namesakes.add(ab);
                    default -> dups.add(new Dup(ab[0], ab[1], rs.getString(1), rs.getString(2)));
                }
            });
            return dups.isEmpty() ? null : new Truth(range[0], range[1], dups, twins, namesakes);
        }
    }

    static Gen GEN;

    /** Generates and bulk-loads the register in batches of whole households; answers each row's person id. */
    static long[] build(BulkLoader loader, JdbcClient jdbc, int count) {
        Gen g = new Gen();
        GEN = g;
        for (int v = 1; v <= 3; v++) {
            g.villages.add(TOWN + String.format("%03d", v));
        }
        for (int v = 201; v <= 224; v++) {
            g.villages.add(TOWN + v);
        }
        long[] ids = new long[count];
        int duplicatesWanted = count / 50;
        int twinsWanted = count * 6 / 1000;
        int namesakesWanted = count / 1000;
        int batch = 50_000;
        int done = 0;
        while (done < count) {
            int target = Math.min(count, done + batch);
            int batchStart = done;
            g.households.clear();
            g.persons.clear();
            int batchCount = target - batchStart;
            int dups = (int) ((long) duplicatesWanted * target / count) - g.duplicates.size();
            int tw = (int) ((long) twinsWanted * target / count) - g.twins.size();
            int ns = (int) ((long) namesakesWanted * target / count) - g.namesakes.size();
            int bases = batchCount - dups - 2 * tw - ns;
            // households of 1-5, the last one cut to fit
            while (g.persons.size() < bases) {
                household(g, batchStart, Math.min(bases - g.persons.size(), 1 + g.rnd.nextInt(5)), false);
            }
            g.bases = g.persons.size();
            while (tw-- > 0) {
                household(g, batchStart, 2, true);
            }
            while (ns-- > 0) {
                namesake(g, batchStart);
            }
            while (dups-- > 0) {
                duplicate(g, batchStart);
            }
            BulkLoader.Loaded loaded = loader.load(new ArrayList<>(g.households), new ArrayList<>(g.persons), "linkage benchmark");
            for (int i = 0; i < g.persons.size(); i++) {
                ids[batchStart + i] = loaded.firstPerson() + i;
            }
            done = batchStart + g.persons.size();
        }
        return ids;
    }

    /** A household of n persons (a pair of twins when twins: same birth date, similar names, consecutive IDs). */
    static void household(Gen g, int batchStart, int n, boolean twins) {
        Random r = g.rnd;
        String village = g.villages.get(r.nextInt(g.villages.size()));
        int key = ++g.householdKey;
        g.households.add(new BulkLoader.NewHousehold(key, "B" + key, village, null, null));
        String surname = SURNAMES[zipf(r, SURNAMES.length)];
        String phone = r.nextInt(10) < 6 ? "13" + (100_000_000 + r.nextInt(900_000_000)) : null;
        int twinDay = r.nextInt(DAYS - 3650) + 3650;
        String twinGiven = GIVEN[r.nextInt(GIVEN.length)];
        for (int i = 0; i < n; i++) {
            int day = twins ? twinDay : r.nextInt(DAYS);
            LocalDate birth = FIRST_BIRTH.plusDays(day);
            String sex = twins && r.nextInt(3) == 0 ? (i == 0 ? "1" : "2") : twins ? "1" : r.nextBoolean() ? "1" : "2";
            String name;
            if (twins) { // 张大伟/张小伟, 王秀英/王秀云
                String other = GIVEN[r.nextInt(GIVEN.length)];
                name = r.nextBoolean() ? surname + other + twinGiven : surname + twinGiven + other;
            } else if (r.nextInt(200) == 0) {
                name = MINORITY[r.nextInt(MINORITY.length)];
            } else {
                name = surname + GIVEN[zipf(r, GIVEN.length)] + (r.nextInt(3) > 0 ? GIVEN[r.nextInt(GIVEN.length)] : "");
            }
            // children registered before their card, and floating persons, have no number (about 4%)
            boolean withId = birth.getYear() < 2020 ? r.nextInt(100) >= 3 : r.nextInt(100) >= 40;
            String id = withId ? newId(g, "430105", birth, sex) : null;
            boolean phoned = i == 0 ? phone != null : r.nextInt(4) == 0;
            person(g, id, name, sex, birth, key, i == 0 ? "01" : "20", village, phoned ? phone : null);
        }
        if (twins) {
            g.twins.add(new int[]{batchStart + g.persons.size() - 2, batchStart + g.persons.size() - 1});
        }
    }

    /** A person with the name and birth date of an earlier one, living elsewhere, with their own valid number. */
    static void namesake(Gen g, int batchStart) {
        BulkLoader.NewPerson o = g.persons.get(g.rnd.nextInt(g.bases));
        String village = g.villages.get(g.rnd.nextInt(g.villages.size()));
        int key = ++g.householdKey;
        g.households.add(new BulkLoader.NewHousehold(key, "B" + key, village, null, null));
        String region = g.rnd.nextBoolean() ? "430111" : "441302";
        person(g, newId(g, region, o.birthDate(), o.sex()), o.name(), o.sex(), o.birthDate(), key, "01", village, null);
        g.namesakes.add(new int[]{batchStart + g.persons.indexOf(o), batchStart + g.persons.size() - 1});
    }

    /** A second record of an earlier person of the batch, of one of the kinds DOMAIN.md names. */
    static void duplicate(Gen g, int batchStart) {
        Random r = g.rnd;
        int index;
        BulkLoader.NewPerson o;
        do {
            index = r.nextInt(g.persons.size());
            o = g.persons.get(index);
        } while (index >= g.bases || used.contains(batchStart + index));
        used.add(batchStart + index);
        Kind kind = Kind.values()[weighted(r, 30, 12, 10, 6, 4, 8, 14, 6, 10)];
        String name = o.name();
        LocalDate birth = o.birthDate();
        Kind k = kind;
        for (int round = 0; round < (kind == Kind.TWO_ERRORS ? 2 : 1); round++) {
            if (kind == Kind.TWO_ERRORS) {
                k = Kind.values()[1 + r.nextInt(7)];
            }
            switch (k) {
                case HOMOPHONE -> name = replaceOne(name, HOMOPHONES, r);
                case TRADITIONAL -> name = replaceOne(name, TRADITIONAL, r);
                case SPACE_OR_DOT -> name = name.contains("·") ? name.replace("·", r.nextBoolean() ? "" : "•")
                        : name.charAt(0) + (r.nextBoolean() ? " " : "\u3000") + name.substring(1);
                case FULL_WIDTH_NAME -> name = " " + name + (r.nextBoolean() ? "\u3000" : " ");
                case DAY_MONTH_SWAPPED -> {
                    if (birth.getDayOfMonth() <= 12 && birth.getDayOfMonth() != birth.getMonthValue()) {
                        birth = LocalDate.of(birth.getYear(), birth.getDayOfMonth(), birth.getMonthValue());
                    } else {
                        birth = birth.plusDays(r.nextBoolean() ? 1 : -1); // could not be swapped: a near date
                    }
                }
                case DATE_ONE_DIGIT -> birth = oneDigitOff(birth, r);
                case DATE_NEAR -> birth = birth.plusDays((r.nextBoolean() ? 1 : -1) * (1 + r.nextInt(5)));
                default -> { }
            }
        }
        IdKind idKind = o.idNumber() == null ? IdKind.ABSENT : IdKind.values()[weighted(r, 55, 15, 12, 8, 10)];
        if (idKind == IdKind.FIFTEEN_DIGITS && o.birthDate().getYear() >= 2000) {
            idKind = IdKind.ABSENT; // 15-digit numbers ended in 1999: "19" is their century
        }
        String id = switch (idKind) {
            case ABSENT -> null;
            case FIFTEEN_DIGITS -> o.idNumber().substring(0, 6) + o.idNumber().substring(8, 17);
            case TRANSPOSED -> {
                int at = 6 + r.nextInt(10);
                char[] c = o.idNumber().toCharArray();
                if (c[at] == c[at + 1]) {
                    c[at + 1] = (char) ('0' + (c[at] - '0' + 1) % 10);
                } else {
                    char t = c[at];
                    c[at] = c[at + 1];
                    c[at + 1] = t;
                }
                yield new String(c);
            }
            case CHECK_ONLY -> {
                char check = o.idNumber().charAt(17);
                yield o.idNumber().substring(0, 17) + (check == '0' ? '1' : '0');
            }
            case FULL_WIDTH -> fullWidth(o.idNumber());
        };
        // a second household (registered as a child elsewhere, or as a floating person) half the time
        Integer household = o.householdKey();
        String village = o.villageCode();
        if (r.nextBoolean()) {
            village = r.nextInt(4) == 0 ? g.villages.get(r.nextInt(g.villages.size())) : village;
            household = ++g.householdKey;
            g.households.add(new BulkLoader.NewHousehold(household, "B" + household, village, null, null));
        }
        person(g, id, name, o.sex(), birth, household, "20", village, r.nextBoolean() ? o.phone() : null);
        g.duplicates.add(new Planted(batchStart + index, batchStart + g.persons.size() - 1, kind, idKind));
        g.kinds.merge(kind, 1, Integer::sum);
    }

    static final Set<Integer> used = new HashSet<>();

    static void person(Gen g, String id, String name, String sex, LocalDate birth, Integer household, String relation,
                       String village, String phone) {
        g.persons.add(new BulkLoader.NewPerson(id, name, sex, birth, "01", "20", "71", household, relation,
                g.rnd.nextInt(10) == 0 ? "430111000" : TOWN, village, null, PersonStatus.REGISTERED, null, null, null,
                null, null, phone, null));
    }

    static String newId(Gen g, String region, LocalDate birth, String sex) {
        int day = (int) (birth.toEpochDay() - FIRST_BIRTH.toEpochDay());
        int s = "1".equals(sex) ? 1 : 0;
        int n = g.seqByDay[Math.max(0, Math.min(DAYS, day))][s]++;
        // the sequence's last digit is odd for men; regions other than the town's own take the upper range
        int seq = (region.equals("430105") ? 0 : 500) + n * 2 + s;
        String first17 = region + birth.format(DIGITS) + String.format("%03d", seq % 1000);
        return first17 + IdNumber.checkChar(first17);
    }

    static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append((char) (c - '0' + '０'));
        }
        return b.toString().replace((char) ('X' - '0' + '０'), 'Ｘ');
    }

    static LocalDate oneDigitOff(LocalDate d, Random r) {
        for (int attempt = 0; attempt < 20; attempt++) {
            char[] c = d.format(DIGITS).toCharArray();
            int at = 2 + r.nextInt(6);
            c[at] = (char) ('0' + r.nextInt(10));
            try {
                LocalDate x = LocalDate.parse(new String(c), DIGITS);
                if (!x.equals(d) && x.getYear() >= 1900) {
                    return x;
                }
            } catch (java.time.format.DateTimeParseException e) {
                // not a date: another digit
            }
        }
        return d.plusDays(10);
    }

    static String replaceOne(String name, Map<Character, Character> table, Random r) {
        List<Integer> at = new ArrayList<>();
        for (int i = 0; i < name.length(); i++) {
            if (table.containsKey(name.charAt(i))) {
                at.add(i);
            }
        }
        if (at.isEmpty()) {
            return name;
        }
        int i = at.get(r.nextInt(at.size()));
        return name.substring(0, i) + table.get(name.charAt(i)) + name.substring(i + 1);
    }

    static Map<Character, Character> pairs(String s) {
        Map<Character, Character> m = new HashMap<>();
        for (int i = 0; i + 1 < s.length(); i += 2) {
            if (s.charAt(i) != s.charAt(i + 1)) {
                m.put(s.charAt(i), s.charAt(i + 1));
            }
        }
        return m;
    }

    /** Common surnames and given characters are much more common (张伟, 王秀英). */
    static int zipf(Random r, int n) {
        return (int) Math.min(n - 1, Math.floor(Math.pow(n + 1, r.nextDouble()) - 1));
    }

    static int weighted(Random r, int... weights) {
        int x = r.nextInt(Arrays.stream(weights).sum());
        for (int i = 0; i < weights.length; i++) {
            x -= weights[i];
            if (x < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** The floor: reading the register through people's function, every column, nothing built. */
    static void floor(JdbcClient jdbc) {
        for (int i = 0; i < 2; i++) {
            long t = System.nanoTime();
            long[] n = {0};
            jdbc.sql("select person_id, name, id_number, sex, birth_date, household_no, hukou_code, village_code, phone"
                    + " from people_for_linkage('')").query((RowCallbackHandler) rs -> {
                for (int c = 1; c <= 9; c++) {
                    rs.getString(c);
                }
                n[0]++;
            });
            System.out.printf("floor: reading %,d persons through people_for_linkage('') (JDBC, default fetch): %.1f s%n",
                    n[0], (System.nanoTime() - t) / 1e9);
        }
    }

    static HttpClient http = HttpClient.newHttpClient();
    static final String AUTH = "Basic " + Base64.getEncoder().encodeToString("admin:admin123".getBytes(StandardCharsets.UTF_8));

    static String post(int port, String path, String body) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", AUTH).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() >= 300) {
            throw new IllegalStateException(path + ": " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    /** Estimates weights from the register and adopts them (POST /api/v1/linkage/weights/estimate, then adopt). */
    static void estimateAndAdopt(int port) throws Exception {
        long t = System.nanoTime();
        String estimate = post(port, "/api/v1/linkage/weights/estimate", "{}");
        String version = estimate.replaceAll("(?s).*\"version\"\\s*:\\s*(\\d+).*", "$1");
        System.out.printf("weights estimated (EM) in %.1f s%n", (System.nanoTime() - t) / 1e9);
        post(port, "/api/v1/linkage/weights/" + version + "/adopt", "{}");
    }

    /** A whole-register run (the town holds every generated person) through the API, as the town office starts it. */
    static long run(int port, JdbcClient jdbc, String weights) throws Exception {
        jdbc.sql("delete from linkage_pair").update();
        System.gc();
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            pool.resetPeakUsage();
        }
        long t = System.nanoTime();
        String body = post(port, "/api/v1/linkage/runs", "{\"area\":\"" + TOWN + "\"}");
        long id = Long.parseLong(body.replaceAll("\\D", ""));
        String status;
        while ("RUNNING".equals(status = jdbc.sql("select status from linkage_run where id = ?").param(id)
                .query(String.class).single())) {
            Thread.sleep(100);
        }
        double seconds = (System.nanoTime() - t) / 1e9;
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        Map<String, Object> run = jdbc.sql("select persons, comparisons, pairs, message from linkage_run where id = ?")
                .param(id).query().singleRow();
        long n = jdbc.sql("select count(*) from person where not entered_by_mistake and merged_into is null")
                .query(Long.class).single();
        long comparisons = ((Number) run.get("comparisons")).longValue();
        System.out.printf("run [%s weights]: %s in %.1f s (heap max %d MB, peak used %d MB); %s persons, %,d pairs"
                        + " compared of %,d possible (1 in %,.0f), %s queued %s%n", weights, status, seconds,
                Runtime.getRuntime().maxMemory() >> 20, peak >> 20, run.get("persons"), comparisons, n * (n - 1) / 2,
                n * (n - 1) / 2.0 / Math.max(1, comparisons), run.get("pairs"),
                run.get("message") == null ? "" : run.get("message"));
        return id;
    }

    static long key(long a, long b) {
        return Math.min(a, b) << 32 | Math.max(a, b);
    }

    static void evaluate(JdbcClient jdbc, long run, Truth t, String weights) {
        long first = t.first();
        long last = t.last();
        // a register kept before the generator knew it holds 15-digit forms of persons born in 2000 or later:
        // numbers that cannot exist (read as born in 19xx), not duplicates to find
        Set<Long> impossible = new HashSet<>(jdbc.sql("""
                select o.id from unnest(?::bigint[]) m(o) join person o on o.id = m.o where o.birth_date >= date '2000-01-01'""")
                .param(t.duplicates().stream().filter(d -> d.idKind().equals("FIFTEEN_DIGITS")).map(Dup::original)
                        .toArray(Long[]::new)).query(Long.class).list());
        Map<Long, Dup> truth = new HashMap<>();
        Set<Long> leftOut = new HashSet<>();
        for (Dup p : t.duplicates()) {
            if (p.idKind().equals("FIFTEEN_DIGITS") && impossible.contains(p.original())) {
                leftOut.add(key(p.original(), p.copy()));
            } else {
                truth.put(key(p.original(), p.copy()), p);
            }
        }
        if (!leftOut.isEmpty()) {
            System.out.printf("quality [%s weights]: %,d planted 15-digit numbers of persons born in 2000 or later left out"
                    + " of the truth (no such number exists; the register was kept from before the generator knew)%n",
                    weights, leftOut.size());
        }
        Set<Long> twins = new HashSet<>();
        t.twins().forEach(x -> twins.add(key(x[0], x[1])));
        Set<Long> namesakes = new HashSet<>();
        t.namesakes().forEach(x -> namesakes.add(key(x[0], x[1])));
        long[] auto = new long[2];   // [true, all]
        long[] review = new long[2];
        long[] lookAlikes = new long[4]; // twins auto, twins review, namesakes auto, namesakes review
        Map<String, long[]> byKind = new HashMap<>(); // kind -> [found, planted]
        for (Dup p : truth.values()) {
            byKind.computeIfAbsent(p.kind(), k -> new long[2])[1]++;
            byKind.computeIfAbsent("id " + p.idKind(), k -> new long[2])[1]++;
        }
        Set<Long> found = new HashSet<>();
        jdbc.sql("select left_id, right_id, match from linkage_pair where run_id = ?").param(run)
                .query((RowCallbackHandler) rs -> {
                    long a = rs.getLong(1);
                    long b = rs.getLong(2);
                    if (a < first || b < first || a > last || b > last) {
                        return; // the demo town's own records: no truth for them
                    }
                    long k = key(a, b);
                    if (leftOut.contains(k)) {
                        return;
                    }
                    boolean isAuto = "AUTO".equals(rs.getString(3));
                    boolean isTrue = truth.containsKey(k);
                    long[] bucket = isAuto ? auto : review;
                    bucket[1]++;
                    if (isTrue) {
                        bucket[0]++;
                        found.add(k);
                        Dup p = truth.get(k);
                        byKind.get(p.kind())[0]++;
                        byKind.get("id " + p.idKind())[0]++;
                    }
                    if (twins.contains(k)) {
                        lookAlikes[isAuto ? 0 : 1]++;
                    }
                    if (namesakes.contains(k)) {
                        lookAlikes[isAuto ? 2 : 3]++;
                    }
                });
        System.out.printf("quality [%s weights]: AUTO %,d pairs, precision %.4f (target >= 0.99); REVIEW %,d pairs,"
                        + " true among them %.3f; recall AUTO+REVIEW %.4f (target >= 0.95), AUTO alone %.4f%n", weights,
                auto[1], auto[0] / (double) Math.max(1, auto[1]), review[1], review[0] / (double) Math.max(1, review[1]),
                found.size() / (double) truth.size(), auto[0] / (double) truth.size());
        System.out.printf("look-alikes [%s weights]: twins %,d AUTO, %,d REVIEW of %,d; namesakes %,d AUTO, %,d REVIEW of %,d%n",
                weights, lookAlikes[0], lookAlikes[1], twins.size(), lookAlikes[2], lookAlikes[3], namesakes.size());
        StringBuilder kinds = new StringBuilder("recall by kind [" + weights + " weights]:");
        byKind.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> kinds.append(String.format(
                " %s %.3f (%d);", e.getKey(), e.getValue()[0] / (double) e.getValue()[1], e.getValue()[1])));
        System.out.println(kinds);
        misses(jdbc, truth, found, weights);
    }

    /** The planted duplicates not queued, by kind, ID kind and whether the copy is in the original's household. */
    static void misses(JdbcClient jdbc, Map<Long, Dup> truth, Set<Long> found, String weights) {
        List<Dup> missed = truth.entrySet().stream().filter(e -> !found.contains(e.getKey())).map(Map.Entry::getValue).toList();
        if (missed.isEmpty()) {
            return;
        }
        Set<Long> sameHousehold = new HashSet<>(jdbc.sql("""
                select o.id from unnest(?::bigint[], ?::bigint[]) m(o, c) join person o on o.id = m.o join person c on c.id = m.c
                where o.household_id = c.household_id""")
                .params(missed.stream().map(Dup::original).toArray(Long[]::new), missed.stream().map(Dup::copy).toArray(Long[]::new))
                .query(Long.class).list());
        Map<String, Integer> by = new java.util.TreeMap<>();
        missed.forEach(d -> by.merge(d.kind() + "/" + d.idKind() + "/" + (sameHousehold.contains(d.original()) ? "same" : "other")
                + " household", 1, Integer::sum));
        StringBuilder line = new StringBuilder("recall misses [" + weights + " weights] " + missed.size() + ":");
        by.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> line.append(' ').append(e.getKey()).append(' ').append(e.getValue()).append(';'));
        System.out.println(line);
    }

    /** The check at entry: a person about to be added who resembles one in the register; 2,000 of them. */
    static void entryCheck(DuplicateCheck check, JdbcClient jdbc, Truth truth) {
        Random r = new Random(7);
        List<PersonForm> forms = new ArrayList<>();
        for (int i = 0; i < 2200; i++) {
            Dup p = truth.duplicates().get(r.nextInt(truth.duplicates().size()));
            Map<String, Object> o = jdbc.sql("""
                    select p.name, p.id_number, p.sex, p.birth_date, h.household_no, p.hukou_code, p.village_code, p.phone
                    from person p left join household h on h.id = p.household_id where p.id = ?""")
                    .param(p.original()).query().singleRow();
            String name = r.nextBoolean() ? replaceOne((String) o.get("name"), HOMOPHONES, r) : (String) o.get("name");
            forms.add(new PersonForm(null, null, name, (String) o.get("sex"), ((java.sql.Date) o.get("birth_date")).toLocalDate(),
                    "01", "20", "71", r.nextBoolean() ? (String) o.get("household_no") : null, "20",
                    (String) o.get("hukou_code"), (String) o.get("village_code"), null, PersonStatus.REGISTERED, null,
                    null, null, null, null, null, null, null, null));
        }
        long[] lat = new long[2000];
        int withCandidates = 0;
        for (int i = 0; i < forms.size(); i++) {
            long t = System.nanoTime();
            int n = check.candidates(forms.get(i)).size();
            if (i >= 200) { // the first 200 warm up
                lat[i - 200] = System.nanoTime() - t;
                withCandidates += n > 0 ? 1 : 0;
            }
        }
        Arrays.sort(lat);
        System.out.printf("entry duplicate check (in the app's JVM, 2,000 entries after 200 warm-up, %,d found a"
                        + " candidate): p50 %.1f ms, p99 %.1f ms (target < 50 ms)%n", withCandidates, lat[1000] / 1e6,
                lat[1980] / 1e6);
    }
}
