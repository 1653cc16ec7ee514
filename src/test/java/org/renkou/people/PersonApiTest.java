package org.renkou.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.renkou.Api;
import org.renkou.RenkouTest;
import org.renkou.TestData;
import org.renkou.common.IdNumber;
import org.springframework.boot.test.web.server.LocalServerPort;

@RenkouTest
class PersonApiTest {
    private static final String TOWN = "430105181";
    private static final String VILLAGE = TOWN + "001";
    private static final String GRID = VILLAGE + "001";

    @LocalServerPort
    int port;
    Api admin;

    @BeforeEach
    void setUp() {
        admin = Api.as(port, "admin", "admin123");
        TestData.town(admin, "181");
    }

    private Api.Response create(String id, String name, String sex, LocalDate birth, String extra) {
        return admin.post("/api/v1/persons", TestData.person(id, name, sex, birth, VILLAGE, GRID, extra));
    }

    @Test
    void createsAndReadsAPersonWithTheWholeIdNumberOnTheDetailOnly() {
        LocalDate birth = LocalDate.of(1985, 6, 1);
        String id = TestData.idNumber(birth, "2");
        Api.Response created = create(id, "测试甲", "2", birth, "");
        assertThat(created.status()).isEqualTo(201);
        int personId = created.json("$.id");
        Api.Response detail = admin.get("/api/v1/persons/" + personId);
        assertThat(detail.<String>json("$.idNumber")).isEqualTo(id);
        assertThat(detail.<String>json("$.villageCode")).isEqualTo(VILLAGE);
        assertThat(detail.<Integer>json("$.version")).isZero();
        Api.Response list = admin.get("/api/v1/persons?idNumber=" + id);
        assertThat(list.<Integer>json("$.total")).isEqualTo(1);
        assertThat(list.<String>json("$.items[0].idNumber")).isEqualTo(IdNumber.mask(id)).contains("********");
    }

    @Test
    void aHouseholdHasOneHead() {
        LocalDate birth = LocalDate.of(1970, 7, 7);
        Api.Response head = create(TestData.idNumber(birth, "1"), "户主甲", "1", birth, "");
        assertThat(head.status()).as(head.body()).isEqualTo(201);
        String household = head.json("$.householdNo");
        String second = TestData.person(TestData.idNumber(birth, "2"), "户主乙", "2", birth, VILLAGE, GRID, "")
                .replaceFirst("\"householdNo\":\"[^\"]*\"", "\"householdNo\":\"" + household + "\"");
        Api.Response refused = admin.post("/api/v1/persons", second);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("relation");
        assertThat(refused.<String>json("$.errors[0].rule")).isEqualTo("secondHead");
        assertThat(refused.<String>json("$.errors[0].message")).contains(household).contains("户主甲");
        Api.Response spouse = admin.post("/api/v1/persons", second.replace("\"relation\":\"02\"", "\"relation\":\"10\""));
        assertThat(spouse.status()).as(spouse.body()).isEqualTo(201);
        Api.Response self = admin.get("/api/v1/persons/" + head.<Integer>json("$.id"));
        String again = TestData.person(self.json("$.idNumber"), "户主甲", "1", birth, VILLAGE, GRID, ",\"version\":0")
                .replaceFirst("\"householdNo\":\"[^\"]*\"", "\"householdNo\":\"" + household + "\"");
        assertThat(admin.put("/api/v1/persons/" + head.<Integer>json("$.id"), again.replace("测试地址", "新地址")).status())
                .as("the head stays the head").isEqualTo(200);
    }

    @Test
    void refusesAWrongCheckCharacterUnlessConfirmedAndThenFlagsIt() {
        LocalDate birth = LocalDate.of(1990, 1, 2);
        String valid = TestData.idNumber(birth, "1");
        String wrong = valid.substring(0, 17) + (valid.charAt(17) == '1' ? '2' : '1');
        Api.Response refused = create(wrong, "测试乙", "1", birth, "");
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.<String>json("$.errors[0].field")).isEqualTo("idNumber");
        assertThat(refused.<String>json("$.errors[0].rule")).isEqualTo("idNumber.check");
        assertThat(refused.<String>json("$.errors[0].message")).contains("身份证号").contains("" + valid.charAt(17));
        Api.Response confirmed = create(wrong, "测试乙", "1", birth, ",\"confirmIdNumber\":true");
        assertThat(confirmed.status()).isEqualTo(201);
        assertThat(confirmed.<Boolean>json("$.idNumberFlagged")).isTrue();
    }

    @Test
    void theIdNumberMustAgreeWithBirthDateAndSex() {
        LocalDate birth = LocalDate.of(1970, 3, 4);
        String id = TestData.idNumber(birth, "1");
        Api.Response r = create(id, "测试丙", "2", birth.plusDays(1), "");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.<List<String>>json("$.errors[*].rule")).contains("idNumber.birthDate", "idNumber.sex");
    }

    @Test
    void convertsFifteenDigitNumbersAndRefusesDuplicates() {
        String old = "430105" + "720809" + "125";
        Api.Response r = create(old, "测试丁", "1", LocalDate.of(1972, 8, 9), "");
        assertThat(r.status()).isEqualTo(201);
        assertThat(r.<String>json("$.idNumber")).hasSize(18).startsWith("43010519720809125");
        Api.Response again = create(r.json("$.idNumber"), "测试丁", "1", LocalDate.of(1972, 8, 9), "");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.<List<String>>json("$.errors[*].rule")).contains("idNumber.taken");
    }

    @Test
    void namesEveryBrokenRuleInEnglishWhenAsked() {
        Api.Response r = admin.inLanguage("en").post("/api/v1/persons", """
                {"name":"","sex":"7","birthDate":"2999-01-01","villageCode":"999","status":"REGISTERED",
                 "ethnicity":"99","hukouCode":"12"}""");
        assertThat(r.status()).isEqualTo(400);
        assertThat(r.<List<String>>json("$.errors[*].field"))
                .contains("name", "sex", "birthDate", "villageCode", "ethnicity", "hukouCode");
        assertThat(r.<List<String>>json("$.errors[?(@.field == 'name')].message")).containsExactly("Name: required.");
        Api.Response zh = admin.post("/api/v1/persons", "{\"name\":\"\",\"status\":\"REGISTERED\"}");
        assertThat(zh.<List<String>>json("$.errors[?(@.field == 'name')].message")).containsExactly("姓名：必须填写。");
    }

    @Test
    void aStaleVersionIsRefusedAndChangesLandInTheHistory() {
        LocalDate birth = LocalDate.of(1988, 11, 30);
        String id = TestData.idNumber(birth, "2");
        int personId = create(id, "测试戊", "2", birth, "").json("$.id");
        String changed = TestData.person(id, "测试戊改", "2", birth, VILLAGE, GRID, ",\"version\":0,\"phone\":\"13911112222\"");
        Api.Response first = admin.put("/api/v1/persons/" + personId, changed);
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.<Integer>json("$.version")).isEqualTo(1);
        Api.Response second = admin.put("/api/v1/persons/" + personId, changed.replace("测试戊改", "另一人"));
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.<String>json("$.detail")).contains("他人");
        assertThat(admin.get("/api/v1/persons/" + personId).<String>json("$.name")).isEqualTo("测试戊改");
        Api.Response history = admin.get("/api/v1/persons/" + personId + "/history");
        assertThat(history.<List<String>>json("$[*].field")).contains("name", "phone", "created");
        assertThat(history.<List<String>>json("$[?(@.field == 'name')].oldValue")).containsExactly("测试戊");
        assertThat(history.<List<String>>json("$[?(@.field == 'name')].username")).containsExactly("admin");
    }

    @Test
    void searchesByNamePrefixAreaStatusSexAndAge() {
        LocalDate birth = LocalDate.now().minusYears(30).minusDays(10);
        create(TestData.idNumber(birth, "1"), "欧阳前缀一", "1", birth, "");
        create(TestData.idNumber(birth, "2"), "欧阳前缀丁", "2", birth, "");
        String base = "/api/v1/persons?name=" + Api.enc("欧阳前缀");
        assertThat(admin.get(base).<Integer>json("$.total")).isEqualTo(2);
        assertThat(admin.get(base + "&sex=2").<List<String>>json("$.items[*].name")).containsExactly("欧阳前缀丁");
        assertThat(admin.get(base + "&area=" + TOWN).<Integer>json("$.total")).isEqualTo(2);
        assertThat(admin.get(base + "&area=" + GRID).<Integer>json("$.total")).isEqualTo(2);
        assertThat(admin.get(base + "&area=430105100").<Integer>json("$.total")).isZero();
        assertThat(admin.get(base + "&status=INFLOW").<Integer>json("$.total")).isZero();
        assertThat(admin.get(base + "&ageFrom=30&ageTo=30").<Integer>json("$.total")).isEqualTo(2);
        assertThat(admin.get(base + "&ageFrom=31").<Integer>json("$.total")).isZero();
        assertThat(admin.get(base + "&sort=name&dir=desc").<List<String>>json("$.items[*].name"))
                .containsExactly("欧阳前缀丁", "欧阳前缀一");
        assertThat(admin.get("/api/v1/persons?name=" + Api.enc("欧阳前")).<Integer>json("$.total")).isEqualTo(2);
        assertThat(admin.get("/api/v1/persons?name=" + Api.enc("欧阳前缀一")).<List<String>>json("$.items[*].name"))
                .containsExactly("欧阳前缀一");
        assertThat(admin.get("/api/v1/persons?name=" + Api.enc("欧阳前缀一x")).<Integer>json("$.total")).isZero();
        Api.Response page = admin.get(base + "&size=1&page=1&sort=name");
        assertThat(page.<List<String>>json("$.items[*].name")).containsExactly("欧阳前缀丁");
        assertThat(page.<Integer>json("$.size")).isEqualTo(1);
        Api.Response bad = admin.get(base + "&ageFrom=thirty&status=ALIVE&page=1");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.<List<String>>json("$.errors[*].field")).containsExactly("status", "ageFrom");
        assertThat(bad.<String>json("$.errors[1].message")).isEqualTo("年龄下限：“thirty”不是整数。");
    }

    @Test
    void aPersonEnteredByMistakeLeavesTheListsButIsKept() {
        LocalDate birth = LocalDate.of(2001, 2, 3);
        String id = TestData.idNumber(birth, "1");
        int personId = create(id, "误录人", "1", birth, "").json("$.id");
        assertThat(admin.post("/api/v1/persons/" + personId + "/entered-by-mistake?version=0", "").status()).isEqualTo(204);
        assertThat(admin.get("/api/v1/persons?idNumber=" + id).<Integer>json("$.total")).isZero();
        assertThat(admin.get("/api/v1/persons/" + personId).<Boolean>json("$.enteredByMistake")).isTrue();
    }

    @Test
    void aStatusChangeStartsANewDatedPeriod() {
        LocalDate birth = LocalDate.of(1995, 5, 5);
        String id = TestData.idNumber(birth, "1");
        int personId = create(id, "外出人", "1", birth, "").json("$.id");
        LocalDate left = LocalDate.now().minusMonths(2);
        Api.Response r = admin.put("/api/v1/persons/" + personId, TestData.person(id, "外出人", "1", birth, VILLAGE, GRID,
                ",\"version\":0,\"status\":\"OUTFLOW\",\"leftOn\":\"" + left + "\",\"otherPlaceCode\":\"440300\"")
                .replace("\"status\":\"REGISTERED\",", ""));
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.<String>json("$.status")).isEqualTo("OUTFLOW");
        assertThat(admin.get("/api/v1/persons/" + personId + "/history").<List<String>>json("$[*].field"))
                .contains("status", "leftOn");
    }
}
